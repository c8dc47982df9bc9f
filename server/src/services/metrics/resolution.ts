import type { MetricsFilter, ResolutionThread, ThreadOutcomeEvent } from '@comms-log/shared';
import { resolutionThreadRows, type ResolutionThreadRow } from '../../db/queries/evaluation-metrics';
import type { ServiceCtx } from '../service-ctx';
import { scopeFilter } from './scope';

/*
 * The conversations the resolution figures read (docs/metrics.md "Goals"): each thread opened in the period with
 * its resolve and reopen events and our replies, as the shared `resolutionRate`, `firstContactResolution` and
 * `resolutionTimes` take them.
 */

/** A thread row as the shared formulas take it; events after `asOfMs` have not happened yet and are left out. */
export function resolutionThreadOf(row: ResolutionThreadRow, asOfMs: number): ResolutionThread {
  const outcomes: ThreadOutcomeEvent[] = [];
  for (const [kind, atMs] of JSON.parse(row.outcomes) as [ThreadOutcomeEvent['kind'], number][]) {
    if (atMs <= asOfMs) outcomes.push({ kind, atMs });
  }
  return { openedAtMs: row.opened_at, outcomes, outboundAtMs: JSON.parse(row.replies) as number[] };
}

/**
 * The threads opened in the filter's period that it keeps (read on each thread's first interaction; `purpose` on
 * the thread's), as of `asOfMs`. Staff get the threads they logged a message in. `resolvedOnly`: only threads ever
 * marked resolved, all that first-contact resolution and resolution time count.
 */
export async function resolutionThreads(
  ctx: ServiceCtx,
  filter: MetricsFilter,
  asOfMs: number,
  opts: { resolvedOnly?: boolean } = {},
): Promise<ResolutionThread[]> {
  const rows = await resolutionThreadRows(ctx.db, ctx.user.orgId, scopeFilter(ctx.user, filter), opts);
  return rows.map((row) => resolutionThreadOf(row, asOfMs));
}
