import {
  ResponseStatsAccumulator,
  type MetricsFilter,
  type ResponseTimesResult,
  type WaitFigures,
} from '@comms-log/shared';
import { firstResponseWhere, scanWaits } from '../../db/queries/waits';
import type { ServiceCtx } from '../service-ctx';
import type { Grouping } from './grouping';
import { groupAccumulators } from './response-groups';

/*
 * Response figures from the waits read as JSON (`scanWaits`) and folded by the shared `ResponseStatsAccumulator`:
 * what `metrics.responseTimes` reads when a wait holds what the codes of db/queries/wait-codes.ts cannot carry.
 */

export interface ResponseScope {
  filter: MetricsFilter;
  grouping: Grouping;
  basis: 'working' | 'calendar';
  asOfMs: number;
  firstResponseOnly: boolean;
}

export async function scannedResponseTimes(ctx: ServiceCtx, s: ResponseScope): Promise<ResponseTimesResult> {
  const g = s.grouping;
  const options = { basis: s.basis, asOfMs: s.asOfMs };
  const total = new ResponseStatsAccumulator(options);
  const groups = groupAccumulators(g, () => new ResponseStatsAccumulator(options));
  const calendar = s.basis === 'calendar';
  const columns = ['repliedAt', calendar ? 'responseMs' : 'responseWorkMs', 'deadlineAt', 'closedAt'] as const;
  await scanWaits(
    ctx.db,
    ctx.user.orgId,
    s.filter,
    columns,
    (rows) => {
      // One object filled per wait: the accumulators read it and keep none of it.
      const figures: WaitFigures = {
        replyAtMs: null,
        responseMs: null,
        responseWorkMs: null,
        deadlineMs: null,
        closedAtMs: null,
      };
      for (const r of rows) {
        figures.replyAtMs = r[0];
        if (calendar) figures.responseMs = r[1];
        else figures.responseWorkMs = r[1];
        figures.deadlineMs = r[2];
        figures.closedAtMs = r[3];
        total.add(figures);
        if (g.dims.length) groups.of(r, columns.length).add(figures);
      }
    },
    { extra: g.values, narrow: s.firstResponseOnly ? { where: firstResponseWhere(true) } : undefined },
  );
  return { basis: s.basis, total: total.result(), rows: groups.rows() };
}
