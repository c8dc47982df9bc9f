import { ReportThreadStopped, type ReportBuilder } from '../../db/readers/start';
import type { ServiceCtx } from '../service-ctx';
import { type ReportInput, type ReportKind, type ReportResult, runReportService } from './report-services';
import { runJob } from './run-job';

type BuilderCtx = ServiceCtx & { reportBuilder?: ReportBuilder };

/**
 * Build `kind` in the report thread when there is one (docs/architecture.md "The report builder"), this thread only
 * awaiting the answer; else, or once that thread has stopped, in this thread. A read the stopped thread held runs
 * again here; a save does not (it may have been stored), and fails.
 */
export async function buildOffThread<K extends ReportKind>(
  ctx: BuilderCtx,
  kind: K,
  input: ReportInput<K>,
  onStep: (done: number, total: number) => void,
): Promise<ReportResult<K>> {
  const builder = ctx.reportBuilder;
  if (builder?.running) {
    try {
      return await builder.build(kind, { user: ctx.user, input, now: ctx.now }, onStep);
    } catch (e) {
      if (!(e instanceof ReportThreadStopped) || kind === 'save') throw e;
    }
  }
  return runReportService(kind, { db: ctx.db, user: ctx.user, now: ctx.now, onStep }, input);
}

/**
 * Build a report (`reports.period`, `.goals`, `.save`) off the request path (`buildOffThread`) as a job of the
 * caller's, so that the page waiting for it can show its steps (`jobs.list`).
 */
export function buildReport<K extends ReportKind>(
  ctx: BuilderCtx,
  kind: K,
  input: ReportInput<K>,
): Promise<ReportResult<K>> {
  return runJob(ctx, 'reportBuild', undefined, (job) =>
    buildOffThread(ctx, kind, input, (done, total) => job.progress('reading', done, total)),
  );
}
