import { DateTime } from 'luxon';
import type { ActivityStatus } from '../../schemas/activity';
import { inPeriod, type Period } from './period';
import { type Ratio, ratio } from './ratio';

/** What the execution rate reads of one occurrence of a planned activity. */
export type ActivityOccurrenceStatus = {
  startAtMs: number;
  endAtMs: number;
  status: ActivityStatus;
  /** When it took place (its held interaction), if known. */
  heldAtMs: number | null;
};

/** The execution rate and how the planned activities fared. */
export type Execution = {
  rate: Ratio;
  /** Held, but after their date. */
  late: number;
  /** Their date passed without them being held (`not_held`, or still `planned`). */
  notHeld: number;
  /** Not held yet and their date not yet passed as of `asOfMs`: not counted. */
  upcoming: number;
  /** Taken off the plan: not counted. */
  cancelled: number;
};

/**
 * Execution rate = activities held by their date ÷ activities planned in the period (starting in it), as of
 * `asOfMs` (default: any time). "By their date" is by the end of the local day (in `zone`, the organisation's
 * time zone) on which the activity ends; one marked held without a known time counts as held by its date.
 * Cancelled activities and those whose date has not passed (and not held yet) are left out.
 *
 * @throws Error for an unknown time zone
 */
export function executionRate(
  activities: readonly ActivityOccurrenceStatus[],
  period: Period,
  zone: string,
  asOfMs = Number.POSITIVE_INFINITY,
): Execution {
  if (!DateTime.now().setZone(zone).isValid) throw new Error(`unknown time zone "${zone}"`);
  let planned = 0;
  let held = 0;
  let late = 0;
  let notHeld = 0;
  let upcoming = 0;
  let cancelled = 0;
  for (const a of activities) {
    if (!inPeriod(a.startAtMs, period)) continue;
    if (a.status === 'cancelled') {
      cancelled++;
      continue;
    }
    const byMs = DateTime.fromMillis(a.endAtMs, { zone }).endOf('day').toMillis();
    if (a.status === 'held') {
      planned++;
      if (a.heldAtMs === null || a.heldAtMs <= byMs) held++;
      else late++;
    } else if (a.status === 'planned' && byMs > asOfMs) {
      upcoming++;
    } else {
      planned++;
      notHeld++;
    }
  }
  return { rate: ratio(held, planned), late, notHeld, upcoming, cancelled };
}
