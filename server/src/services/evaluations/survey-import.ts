import { TRPCError } from '@trpc/server';
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
import { importEachRow, readImportCsv, readRow, RowRefused, runImport } from '../csv-import';
import { record as recordAudit } from '../audit/record';
import { nowOf, type ServiceCtx, type ServiceUser } from '../service-ctx';
import { StakeholderCellResolver } from './stakeholder-cell';
import { storeSurvey, surveyEnv, type SurveyEnv } from './surveys';

/* `evaluations.importSurveysCsv`: survey responses from a CSV file, previewed by a dry run like the stakeholder import. */

type SurveyIds = { responseId: string | null; stakeholderId: string | null };

/** Import one row as a response recorded by `user`: what the report says of it. */
async function importRow(
  tx: DbOrTx,
  user: ServiceUser,
  record: CsvRecord,
  run: { names: string[]; env: SurveyEnv; respondents: StakeholderCellResolver; report: SurveyImportReport },
): Promise<{ message: string; ids: SurveyIds }> {
  const { stakeholder: cell, ...answer } = readRow(surveyCsvRowSchema, run.names, record);
  const respondent = cell === undefined ? null : await run.respondents.resolve(cell);
  if (typeof respondent === 'string') throw new RowRefused(respondent);
  const data = { ...answer, id: ulid(run.env.now), stakeholderId: respondent?.id };
  const { row, followupId } = await storeSurvey(tx, user, data, run.env).catch((e: unknown) => {
    // The row's report still names the stakeholder it resolved to.
    throw e instanceof TRPCError ? new RowRefused<SurveyIds>(e.message, { stakeholderId: respondent?.id ?? null }) : e;
  });
  if (followupId) run.report.followups++;
  const from = respondent ? `from ${respondent.name}` : 'anonymous';
  return {
    message: `created ${row.instrument} ${row.score} ${from}${followupId ? ', a low score: follow-up created' : ''}`,
    ids: { responseId: run.report.dryRun ? null : row.id, stakeholderId: row.stakeholderId },
  };
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
    const respondents = new StakeholderCellResolver(
      { ...ctx, db: tx },
      { column: 'stakeholder', hint: 'give its id, an email address of it, or its name', byDomain: false },
    );
    const run = { names, env: await surveyEnv(tx, ctx.user.orgId, now), respondents, report };
    await importEachRow<SurveyIds>(rows, report, { responseId: null, stakeholderId: null }, (record) =>
      importRow(tx, ctx.user, record, run),
    );
    const { created, errors, followups } = report;
    if (!input.dryRun)
      await recordAudit({ ...ctx, db: tx }, { action: 'import.surveys', detail: { created, errors, followups } });
    return report;
  });
}
