import { DateTime } from 'luxon';
import type { Recurrence } from '../schemas/activity';
import type { Channel } from '../schemas/common';
import type { OverdueItem } from '../schemas/overdue';
import { expandRecurrence } from './evaluation/recurrence';

/** What the follow-ups list reads of a planned activity (still `planned`). */
export type PlannedActivity = {
  id: string;
  ownerUserId: string;
  title: string;
  channel: Channel;
  startAtMs: number;
  endAtMs: number;
  recurrence: Recurrence;
};

/**
 * A planned activity as an overdue follow-up, or null while none of it is past: an occurrence is past once the
 * local day (`zone`, the org's) of its end is over, and a recurring activity is listed by its latest past
 * occurrence, so each repetition that goes by while it is still planned brings it back dated then (docs/metrics.md
 * "Follow-ups"). The server lists these; the extension computes them from its copy when offline.
 *
 * @throws Error for an unknown time zone
 */
export function overdueActivityItem(
  a: PlannedActivity,
  asOfMs: number,
  zone: string,
): Extract<OverdueItem, { kind: 'activity' }> | null {
  const occurrences = expandRecurrence(
    { startAtMs: a.startAtMs, endAtMs: a.endAtMs, recurrence: a.recurrence },
    { fromMs: a.startAtMs, toMs: asOfMs },
    zone,
  );
  const dayOver = (endMs: number) => DateTime.fromMillis(endMs, { zone }).endOf('day').toMillis() < asOfMs;
  const past = occurrences.filter((o) => dayOver(o.endMs)).at(-1);
  if (!past) return null;
  return {
    kind: 'activity',
    id: a.id,
    state: 'overdue',
    ownerUserId: a.ownerUserId,
    title: a.title,
    channel: a.channel,
    startAt: new Date(past.startMs).toISOString(),
    endAt: new Date(past.endMs).toISOString(),
  };
}
