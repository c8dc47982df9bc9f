import type { DurationSpec, OverdueItem } from '@comms-log/shared';
import { formatDateTime, type Lang, type MessageKey } from '../i18n';
import { channelKey, stakeholderTypeKey } from '../label-keys';

/** `t()` of the UI (ui/use-t.ts), or the background's in the user's language. */
export type Translate = (key: MessageKey, ...subs: (string | number)[]) => string;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "45 min", "6 h 20 min", "3 d 2 h": two units at most, the coarsest first. */
export function formatDuration(t: Translate, ms: number): string {
  const total = Math.max(0, Math.floor(ms / MINUTE)) * MINUTE;
  if (total < HOUR) return t('fuDurMinutes', total / MINUTE);
  if (total < DAY) return t('fuDurHours', Math.floor(total / HOUR), Math.floor((total % HOUR) / MINUTE));
  return t('fuDurDays', Math.floor(total / DAY), Math.floor((total % DAY) / HOUR));
}

/** The SLA a wait is measured against, in the plan's own unit. */
export function formatSla(t: Translate, sla: DurationSpec): string {
  switch (sla.unit) {
    case 'minutes':
      return t('fuSlaMinutes', sla.value);
    case 'hours':
      return t('fuSlaHours', sla.value);
    case 'working_hours':
      return t('fuSlaWorkingHours', sla.value);
    case 'working_days':
      return t(sla.value === 1 ? 'fuSlaWorkingDay' : 'fuSlaWorkingDays', sla.value);
  }
}

/** Only web pages open from a row: a stored URL is data, and must never run script in the extension. */
export function isOpenableUrl(url: string | null | undefined): url is string {
  if (!url) return false;
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

const stateKey = { late: 'fuLate', due_soon: 'fuDueSoon', overdue: 'fuOverdue', due: 'fuDue' } as const;

/** A follow-up row's words, as the popup shows them and as its first paint draws them before the page's code loads. */
export interface RowText {
  /** The state's class suffix (`fu-state-late`…). */
  state: OverdueItem['state'];
  stateLabel: string;
  name: string;
  /** The stakeholder's type and the channel, where the item has them. */
  meta: string[];
  /** The thread's title or the reminder's note, when it is not already the name. */
  sub: string | null;
  detail: string;
}

/** The name a row goes by: the stakeholder, else the thread's title, else what it is. */
export function rowName(t: Translate, item: OverdueItem): string {
  if (item.kind === 'activity') return item.title;
  return (
    item.stakeholderName ??
    (item.kind === 'wait' ? item.title : null) ??
    (item.kind === 'reminder' ? t('fuReminder') : t('fuUnnamed'))
  );
}

/** How long a wait has waited against its SLA (growing from `nowMs` while shown), or when the rest fall due. */
function detailText(t: Translate, lang: Lang, item: OverdueItem, nowMs: number, timeZone: string | undefined) {
  switch (item.kind) {
    case 'wait':
      return `${t(
        'fuWaited',
        formatDuration(t, item.waitedWorkMs),
        formatDuration(t, Math.max(item.waitedMs, nowMs - Date.parse(item.since))),
      )} · ${t('fuSla', formatSla(t, item.sla))}`;
    case 'cadence':
      return `${item.daysSince === null ? t('fuNoContact') : t('fuDaysSince', item.daysSince)} · ${t('fuCadence', item.idealDays, item.maxDays)}`;
    case 'reminder':
      return t('fuDueAt', formatDateTime(lang, item.dueAt, timeZone));
    case 'activity':
      return t('fuActivityPlannedFor', formatDateTime(lang, item.startAt, timeZone));
  }
}

export function rowText(
  t: Translate,
  lang: Lang,
  item: OverdueItem,
  nowMs: number,
  timeZone: string | undefined,
): RowText {
  const name = rowName(t, item);
  const meta: string[] = [];
  if (item.kind === 'wait' || item.kind === 'cadence') meta.push(t(stakeholderTypeKey[item.stakeholderType]));
  if (item.kind === 'wait' || item.kind === 'activity') meta.push(t(channelKey[item.channel]));
  const sub = item.kind === 'wait' ? item.title : item.kind === 'reminder' ? item.note : null;
  return {
    state: item.state,
    stateLabel: item.kind === 'reminder' ? t('fuReminderDue') : t(stateKey[item.state]),
    name,
    meta,
    sub: sub && sub !== name ? sub : null,
    detail: detailText(t, lang, item, nowMs, timeZone),
  };
}
