import { goalMetricUnits, meetsTarget, type Goal, type GoalStatus } from '@comms-log/shared';

const DAY_MS = 86_400_000;
/** Average lengths, to prorate counting goals (posts per month, meetings per week) to the report's period. */
const goalPeriodDays = { week: 7, month: 365.25 / 12, quarter: 365.25 / 4 } as const;
/** A goal missed by at most this share of its target is "near". */
const NEAR = 0.05;

/** The target for a report of `periodMs`: counting goals prorated by length, the others as written. */
export function periodTargetOf(goal: Goal, periodMs: number): number {
  if (goalMetricUnits[goal.metric] !== 'count') return goal.target;
  return (goal.target * (periodMs / DAY_MS)) / goalPeriodDays[goal.period];
}

/** Met, near (missed by at most 5% of the target's size), missed, or no data. */
export function goalStatus(actual: number | null, comparator: Goal['comparator'], target: number): GoalStatus {
  if (actual === null) return 'no_data';
  if (meetsTarget(actual, comparator, target)) return 'met';
  const slack = Math.abs(target) * NEAR;
  const atLeast = comparator === '>=' || comparator === '>';
  return (atLeast ? actual >= target - slack : actual <= target + slack) ? 'near' : 'missed';
}
