import { eq } from 'drizzle-orm';
import type {
  ImportReport,
  ImportRowReport,
  importCsvInputSchema,
  stakeholderImportInputSchema,
} from '@comms-log/shared';
import type { z } from 'zod';
import type { DbOrTx } from '../../db/client';
import { users } from '../../db/schema';
import { record as recordAudit } from '../audit/record';
import { readImportCsv } from '../csv-import';
import { runJob } from '../jobs/run-job';
import { currentPlan } from '../plans';
import { nowOf, type ServiceCtx } from '../service-ctx';
import { applyPlan } from './import-apply';
import { isNewRef, type PlannedRow, planImport, type Progress } from './import-plan';
import { importColumns } from './import-row';

/** The preview's report of a planned row: a stakeholder the file creates has no id yet. */
function previewRow(p: PlannedRow): ImportRowReport {
  if (p.status === 'error') return { row: p.line, status: 'error', message: p.message, stakeholderId: null };
  const name = p.status === 'created' ? p.input.name : p.name;
  const stakeholderId = isNewRef(p.ref) ? null : p.ref;
  return { row: p.line, status: p.status, message: `${p.status} ${name}`, stakeholderId };
}

function reportOf(rows: ImportRowReport[], dryRun: boolean): ImportReport {
  const count = (status: ImportRowReport['status']) => rows.filter((r) => r.status === status).length;
  return { rows, created: count('created'), updated: count('updated'), errors: count('error'), dryRun };
}

/**
 * Import stakeholders from CSV into the org (the CLI's import acts for the org, no user). A row updates the
 * stakeholder that already holds one of its identities (or, without identities, has the same name and
 * organization), else creates one; identities are added, never removed. Every valid row applies even when others
 * fail; each row is reported.
 *
 * Preview (`dryRun`) and apply share one plan (planImport), made without writing: the preview reports it, the
 * apply writes it in committed slices. Rows that would be created report no stakeholder id in the preview.
 */
export async function importCsv(
  db: DbOrTx,
  orgId: string,
  input: z.output<typeof importCsvInputSchema>,
  now: number,
  progress: Progress = () => {},
): Promise<ImportReport> {
  const { dryRun } = input;
  const { names, rows } = readImportCsv(input.csv, { columns: importColumns, required: ['name', 'type'] });
  progress('reading', 0, rows.length);
  const owners = new Map(
    (await db.select({ id: users.id, email: users.email }).from(users).where(eq(users.orgId, orgId))).map((u) => [
      u.email,
      u.id,
    ]),
  );
  const { timeZone } = (await currentPlan(db, orgId)).plan.calendar;
  const planned = await planImport(db, orgId, rows, { header: names, owners, timeZone, now }, progress);
  if (dryRun) return reportOf(planned.map(previewRow), true);
  return reportOf(await applyPlan(db, orgId, planned, now, progress), false);
}

/**
 * `directory.importCsv` (managers): `importCsv` into the caller's org, as a job of theirs (under `jobId` when
 * given) whose progress `jobs.get` shows.
 */
export function importStakeholdersCsv(
  ctx: ServiceCtx,
  input: z.output<typeof stakeholderImportInputSchema>,
): Promise<ImportReport> {
  const { jobId, ...importInput } = input;
  const kind = input.dryRun ? 'stakeholderImportPreview' : 'stakeholderImport';
  return runJob(ctx, kind, jobId, async (job) => {
    const report = await importCsv(ctx.db, ctx.user.orgId, importInput, nowOf(ctx), (...p) => job.progress(...p));
    if (!report.dryRun) await recordImport(ctx, report);
    return report;
  });
}

/** The audit entry of a stakeholder import that was written. */
export function recordImport(ctx: ServiceCtx, report: ImportReport): Promise<void> {
  const { created, updated, errors } = report;
  return recordAudit(ctx, { action: 'import.stakeholders', detail: { created, updated, errors } });
}
