import type { OverdueItem } from '@comms-log/shared';
import type { ApiErrorCode } from '../api/error';
import { errorText } from '../api/error-text';
import type { Lang } from '../intl-format';
import { FOLLOWUP_GROUPS, type FollowupGroup } from './local';
import { BLANK, type FollowupsPaint } from './paint-shape';
import { isOpenableUrl, rowText, type Translate } from './row-text';
import type { FollowupsHead } from './storage-items';

/** At most this many rows are drawn: more than the list shows before scrolling (rows are ~92 px, the list 440 px). */
export const PAINT_ROWS = 6;

const API_ERROR_CODES: ApiErrorCode[] = [
  'not-configured',
  'network',
  'unauthorized',
  'forbidden',
  'invalid',
  'server',
  'unknown',
];

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
  const template = (key: 'fuComputedAt' | 'pendingCount' | 'rejectedCount' | 'lastSync') => t(key, BLANK);
  // As the list says it: "Updated … · from this browser's copy" when computed here.
  const updated = template('fuComputedAt') + (head.source === 'local' ? ` · ${t('fuFromLocal')}` : '');
  const errors = Object.fromEntries(
    API_ERROR_CODES.map((code) => [code, t('lastError', errorText(t, { code, detail: BLANK }))]),
  ) as FollowupsPaint['errors'];
  return {
    computedAt: head.computedAt,
    lang,
    tabs: [t('tabFollowups'), t('tabLogCall')],
    syncNow: t('syncNow'),
    logPage: t('covLogPage'),
    templates: {
      updated,
      pending: template('pendingCount'),
      rejected: template('rejectedCount'),
      lastSync: template('lastSync'),
    },
    never: t('never'),
    errors,
    groups,
    footer: [t('openOptions'), t('openDashboard')],
  };
}
