import { inPeriod, type Period } from './period';
import { type Ratio, ratio } from './ratio';

/** What the delivery figure reads of a project item (a partner project's issue or card). */
export type DeliveryItem = { dueAtMs: number | null; doneAtMs: number | null };

/** The on-time delivery rate, what it left out, and the items it could not place. */
export type DeliveryOnTime<T> = {
  rate: Ratio;
  /** Due in the period after `asOfMs` and not done yet: not counted until their due date passes. */
  pending: number;
  /** Items without a due date: listed apart, not counted. */
  undated: T[];
};

/**
 * On-time delivery rate = items due in the period that were done by their due date (done at or before it) ÷
 * items due in the period, evaluated as of `asOfMs` (default: any time, so a completed period): an item due
 * after `asOfMs` and not done by then is pending, neither on time nor late, and one done after `asOfMs` is not
 * done yet. A due date without a time should be given as the end of that day.
 */
export function deliveryOnTimeRate<T extends DeliveryItem>(
  items: readonly T[],
  period: Period,
  asOfMs = Number.POSITIVE_INFINITY,
): DeliveryOnTime<T> {
  const undated: T[] = [];
  let due = 0;
  let onTime = 0;
  let pending = 0;
  for (const item of items) {
    if (item.dueAtMs === null) {
      undated.push(item);
      continue;
    }
    if (!inPeriod(item.dueAtMs, period)) continue;
    const doneAtMs = item.doneAtMs !== null && item.doneAtMs <= asOfMs ? item.doneAtMs : null;
    if (doneAtMs === null && item.dueAtMs > asOfMs) {
      pending++;
      continue;
    }
    due++;
    if (doneAtMs !== null && doneAtMs <= item.dueAtMs) onTime++;
  }
  return { rate: ratio(onTime, due), pending, undated };
}
