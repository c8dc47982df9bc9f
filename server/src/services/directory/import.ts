import { TRPCError } from '@trpc/server';
import { and, eq } from 'drizzle-orm';
import {
  isoDateSchema,
  isoDateTimeSchema,
  stakeholderInputSchema,
  type CsvRecord,
  type IdentityInput,
  type IdentityKind,
  type ImportReport,
  type importCsvInputSchema,
  stakeholderCsvColumns,
} from '@comms-log/shared';
import type { z } from 'zod';
import type { DbOrTx } from '../../db/client';
import { identities, stakeholders, users } from '../../db/schema';
import { describeZodError } from '../../trpc';
import { importInSlices, readImportCsv } from '../csv-import';
import { dateOrInstantMs } from '../evaluations/surveys';
import { currentPlan } from '../plans';
import { record as recordAudit } from '../audit/record';
import { nowOf, type ServiceCtx } from '../service-ctx';
import { anyIdentity, normalizeIdentities } from './identities';
import { insertStakeholder, writeStakeholder, type StakeholderFields } from './stakeholders';

const importColumns = stakeholderCsvColumns;
type Column = (typeof importColumns)[number];

const identityColumns: [Column, IdentityKind][] = [
  ['emails', 'email'],
  ['domains', 'domain'],
  ['weibo', 'weibo'],
  ['jira', 'jira'],
  ['trello', 'trello'],
  ['phones', 'phone'],
];

/** One row of the file: its cells by column, and whether the header has a column. */
class CsvRow {
  constructor(
    readonly names: string[],
    readonly record: CsvRecord,
  ) {}

  cell(c: Column): string {
    const idx = this.names.indexOf(c);
    return idx < 0 ? '' : (this.record.fields[idx] ?? '').trim();
  }

  has(c: Column): boolean {
    return this.names.includes(c);
  }
}

/** SQLite's lower(): ASCII letters only. */
const sqliteLower = (s: string) => s.replace(/[A-Z]+/g, (m) => m.toLowerCase());

/**
 * The org's stakeholders by lower(name) and lower(organization), read once per import and kept up to date by its
 * rows: a lookup per row by lower(name) cannot use an index and read every stakeholder of the org each time.
 */
class NamesIndex {
  readonly #ids = new Map<string, Set<string>>();
  readonly #keyOf = new Map<string, string>();

  static async read(db: DbOrTx, orgId: string): Promise<NamesIndex> {
    const index = new NamesIndex();
    const rows = await db
      .select({ id: stakeholders.id, name: stakeholders.name, organization: stakeholders.organization })
      .from(stakeholders)
      .where(eq(stakeholders.orgId, orgId))
      .orderBy(stakeholders.seq);
    for (const r of rows) index.set(r.id, sqliteLower(r.name), sqliteLower(r.organization ?? ''));
    return index;
  }

  /** As the SQL lookup did: lower(name) = the input's name lower-cased, the same for the organization. */
  find(name: string, organization: string | null): string | null {
    const ids = this.#ids.get(`${name.toLowerCase()}\u0000${(organization ?? '').toLowerCase()}`);
    return ids?.values().next().value ?? null;
  }

  /** Record a stakeholder's current name and organization as stored. */
  set(id: string, name: string, organization: string): void {
    const old = this.#keyOf.get(id);
    if (old !== undefined) this.#ids.get(old)?.delete(id);
    const key = `${name}\u0000${organization}`;
    this.#keyOf.set(id, key);
    this.#ids.set(key, (this.#ids.get(key) ?? new Set()).add(id));
  }
}

/** The stakeholder that already holds one of the identities or, without identities, has the same name and organization. */
async function existingStakeholder(
  db: DbOrTx,
  orgId: string,
  input: z.output<typeof stakeholderInputSchema>,
  names: NamesIndex,
): Promise<string | null> {
  const normalized = normalizeIdentities(input.identities);
  if (normalized.length) {
    const holders = await db
      .selectDistinct({ id: identities.stakeholderId })
      .from(identities)
      .where(and(eq(identities.orgId, orgId), anyIdentity(normalized)));
    if (holders.length > 1)
      throw new TRPCError({ code: 'CONFLICT', message: 'its identities belong to different stakeholders' });
    if (holders[0]) return holders[0].id;
  }
  return names.find(input.name, input.organization ?? null);
}

/** Update the stakeholder the row names, or create one; identities are added, never removed. */
async function applyRow(
  db: DbOrTx,
  orgId: string,
  row: CsvRow,
  input: z.output<typeof stakeholderInputSchema>,
  now: number,
  names: NamesIndex,
) {
  const existingId = await existingStakeholder(db, orgId, input, names);
  if (existingId) {
    // Only the columns present in the file change; owner and tier are kept when their cell is empty.
    const patch: Partial<StakeholderFields> = { name: input.name, type: input.type };
    if (row.has('organization')) patch.organization = input.organization;
    if (row.cell('tier')) patch.tier = input.tier;
    if (row.cell('owner_email')) patch.ownerUserId = input.ownerUserId;
    const change = { mode: 'add' as const, list: input.identities };
    const s = await writeStakeholder(db, orgId, existingId, { ...patch, active: true }, change, now);
    return { status: 'updated' as const, id: s.id, name: s.name, organization: s.organization };
  }
  const s = await insertStakeholder(db, orgId, { ...input, cadenceOverride: null, active: true }, now);
  return { status: 'created' as const, id: s.id, name: s.name, organization: s.organization };
}

/** The row's `created_at` as an instant (a bare date is midnight in the org's zone), or what is wrong with it. */
function createdAtOf(row: CsvRow, timeZone: string): { createdAt?: string } | string {
  const cell = row.cell('created_at');
  if (!cell) return {};
  if (!isoDateSchema.safeParse(cell).success && !isoDateTimeSchema.safeParse(cell).success)
    return `created_at: "${cell}" must be a date (2026-03-10) or a date-time with an offset (2026-03-10T09:12:00+08:00)`;
  return { createdAt: new Date(dateOrInstantMs(cell, timeZone)).toISOString() };
}

/** The row as a stakeholder input, or what is wrong with it. */
function rowInput(
  row: CsvRow,
  owners: Map<string, string>,
  timeZone: string,
): z.output<typeof stakeholderInputSchema> | string {
  const created = createdAtOf(row, timeZone);
  if (typeof created === 'string') return created;
  const ownerEmail = row.cell('owner_email').toLowerCase();
  const ownerUserId = ownerEmail ? owners.get(ownerEmail) : null;
  if (ownerUserId === undefined) return `owner_email: no user ${ownerEmail} in this org`;
  const identityList: IdentityInput[] = identityColumns.flatMap(([column, kind]) =>
    row
      .cell(column)
      .split(';')
      .map((v) => v.trim())
      .filter(Boolean)
      .map((value) => ({ kind, value })),
  );
  const parsed = stakeholderInputSchema.safeParse({
    name: row.cell('name'),
    type: row.cell('type').toLowerCase(),
    tier: row.cell('tier') || undefined,
    organization: row.cell('organization') || null,
    ownerUserId,
    identities: identityList,
    ...created,
  });
  return parsed.success ? parsed.data : describeZodError(parsed.error);
}

/** Import one row in its own savepoint, and report it. */
async function importRow(
  tx: DbOrTx,
  orgId: string,
  row: CsvRow,
  owners: Map<string, string>,
  report: ImportReport,
  now: number,
  timeZone: string,
  names: NamesIndex,
) {
  const fail = (message: string) => {
    report.rows.push({ row: row.record.line, status: 'error', message, stakeholderId: null });
    report.errors++;
  };
  const input = rowInput(row, owners, timeZone);
  if (typeof input === 'string') return fail(input);
  try {
    const result = await tx.transaction((sp) => applyRow(sp, orgId, row, input, now, names));
    names.set(result.id, sqliteLower(result.name), sqliteLower(result.organization ?? ''));
    report.rows.push({
      row: row.record.line,
      status: result.status,
      message: `${result.status} ${result.name}`,
      stakeholderId: report.dryRun && result.status === 'created' ? null : result.id,
    });
    report[result.status]++;
  } catch (e) {
    if (e instanceof TRPCError) fail(e.message);
    else throw e;
  }
}

/**
 * Import stakeholders from CSV into the org (the CLI's import acts for the org, no user). A row updates the
 * stakeholder that already holds one of its identities (or, without identities, has the same name and
 * organization), else creates one; identities are added, never removed. Every valid row applies even when others
 * fail; each row is reported.
 *
 * `dryRun` runs the very same import and rolls it back, so its verdicts (created, updated, error) are the ones a real
 * import would give, rows of the file that touch the same stakeholder included; nothing is written, and rows that
 * would be created report no stakeholder id.
 */
export async function importCsv(
  db: DbOrTx,
  orgId: string,
  input: z.output<typeof importCsvInputSchema>,
  now: number,
): Promise<ImportReport> {
  const { dryRun } = input;
  const { names, rows } = readImportCsv(input.csv, { columns: importColumns, required: ['name', 'type'] });
  const owners = new Map(
    (await db.select({ id: users.id, email: users.email }).from(users).where(eq(users.orgId, orgId))).map((u) => [
      u.email,
      u.id,
    ]),
  );
  const { timeZone } = (await currentPlan(db, orgId)).plan.calendar;
  const report: ImportReport = { rows: [], created: 0, updated: 0, errors: 0, dryRun };
  const byName = await NamesIndex.read(db, orgId);
  await importInSlices(db, dryRun, rows, (tx, record) =>
    importRow(tx, orgId, new CsvRow(names, record), owners, report, now, timeZone, byName),
  );
  return report;
}

/** `directory.importCsv` (managers): `importCsv` into the caller's org. */
export async function importStakeholdersCsv(
  ctx: ServiceCtx,
  input: z.output<typeof importCsvInputSchema>,
): Promise<ImportReport> {
  const report = await importCsv(ctx.db, ctx.user.orgId, input, nowOf(ctx));
  if (!report.dryRun) await recordImport(ctx, report);
  return report;
}

/** The audit entry of a stakeholder import that was written. */
export function recordImport(ctx: ServiceCtx, report: ImportReport): Promise<void> {
  const { created, updated, errors } = report;
  return recordAudit(ctx, { action: 'import.stakeholders', detail: { created, updated, errors } });
}
