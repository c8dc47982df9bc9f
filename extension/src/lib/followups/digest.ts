import type { OverdueItem, OverdueResult, WorkCalendar } from '@comms-log/shared';
import { itemKey } from './local';
import { translate, type Lang } from '../i18n';
import { workdayStartOn } from './snooze-presets';

/**
 * Whether the daily digest is due: today (in the calendar's zone) is a working day, working hours have begun
 * and not yet ended, and no digest was shown today. Returns the local date to record as shown, else null.
 * A browser opened mid-morning still gets that day's digest; one opened after hours waits for the next day.
 */
export function digestDueOn(nowMs: number, cal: WorkCalendar, lastDigestDate: string | null): string | null {
  const today = workdayStartOn(nowMs, cal);
  if (!today || nowMs < today.startMs || nowMs >= today.endMs) return null;
  return today.date === lastDigestDate ? null : today.date;
}

/** The digest's words: counts per group, most urgent first. */
export function digestMessage(lang: Lang, counts: OverdueResult['counts']): { title: string; message: string } {
  return {
    title: translate(lang, 'fuDigestTitle'),
    message: translate(
      lang,
      'fuDigestBody',
      counts.late,
      counts.dueSoon,
      counts.cadenceOverdue + counts.cadenceDue,
      counts.reminders,
    ),
  };
}

/** What counts as "became late" for the optional notification: late waits and overdue cadence. */
function isLate(item: OverdueItem): boolean {
  return (item.kind === 'wait' && item.state === 'late') || (item.kind === 'cadence' && item.state === 'overdue');
}

/**
 * Items late now that were not late at the previous check. `previous` null is the first check: it only
 * records what is late (a fresh install or sign-in should not announce the whole backlog).
 */
export function newlyLate(
  previous: readonly string[] | null,
  items: readonly OverdueItem[],
): { lateKeys: string[]; fresh: OverdueItem[] } {
  const late = items.filter(isLate);
  const lateKeys = late.map(itemKey);
  if (previous === null) return { lateKeys, fresh: [] };
  const seen = new Set(previous);
  return { lateKeys, fresh: late.filter((i) => !seen.has(itemKey(i))) };
}

/** "Marcus Reid is now late" / "3 follow-ups are now late". */
export function lateMessage(lang: Lang, fresh: readonly OverdueItem[]): { title: string; message: string } {
  const names = fresh.map((i) =>
    i.kind === 'wait'
      ? (i.stakeholderName ?? i.title ?? '?')
      : i.kind === 'cadence'
        ? i.stakeholderName
        : i.kind === 'reminder'
          ? i.note
          : i.title,
  );
  return {
    title:
      fresh.length === 1
        ? translate(lang, 'fuLateOneTitle', names[0] ?? '')
        : translate(lang, 'fuLateManyTitle', fresh.length),
    message: names.slice(0, 5).join(', '),
  };
}
