import type { GoalStatus, ResponseStats } from '@comms-log/shared';

/** Goal status as a traffic light: met green, near (within 5% of the target) amber, missed red, no data grey. */
export type GoalTone = 'green' | 'amber' | 'red' | 'grey';

export function goalTone(status: GoalStatus): GoalTone {
  switch (status) {
    case 'met':
      return 'green';
    case 'near':
      return 'amber';
    case 'missed':
      return 'red';
    default:
      return 'grey';
  }
}

/** A response figure (on-time rate) as a traffic light against a target such as 0.98: amber within 5% below. */
export function rateTone(rate: number | null, target: number): GoalTone {
  if (rate === null) return 'grey';
  if (rate >= target) return 'green';
  return rate >= target * 0.95 ? 'amber' : 'red';
}

export interface LateBudget {
  /** Waits whose on-time status is or will be decided this month: on time + late + pending + the expected new ones. */
  decided: number;
  /** The most late waits the month can have while on time ÷ decided stays at or above the target. */
  allowed: number;
  /** How many more late replies the month can take; negative when the goal is already out of reach. */
  left: number;
}

/**
 * "Late replies left this month" before an on-time goal is missed. With D waits decided by the month's end, the
 * rate is (D − late) ÷ D, which stays ≥ target while late ≤ D × (1 − target). Pending waits will be decided
 * one way or the other, so they count in D; `expectedMore` adds the waits still to come (from the pace so far).
 */
export function lateRepliesLeft(
  stats: Pick<ResponseStats, 'onTime' | 'late' | 'pending'>,
  target: number,
  expectedMore = 0,
): LateBudget {
  const decided = stats.onTime + stats.late + stats.pending + Math.max(0, Math.round(expectedMore));
  // The epsilon keeps 50 × (1 − 0.98) = 0.99999… from flooring to 0.
  const allowed = Math.floor(decided * (1 - target) + 1e-9);
  return { decided, allowed, left: allowed - stats.late };
}

/**
 * Waits still to come this month at the pace so far: `waitsSoFar` over the elapsed share of the month, the rest
 * extrapolated. Zero once the month is over or before any time has elapsed.
 */
export function expectedMoreWaits(waitsSoFar: number, monthStartMs: number, monthEndMs: number, nowMs: number): number {
  const elapsed = Math.min(nowMs, monthEndMs) - monthStartMs;
  const remaining = monthEndMs - Math.max(nowMs, monthStartMs);
  if (elapsed <= 0 || remaining <= 0) return 0;
  return Math.round((waitsSoFar * remaining) / elapsed);
}
