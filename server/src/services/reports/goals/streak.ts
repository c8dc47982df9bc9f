import { DateTime } from 'luxon';
import { evaluateStreak, type Goal, type MetricsFilter, type ReportGoal, type WorkCalendar } from '@comms-log/shared';
import { toIso } from '../../../iso';
import type { ReportFigures } from '../figures';
import { actualOf } from './actuals';
import type { Actual } from './evaluation-actuals';

/*
 * Streak goals ("≥ 95% for 3 consecutive quarters", docs/metrics.md "Goals"): the goal's figure for each of its
 * last N periods, the last one holding the end of the report's period, judged by the shared `evaluateStreak`.
 */

/** The `n` calendar periods (week, month or quarter, in `zone`) ending with the one that holds `lastMs`. */
export function streakPeriods(
  unit: Goal['period'],
  n: number,
  lastMs: number,
  zone: string,
): { fromMs: number; toMs: number }[] {
  const last = DateTime.fromMillis(lastMs, { zone }).startOf(unit);
  const periods: { fromMs: number; toMs: number }[] = [];
  for (let k = n - 1; k >= 0; k--) {
    const from = last.minus({ [`${unit}s`]: k });
    periods.push({ fromMs: from.toMillis(), toMs: from.plus({ [`${unit}s`]: 1 }).toMillis() });
  }
  return periods;
}

/** A streak goal's periods with their actuals, and its status; the actual shown is the last period's. */
export async function streakOf(
  goal: Goal & { consecutivePeriods: number },
  f: MetricsFilter,
  figures: ReportFigures,
  asOf: string,
  cal: WorkCalendar,
): Promise<Actual & { status: ReportGoal['status']; streak: NonNullable<ReportGoal['streak']> }> {
  const n = goal.consecutivePeriods;
  const asOfMs = Date.parse(asOf);
  const periods = [];
  for (const p of streakPeriods(goal.period, n, Date.parse(f.to) - 1, cal.timeZone)) {
    const scoped = { ...f, from: toIso(p.fromMs), to: toIso(p.toMs) };
    const at = toIso(Math.min(asOfMs, p.toMs));
    periods.push({ from: scoped.from, to: scoped.to, ...(await actualOf(goal, scoped, figures, at, cal)) });
  }
  const result = evaluateStreak(
    periods.map((p) => ({ period: p.from, value: p.actual })),
    goal.target,
    goal.comparator,
    n,
  );
  const last = periods[periods.length - 1]!;
  const status = result.met ? 'met' : periods.every((p) => p.actual === null) ? 'no_data' : 'missed';
  return {
    actual: last.actual,
    count: last.count,
    status,
    streak: {
      consecutivePeriods: n,
      run: result.run,
      periods: periods.map((p, i) => ({
        from: p.from,
        to: p.to,
        actual: p.actual,
        count: p.count,
        met: result.periods[i]!.met,
      })),
    },
  };
}
