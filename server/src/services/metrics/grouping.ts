import { sql } from 'drizzle-orm';
import type { MetricsGroupBy } from '@comms-log/shared';
import { groupValues, isTimeDim, localDaySql, type GroupValues } from '../../db/queries/metrics';
import { timeKey, zoneOffsets } from './time-keys';

/*
 * The groups of a grouped figure: grouped in SQL by the dimensions' values and the local day, rolled up here to
 * each row's key (`{ channel: 'email', week: '2026-W11' }`), in one order for every figure.
 */

export type KeyRecord = Record<string, string | null>;

export interface Grouping extends GroupValues {
  /** The dimensions asked, each once, in the order asked. */
  dims: MetricsGroupBy[];
  /** The same values over the day counts (`i.day` for the local day; docs/metrics.md "Roll-ups"). */
  rollup: GroupValues;
  /** The key of a row that carries the values by their `names`. */
  keyOf(row: Record<string, unknown>): KeyRecord;
}

export function grouping(dims: readonly MetricsGroupBy[], fromMs: number, toMs: number, zone: string): Grouping {
  const unique = [...new Set(dims)];
  const offsets = unique.some(isTimeDim) ? zoneOffsets(fromMs, toMs, zone) : null;
  return {
    dims: unique,
    ...groupValues(unique, offsets ? localDaySql(offsets) : null),
    rollup: groupValues(unique, offsets ? sql`i.day` : null),
    keyOf(row) {
      const key: KeyRecord = {};
      unique.forEach((dim, k) => {
        if (isTimeDim(dim)) key[dim] = timeKey(Number(row.d), dim);
        else {
          const v = row[`g${k}`];
          key[dim] = v === null || v === undefined ? null : String(v);
        }
      });
      return key;
    },
  };
}

/** A key as a string, to merge the rows of one key. */
export const keyString = (dims: readonly MetricsGroupBy[], key: KeyRecord): string =>
  JSON.stringify(dims.map((d) => key[d] ?? null));

/** The order of grouped rows: by each dimension in turn, nulls last. */
export function compareKeys(dims: readonly MetricsGroupBy[], a: KeyRecord, b: KeyRecord): number {
  for (const d of dims) {
    const x = a[d] ?? null;
    const y = b[d] ?? null;
    if (x === y) continue;
    if (x === null) return 1;
    if (y === null) return -1;
    return x < y ? -1 : 1;
  }
  return 0;
}

/** Counts summed per key, in the order of `compareKeys`. */
export class KeyedCounts {
  private readonly merged = new Map<string, { key: KeyRecord; count: number }>();

  constructor(private readonly dims: readonly MetricsGroupBy[]) {}

  add(key: KeyRecord, n: number): void {
    const ks = keyString(this.dims, key);
    const hit = this.merged.get(ks);
    if (hit) hit.count += n;
    else this.merged.set(ks, { key, count: n });
  }

  rows(): { key: KeyRecord; count: number }[] {
    return [...this.merged.values()].sort((a, b) => compareKeys(this.dims, a.key, b.key));
  }
}
