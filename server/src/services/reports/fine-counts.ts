import type { MetricsFilter, MetricsGroupBy } from '@comms-log/shared';
import { type FineRow, fineDayCountRows, fineRawRows } from '../../db/queries/report-counts';
import { dayCountsSplit, withRange } from '../metrics/day-counts';
import { grouping } from '../metrics/grouping';
import { scopeFilter } from '../metrics/scope';
import type { ServiceCtx } from '../service-ctx';

/*
 * The report's fine counts: the interactions of one filter counted per type, channel, direction, person, purpose
 * and local day, read once and kept column by column, each value as a small integer code, so that each of the
 * report's counts is a pass over integers (./fine-totals.ts) rather than over keys (docs/report.md "Speed").
 */

/** The dimensions of the fine counts other than the day, in a fine row's order. */
export const FINE_VALUE_DIMS = ['stakeholderType', 'channel', 'direction', 'user', 'purpose'] as const;
export type FineValueDim = (typeof FINE_VALUE_DIMS)[number];

export const FINE_DIMS: MetricsGroupBy[] = ['day', ...FINE_VALUE_DIMS];

/** The fine rows column by column; a key may come in more than one row (a day count and an edge of the range). */
export interface FineCounts {
  size: number;
  /** Each row's local day (days since 1970-01-01 in the plan's zone). */
  day: Int32Array;
  /** Each row's value of a dimension, as an index into `values` of that dimension. */
  codes: Record<FineValueDim, Uint32Array>;
  values: Record<FineValueDim, (string | null)[]>;
  count: Float64Array;
  total: number;
}

/** The rows' values replaced by codes, in one pass. */
function columnsOf(parts: FineRow[][]): FineCounts {
  const size = parts.reduce((n, p) => n + p.length, 0);
  const day = new Int32Array(size);
  const count = new Float64Array(size);
  const codes = {} as FineCounts['codes'];
  const values = {} as FineCounts['values'];
  const lookups = FINE_VALUE_DIMS.map((dim) => {
    codes[dim] = new Uint32Array(size);
    values[dim] = [];
    return new Map<string | null, number>();
  });
  let at = 0;
  let total = 0;
  for (const rows of parts)
    for (const row of rows) {
      for (let k = 0; k < FINE_VALUE_DIMS.length; k++) {
        const dim = FINE_VALUE_DIMS[k]!;
        const v = row[k] === null ? null : String(row[k]);
        let code = lookups[k]!.get(v);
        if (code === undefined) {
          code = values[dim].push(v) - 1;
          lookups[k]!.set(v, code);
        }
        codes[dim][at] = code;
      }
      day[at] = Number(row[5]);
      count[at] = Number(row[6]);
      total += count[at]!;
      at++;
    }
  return { size, day, codes, values, count, total };
}

/**
 * `metrics.totals` of `base` grouped by {@link FINE_DIMS} (the same scope, filter and local days): whole days one
 * row per day count (docs/metrics.md "Roll-ups"), the partial days at the edges grouped from the raw rows.
 */
export async function readFineCounts(ctx: ServiceCtx, base: MetricsFilter, zone: string): Promise<FineCounts> {
  const filter = scopeFilter(ctx.user, base);
  const { db } = ctx;
  const { orgId } = ctx.user;
  const g = grouping(FINE_DIMS, Date.parse(filter.from), Date.parse(filter.to), zone);
  const split = await dayCountsSplit(db, orgId, filter, g, zone);
  if (!split) return columnsOf([await fineRawRows(db, orgId, filter, g)]);
  return columnsOf(
    await Promise.all([
      fineDayCountRows(db, orgId, filter, split.days),
      ...split.edges.map((edge) => fineRawRows(db, orgId, withRange(filter, edge), g)),
    ]),
  );
}
