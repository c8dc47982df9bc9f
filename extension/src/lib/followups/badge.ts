import type { OverdueResult } from '@comms-log/shared';
import { translate, type Lang } from '../i18n';

/** Red for late, amber for due soon: the colours people read as "now" and "soon". */
export const BADGE_LATE_COLOR = '#d93025';
export const BADGE_DUE_SOON_COLOR = '#e37400';

export type BadgeState = { text: string; color: string | null };

/** Badges show at most four characters. */
function short(n: number): string {
  return n > 999 ? '999+' : String(n);
}

/**
 * The toolbar badge: the number of late waits on red; when none is late, the number due soon on amber; empty
 * when neither. Going-cold stakeholders and reminders are in the tooltip, not the badge.
 */
export function badgeFor(counts: Pick<OverdueResult['counts'], 'late' | 'dueSoon'>): BadgeState {
  if (counts.late > 0) return { text: short(counts.late), color: BADGE_LATE_COLOR };
  if (counts.dueSoon > 0) return { text: short(counts.dueSoon), color: BADGE_DUE_SOON_COLOR };
  return { text: '', color: null };
}

/** The badge's tooltip: every count, the cold stakeholders and reminders too. */
export function badgeTitle(lang: Lang, counts: OverdueResult['counts']): string {
  return translate(
    lang,
    'fuBadgeTitle',
    counts.late,
    counts.dueSoon,
    counts.cadenceOverdue + counts.cadenceDue,
    counts.reminders,
  );
}

/** The part of `browser.action` (or MV2's `browserAction`) the badge needs. */
export type BadgeApi = {
  setBadgeText(details: { text: string }): Promise<void> | void;
  setBadgeBackgroundColor(details: { color: string }): Promise<void> | void;
  setTitle(details: { title: string }): Promise<void> | void;
};

export async function showBadge(api: BadgeApi, badge: BadgeState, title: string): Promise<void> {
  await api.setBadgeText({ text: badge.text });
  if (badge.color) await api.setBadgeBackgroundColor({ color: badge.color });
  await api.setTitle({ title });
}
