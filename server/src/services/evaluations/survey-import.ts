import { TRPCError } from '@trpc/server';
import { and, eq, sql } from 'drizzle-orm';
import { ulid } from 'ulid';
import {
  surveyCsvHeader,
  surveyCsvRowSchema,
  type CsvRecord,
  type SurveyImportReport,
  type surveyImportInputSchema,
} from '@comms-log/shared';
import type { z } from 'zod';
import type { DbOrTx } from '../../db/client';
import { identities, stakeholders } from '../../db/schema';
import { describeZodError } from '../../trpc';
import { readImportCsv, runImport } from '../csv-import';
import { nowOf, type ServiceCtx, type ServiceUser } from '../service-ctx';
import { storeSurvey, surveyEnv, type SurveyEnv } from './surveys';

/* `evaluations.importSurveysCsv`: survey responses from a CSV file, previewed by a dry run like the stakeholder import. */

type Respondent = { id: string; name: string };

/** Resolves a `stakeholder` cell to one of the org's stakeholders: by id, by email identity, else by name. */
class RespondentResolver {
  readonly #known = new Map<string, Respondent | string>();

  constructor(
    readonly db: DbOrTx,
    readonly orgId: string,
  ) {}

  /** The stakeholder, or why the cell names none. */
  async resolve(cell: string): Promise<Respondent | string> {
    let found = this.#known.get(cell);
    if (found === undefined) {
      found = await this.#lookup(cell);
      this.#known.set(cell, found);
    }
    return found;
  }

  async #lookup(cell: string): Promise<Respondent | string> {
    const { db, orgId } = this;
    const columns = { id: stakeholders.id, name: stakeholders.name };
    const [byId] = await db
      .select(columns)
      .from(stakeholders)
      .where(and(eq(stakeholders.orgId, orgId), eq(stakeholders.id, cell)));
    if (byId) return byId;
    if (cell.includes('@')) {
      const [byEmail] = await db
        .select(columns)
        .from(identities)
        .innerJoin(stakeholders, eq(stakeholders.id, identities.stakeholderId))
        .where(
          and(eq(identities.orgId, orgId), eq(identities.kind, 'email'), eq(identities.value, cell.toLowerCase())),
        );
      if (byEmail) return byEmail;
    }
    const byName = await db
      .select(columns)
      .from(stakeholders)
      .where(and(eq(stakeholders.orgId, orgId), sql`lower(${stakeholders.name}) = ${cell.toLowerCase()}`))
      .limit(2);
    if (byName.length === 1) return byName[0]!;
    if (byName.length > 1) return `stakeholder: several stakeholders are named ${cell}; give its id or email instead`;
    return `stakeholder: no stakeholder ${cell} in your org (give its id, an email address of it, or its name)`;
  }
}

/** The row's cells by the header's column names. */
function cellsOf(names: string[], record: CsvRecord): Record<string, string> {
  const cells: Record<string, string> = {};
  names.forEach((name, i) => {
    if (name !== '') cells[name] = record.fields[i] ?? '';
  });
  return cells;
}

/** Import one row as a response recorded by `user`, and report it. */
async function importRow(
  tx: DbOrTx,
  user: ServiceUser,
  record: CsvRecord,
  run: { names: string[]; env: SurveyEnv; respondents: RespondentResolver; report: SurveyImportReport },
): Promise<void> {
  const { report } = run;
  const fail = (message: string, stakeholderId: string | null = null) => {
    report.rows.push({ row: record.line, status: 'error', message, responseId: null, stakeholderId });
    report.errors++;
  };
  const parsed = surveyCsvRowSchema.safeParse(cellsOf(run.names, record));
  if (!parsed.success) return fail(describeZodError(parsed.error));
  const { stakeholder: cell, ...answer } = parsed.data;
  const respondent = cell === undefined ? null : await run.respondents.resolve(cell);
  if (typeof respondent === 'string') return fail(respondent);
  try {
    const data = { ...answer, id: ulid(run.env.now), stakeholderId: respondent?.id };
    const { row, followupId } = await storeSurvey(tx, user, data, run.env);
    const from = respondent ? `from ${respondent.name}` : 'anonymous';
    report.rows.push({
      row: record.line,
      status: 'created',
      message: `created ${row.instrument} ${row.score} ${from}${followupId ? ', a low score: follow-up created' : ''}`,
      responseId: report.dryRun ? null : row.id,
      stakeholderId: row.stakeholderId,
    });
    report.created++;
    if (followupId) report.followups++;
  } catch (e) {
    if (e instanceof TRPCError) fail(e.message, respondent?.id ?? null);
    else throw e;
  }
}

/**
 * Import survey responses recorded by the caller, one per row (header: `surveyCsvHeader`). Every valid row is
 * stored even when others fail, each row is reported with its line; low scores create follow-ups as one response
 * recorded by hand does. `dryRun` runs the same import and rolls it back.
 */
export function importSurveysCsv(
  ctx: ServiceCtx,
  input: z.output<typeof surveyImportInputSchema>,
): Promise<SurveyImportReport> {
  const { names, rows } = readImportCsv(input.csv, {
    columns: surveyCsvHeader,
    required: ['instrument', 'score', 'stakeholder_type', 'answered_at'],
  });
  const now = nowOf(ctx);
  return runImport(ctx.db, input.dryRun, async (tx) => {
    const report: SurveyImportReport = { rows: [], created: 0, errors: 0, followups: 0, dryRun: input.dryRun };
    const run = {
      names,
      env: await surveyEnv(tx, ctx.user.orgId, now),
      respondents: new RespondentResolver(tx, ctx.user.orgId),
      report,
    };
    for (const record of rows) await importRow(tx, ctx.user, record, run);
    return report;
  });
}
