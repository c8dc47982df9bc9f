import type { OverdueItem } from '@comms-log/shared';
import type { Lang } from '../intl-format';
import { FOLLOWUP_GROUPS, type FollowupGroup } from './local';
import { isOpenableUrl, rowText, type RowText, type Translate } from './row-text';
import type { FollowupsHead } from './storage-items';

/** A row of the first paint: its words and its buttons' labels (drawn inert until the popup's code takes over). */
export type PaintRow = RowText & { actions: string[] };

/**
 * The popup's first screen as words, made by the background whenever it stores a new list: the popup draws it
 * with plain DOM before React, the message files, zod, luxon, the tRPC client and Dexie have loaded, then the
 * full popup replaces it (docs/architecture.md "How data flows").
 */
export type FollowupsPaint = {
  /** The head it was made from, and the language it is in: drawn only when the popup's language is the same. */
  computedAt: string;
  lang: Lang;
  tabs: [string, string];
  syncNow: string;
  logPage: string;
  /** "Updated $1" around its relative time, which the popup fills in when it draws. */
  updated: [string, string];
  groups: { title: string; count: number; empty: string | null; rows: PaintRow[] }[];
  footer: [string, string];
};

/** At most this many rows are drawn: more than the list shows before scrolling (rows are ~92 px, the list 440 px). */
export const PAINT_ROWS = 6;

const groupTitle = { awaiting: 'fuGroupAwaiting', cold: 'fuGroupCold', reminders: 'fuGroupReminders' } as const;

/** A row's buttons, as the popup's row shows them for an item that has not been acted on. */
function actionLabels(t: Translate, item: OverdueItem): string[] {
  if (item.kind === 'activity') return [];
  const url = item.kind === 'cadence' ? null : item.url;
  const labels: string[] = [];
  if (isOpenableUrl(url)) labels.push(t('fuOpen'));
  if (item.kind === 'reminder') labels.push(t('fuDone'));
  labels.push(t('fuSnooze'));
  if (item.kind === 'wait') labels.push(t('fuNoReply'), t('resolveButton'));
  if (item.stakeholderId) labels.push(t('fuLogCall'));
  return labels;
}

/** The first screen of `head` in `lang`: the groups in order, with rows until `PAINT_ROWS` are drawn. */
export function paintOf(head: FollowupsHead, t: Translate, lang: Lang, timeZone: string | undefined): FollowupsPaint {
  const nowMs = Date.parse(head.computedAt);
  let left = PAINT_ROWS;
  const groups = FOLLOWUP_GROUPS.map((g: FollowupGroup) => {
    const items = head.head[g].slice(0, Math.max(0, left));
    left -= items.length;
    return {
      title: t(groupTitle[g]),
      count: head.totals[g],
      empty: head.totals[g] === 0 ? t('fuEmptyGroup') : null,
      rows: items.map((item) => ({ ...rowText(t, lang, item, nowMs, timeZone), actions: actionLabels(t, item) })),
    };
  });
  const [before = '', after = ''] = t('fuComputedAt', '\u0001').split('\u0001');
  return {
    computedAt: head.computedAt,
    lang,
    tabs: [t('tabFollowups'), t('tabLogCall')],
    syncNow: t('syncNow'),
    logPage: t('covLogPage'),
    updated: [before, after],
    groups,
    footer: [t('openOptions'), t('openDashboard')],
  };
}
