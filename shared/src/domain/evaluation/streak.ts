/** How an actual figure compares with its target: `>=` and `>` for "at least"/"more than", `<=`/`<` for limits. */
export type Comparator = '>=' | '<=' | '>' | '<';

/** Whether `value` meets the target; null when there is no value (no data). */
export function meetsTarget(value: number | null, comparator: Comparator, target: number): boolean | null {
  if (value === null) return null;
  switch (comparator) {
    case '>=':
      return value >= target;
    case '>':
      return value > target;
    case '<=':
      return value <= target;
    case '<':
      return value < target;
  }
}

/** One period's actual figure (e.g. `{ period: '2026-Q1', value: 0.96 }`). */
export type PeriodActual = { period: string; value: number | null };

/** A streak goal evaluated over consecutive periods. */
export type Streak = {
  /** Whether each of the last `consecutivePeriods` periods met the target. */
  met: boolean;
  /** Every period with whether it met the target (null: no data, which does not meet it). */
  periods: (PeriodActual & { met: boolean | null })[];
  /** How many periods in a row, up to the last, met the target. */
  run: number;
};

/**
 * A goal that must hold for `consecutivePeriods` periods running (e.g. on-time delivery ≥ 95% for three quarters):
 * met when each of the last N periods of `actuals` (oldest first) meets the target. Fewer than N periods, or a
 * period without data among the last N, is not met.
 */
export function evaluateStreak(
  actuals: readonly PeriodActual[],
  target: number,
  comparator: Comparator,
  consecutivePeriods: number,
): Streak {
  if (!(Number.isInteger(consecutivePeriods) && consecutivePeriods >= 1)) {
    throw new RangeError(`consecutivePeriods must be a whole number of at least 1, got ${consecutivePeriods}`);
  }
  const periods = actuals.map((a) => ({ ...a, met: meetsTarget(a.value, comparator, target) }));
  let run = 0;
  while (run < periods.length && periods[periods.length - 1 - run]!.met === true) run++;
  return { met: run >= consecutivePeriods, periods, run };
}
