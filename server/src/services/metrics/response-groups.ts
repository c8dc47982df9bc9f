import type { ResponseStats } from '@comms-log/shared';
import { compareKeys, keyString, type Grouping, type KeyRecord } from './grouping';

/*
 * The groups of `metrics.responseTimes` (docs/metrics.md "Roll-ups"): one tally per group key, found once per raw
 * group value (several make one key: the days of a week). A wait finds its tally by its raw values through one Map
 * per value, so no string is made per wait.
 */

export function groupAccumulators<A extends { result(): ResponseStats }>(g: Grouping, fresh: () => A) {
  const groups = new Map<string, { key: KeyRecord; acc: A }>();
  const byRaw = new Map<unknown, unknown>();
  const accOf = (row: readonly unknown[], at: number): A => {
    const named: Record<string, unknown> = {};
    g.names.forEach((n, k) => {
      named[n] = row[at + k];
    });
    const key = g.keyOf(named);
    const ks = keyString(g.dims, key);
    let grp = groups.get(ks);
    if (!grp) {
      grp = { key, acc: fresh() };
      groups.set(ks, grp);
    }
    return grp.acc;
  };
  return {
    /** The tally of a wait whose group values (in the order of `g.names`) start at `row[at]`. */
    of(row: readonly unknown[], at: number): A {
      let level = byRaw;
      const last = at + g.names.length - 1;
      for (let k = at; k < last; k++) {
        let next = level.get(row[k]) as Map<unknown, unknown> | undefined;
        if (!next) {
          next = new Map();
          level.set(row[k], next);
        }
        level = next;
      }
      let acc = level.get(row[last]) as A | undefined;
      if (!acc) {
        acc = accOf(row, at);
        level.set(row[last], acc);
      }
      return acc;
    },
    /** Every group's tally, in no order. */
    tallies: () => [...groups.values()].map((grp) => grp.acc),
    rows: () =>
      [...groups.values()]
        .sort((a, b) => compareKeys(g.dims, a.key, b.key))
        .map((grp) => ({ key: grp.key, stats: grp.acc.result() })),
  };
}
