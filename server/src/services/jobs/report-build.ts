import { ReportThreadStopped, type ReportBuilder } from '../../db/readers/start';
import type { ServiceCtx } from '../service-ctx';
import { type ReportInput, type ReportKind, type ReportResult, runReportService } from './report-services';
import { runJob } from './run-job';

/**
 * Build a report (`reports.period`, `.goals`, `.save`) as a job of the caller's, so that the page waiting for it can
 * show its steps (`jobs.list`): in the report thread when there is one (docs/architecture.md "The report builder"),
 * the main thread only awaiting the answer; else, or once that thread has stopped, in this thread. A read the
 * stopped thread held runs again here; a save does not (it may have been stored), and fails.
 */
export function buildReport<K extends ReportKind>(
  ctx: ServiceCtx & { reportBuilder?: ReportBuilder },
  kind: K,
  input: ReportInput<K>,
): Promise<ReportResult<K>> {
  return runJob(ctx, 'reportBuild', undefined, async (job) => {
    const onStep = (done: number, total: number) => job.progress('reading', done, total);
    const builder = ctx.reportBuilder;
    if (builder?.running) {
      try {
        return await builder.build(kind, { user: ctx.user, input, now: ctx.now }, onStep);
      } catch (e) {
        if (!(e instanceof ReportThreadStopped) || kind === 'save') throw e;
      }
    }
    return runReportService(kind, { db: ctx.db, user: ctx.user, now: ctx.now, onStep }, input);
  });
}
