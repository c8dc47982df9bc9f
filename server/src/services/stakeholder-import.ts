import { TRPCError } from '@trpc/server';
import { and, eq, or, sql, type SQL } from 'drizzle-orm';
import {
  CsvParseError,
  parseCsv,
  stakeholderInputSchema,
  type IdentityInput,
  type IdentityKind,
  type ImportReport,
} from '@comms-log/shared';
import type { Db } from '../db/client';
import { identities, stakeholders, users } from '../db/schema';
import { describeZodError } from '../trpc';
import { createStakeholder, normalizeIdentities, updateStakeholder } from './directory';

/** The import's columns; `name` and `type` are required, multi-value columns are `;`-separated. */
export const importColumns = [
  'name',
  'type',
  'tier',
  'organization',
  'owner_email',
  'emails',
  'domains',
  'weibo',
  'jira',
  'trello',
  'phones',
] as const;
type Column = (typeof importColumns)[number];

const identityColumns: [Column, IdentityKind][] = [
  ['emails', 'email'],
  ['domains', 'domain'],
  ['weibo', 'weibo'],
  ['jira', 'jira'],
  ['trello', 'trello'],
  ['phones', 'phone'],
];

export const MAX_IMPORT_ROWS = 10_000;

/**
 * Import stakeholders from CSV. A row updates the stakeholder that already holds one of its identities (or,
 * without identities, has the same name and organization), else creates one; identities are added, never
 * removed. Every valid row applies even when others fail; each row is reported.
 *
 * `dryRun` runs the very same import and rolls it back, so its verdicts (created, updated, error) are the ones a real
 * import would give, rows of the file that touch the same stakeholder included; nothing is written, and rows that
 * would be created report no stakeholder id.
 */
export async function importStakeholdersCsv(
  db: Db,
  orgId: string,
  csv: string,
  opts: { dryRun?: boolean } = {},
  now = Date.now(),
): Promise<ImportReport> {
  const dryRun = opts.dryRun ?? false;
  let records: { line: number; fields: string[] }[];
  try {
    records = parseCsv(csv);
  } catch (e) {
    if (e instanceof CsvParseError)
      throw new TRPCError({ code: 'BAD_REQUEST', message: `The CSV cannot be read: line ${e.line}: ${e.message}.` });
    throw e;
  }
  const header = records.shift();
  if (!header) throw new TRPCError({ code: 'BAD_REQUEST', message: 'The CSV is empty: it needs a header line.' });
  const names = header.fields.map((f) => f.trim().toLowerCase());
  const unknown = names.filter((n) => n !== '' && !(importColumns as readonly string[]).includes(n));
  if (unknown.length) {
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: `Unknown column(s): ${unknown.join(', ')}. The columns are: ${importColumns.join(',')}.`,
    });
  }
  for (const required of ['name', 'type']) {
    if (!names.includes(required))
      throw new TRPCError({ code: 'BAD_REQUEST', message: `The header needs a "${required}" column.` });
  }
  const dataRows = records.filter((r) => r.fields.some((f) => f.trim() !== ''));
  if (dataRows.length > MAX_IMPORT_ROWS) {
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: `At most ${MAX_IMPORT_ROWS} rows per import; this file has ${dataRows.length}.`,
    });
  }
  const owners = new Map(
    (await db.select({ id: users.id, email: users.email }).from(users).where(eq(users.orgId, orgId))).map((u) => [
      u.email,
      u.id,
    ]),
  );

  const run = db.transaction(async (tx) => {
    const report: ImportReport = { rows: [], created: 0, updated: 0, errors: 0, dryRun };
    for (const record of dataRows) {
      const cell = (c: Column) => {
        const idx = names.indexOf(c);
        return idx < 0 ? '' : (record.fields[idx] ?? '').trim();
      };
      const fail = (message: string) => {
        report.rows.push({ row: record.line, status: 'error', message, stakeholderId: null });
        report.errors++;
      };
      const ownerEmail = cell('owner_email').toLowerCase();
      const ownerUserId = ownerEmail ? owners.get(ownerEmail) : null;
      if (ownerUserId === undefined) {
        fail(`owner_email: no user ${ownerEmail} in this org`);
        continue;
      }
      const identityList: IdentityInput[] = identityColumns.flatMap(([column, kind]) =>
        cell(column)
          .split(';')
          .map((v) => v.trim())
          .filter(Boolean)
          .map((value) => ({ kind, value })),
      );
      const parsed = stakeholderInputSchema.safeParse({
        name: cell('name'),
        type: cell('type').toLowerCase(),
        tier: cell('tier') || undefined,
        organization: cell('organization') || null,
        ownerUserId,
        identities: identityList,
      });
      if (!parsed.success) {
        fail(describeZodError(parsed.error));
        continue;
      }
      const input = parsed.data;
      try {
        const result = await tx.transaction(async (sp) => {
          const normalized = normalizeIdentities(input.identities);
          let existingId: string | null = null;
          if (normalized.length) {
            const owners = await sp
              .selectDistinct({ id: identities.stakeholderId })
              .from(identities)
              .where(
                and(
                  eq(identities.orgId, orgId),
                  or(
                    ...(normalized.map((i) =>
                      and(eq(identities.kind, i.kind), eq(identities.value, i.value)),
                    ) as SQL[]),
                  ),
                ),
              );
            if (owners.length > 1)
              throw new TRPCError({ code: 'CONFLICT', message: 'its identities belong to different stakeholders' });
            existingId = owners[0]?.id ?? null;
          }
          if (!existingId) {
            const [same] = await sp
              .select({ id: stakeholders.id })
              .from(stakeholders)
              .where(
                and(
                  eq(stakeholders.orgId, orgId),
                  sql`lower(${stakeholders.name}) = ${input.name.toLowerCase()}`,
                  sql`lower(coalesce(${stakeholders.organization}, '')) = ${(input.organization ?? '').toLowerCase()}`,
                ),
              )
              .limit(1);
            existingId = same?.id ?? null;
          }
          const fields = {
            name: input.name,
            type: input.type,
            tier: input.tier,
            organization: input.organization,
            ownerUserId: input.ownerUserId,
          };
          if (existingId) {
            // Only the columns present in the file change; owner and tier are kept when their cell is empty.
            const patch: Partial<typeof fields> = { name: fields.name, type: fields.type };
            if (names.includes('organization')) patch.organization = fields.organization;
            if (cell('tier')) patch.tier = fields.tier;
            if (ownerEmail) patch.ownerUserId = fields.ownerUserId;
            const s = await updateStakeholder(
              sp,
              orgId,
              existingId,
              { ...patch, active: true },
              { mode: 'add', list: input.identities },
              now,
            );
            return { status: 'updated' as const, id: s.id, name: s.name };
          }
          const s = await createStakeholder(
            sp,
            orgId,
            { ...fields, cadenceOverride: null, active: true },
            input.identities,
            now,
          );
          return { status: 'created' as const, id: s.id, name: s.name };
        });
        report.rows.push({
          row: record.line,
          status: result.status,
          message: `${result.status} ${result.name}`,
          stakeholderId: dryRun && result.status === 'created' ? null : result.id,
        });
        report[result.status]++;
      } catch (e) {
        if (e instanceof TRPCError) fail(e.message);
        else throw e;
      }
    }
    if (dryRun) throw new DryRunRollback(report);
    return report;
  });
  try {
    return await run;
  } catch (e) {
    if (e instanceof DryRunRollback) return e.report;
    throw e;
  }
}

/** Thrown out of a dry run's transaction so that it rolls back, carrying the report out. */
class DryRunRollback extends Error {
  constructor(readonly report: ImportReport) {
    super('dry run: rolled back');
  }
}
