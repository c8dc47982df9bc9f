import { useId, useState } from 'react';
import type { OverdueItem } from '@comms-log/shared';
import type { FollowupActionRequest } from '../../lib/followups/local';
import { formatDateTime, type Lang } from '../../lib/i18n';
import type { SnoozePreset } from '../../lib/followups/snooze-presets';
import { channelKey, stakeholderTypeKey } from '../../lib/label-keys';
import type { T } from '../use-t';
import { formatDuration, formatSla, isOpenableUrl } from './followup-format';

export type RowProps = {
  t: T;
  lang: Lang;
  item: OverdueItem;
  /** The group the row is shown in (for tests and styling). */
  group: string;
  /** When the list was computed: calendar waits grow from there while the popup is open. */
  nowMs: number;
  timeZone: string | undefined;
  onAct: (item: OverdueItem, action: FollowupActionRequest) => Promise<void>;
  onOpen: (url: string) => void;
  onLogCall: (item: OverdueItem) => void;
};

type Open = 'none' | 'snooze' | 'no-reply';

const stateKey = { late: 'fuLate', due_soon: 'fuDueSoon', overdue: 'fuOverdue', due: 'fuDue' } as const;

/** Tomorrow as `YYYY-MM-DD` in the browser's zone: the earliest date the date picker offers. */
function tomorrowInput(nowMs: number): string {
  const d = new Date(nowMs + 86_400_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** One follow-up: what it is, how late, and what can be done about it. Every text from the data renders as text. */
export function FollowupRow({ t, lang, item, group, nowMs, timeZone, onAct, onOpen, onLogCall }: RowProps) {
  const [open, setOpen] = useState<Open>('none');
  const [reason, setReason] = useState('');
  const [date, setDate] = useState('');
  const [busy, setBusy] = useState(false);
  const ids = { reason: useId(), date: useId() };

  const name =
    item.stakeholderName ??
    (item.kind === 'wait' ? item.title : null) ??
    (item.kind === 'reminder' ? t('fuReminder') : t('fuUnnamed'));
  const url = item.kind === 'cadence' ? null : item.url;
  const snoozeKind = item.kind === 'reminder' ? 'followup' : item.kind;

  async function act(action: FollowupActionRequest) {
    setBusy(true);
    try {
      await onAct(item, action);
      setOpen('none');
    } finally {
      setBusy(false);
    }
  }
  const snooze = (preset: SnoozePreset) => act({ type: 'snooze', kind: snoozeKind, id: item.id, preset });

  return (
    <article
      className={`fu-row fu-${item.state}`}
      data-testid="fu-row"
      data-kind={item.kind}
      data-group={group}
      data-id={item.id}
      aria-label={name}
    >
      <div className="fu-line">
        <span className={`fu-state fu-state-${item.state}`}>
          {item.kind === 'reminder' ? t('fuReminderDue') : t(stateKey[item.state])}
        </span>
        <span className="fu-name">{name}</span>
        {item.kind !== 'reminder' ? (
          <span className="fu-meta">{t(stakeholderTypeKey[item.stakeholderType])}</span>
        ) : null}
        {item.kind === 'wait' ? <span className="fu-meta">{t(channelKey[item.channel])}</span> : null}
      </div>
      {item.kind === 'wait' ? (
        <>
          {item.title && item.title !== name ? <div className="fu-sub">{item.title}</div> : null}
          <div className="fu-detail" data-testid="fu-waited">
            {t(
              'fuWaited',
              formatDuration(t, item.waitedWorkMs),
              formatDuration(t, Math.max(item.waitedMs, nowMs - Date.parse(item.since))),
            )}
            {' · '}
            {t('fuSla', formatSla(t, item.sla))}
          </div>
        </>
      ) : null}
      {item.kind === 'cadence' ? (
        <div className="fu-detail" data-testid="fu-days-since">
          {item.daysSince === null ? t('fuNoContact') : t('fuDaysSince', item.daysSince)}
          {' · '}
          {t('fuCadence', item.idealDays, item.maxDays)}
        </div>
      ) : null}
      {item.kind === 'reminder' ? (
        <>
          {item.note && item.note !== name ? <div className="fu-sub">{item.note}</div> : null}
          <div className="fu-detail">{t('fuDueAt', formatDateTime(lang, item.dueAt, timeZone))}</div>
        </>
      ) : null}
      <div className="fu-actions">
        {isOpenableUrl(url) ? (
          <button type="button" className="fu-btn" onClick={() => onOpen(url)}>
            {t('fuOpen')}
          </button>
        ) : null}
        {item.kind === 'reminder' ? (
          <button
            type="button"
            className="fu-btn"
            disabled={busy}
            onClick={() => void act({ type: 'done', id: item.id })}
          >
            {t('fuDone')}
          </button>
        ) : null}
        <button
          type="button"
          className="fu-btn"
          aria-expanded={open === 'snooze'}
          disabled={busy}
          onClick={() => setOpen(open === 'snooze' ? 'none' : 'snooze')}
        >
          {t('fuSnooze')}
        </button>
        {item.kind === 'wait' ? (
          <button
            type="button"
            className="fu-btn"
            aria-expanded={open === 'no-reply'}
            disabled={busy}
            onClick={() => setOpen(open === 'no-reply' ? 'none' : 'no-reply')}
          >
            {t('fuNoReply')}
          </button>
        ) : null}
        {item.stakeholderId ? (
          <button type="button" className="fu-btn" onClick={() => onLogCall(item)}>
            {t('fuLogCall')}
          </button>
        ) : null}
      </div>
      {open === 'snooze' ? (
        <div className="fu-panel" role="group" aria-label={t('fuSnooze')}>
          <button type="button" className="fu-btn" disabled={busy} onClick={() => void snooze({ kind: 'hour' })}>
            {t('fuSnoozeHour')}
          </button>
          <button type="button" className="fu-btn" disabled={busy} onClick={() => void snooze({ kind: 'tomorrow' })}>
            {t('fuSnoozeTomorrow')}
          </button>
          <button type="button" className="fu-btn" disabled={busy} onClick={() => void snooze({ kind: 'next-week' })}>
            {t('fuSnoozeNextWeek')}
          </button>
          <form
            className="fu-inline"
            onSubmit={(e) => {
              e.preventDefault();
              if (date) void snooze({ kind: 'date', date });
            }}
          >
            <label htmlFor={ids.date}>{t('fuSnoozeDate')}</label>
            <input
              id={ids.date}
              type="date"
              min={tomorrowInput(nowMs)}
              value={date}
              required
              onChange={(e) => setDate(e.target.value)}
            />
            <button type="submit" className="fu-btn" disabled={busy || !date}>
              {t('fuSnoozeOn')}
            </button>
          </form>
        </div>
      ) : null}
      {open === 'no-reply' && item.kind === 'wait' ? (
        <form
          className="fu-panel"
          onSubmit={(e) => {
            e.preventDefault();
            if (reason.trim()) void act({ type: 'close', interactionId: item.id, reason });
          }}
        >
          <label htmlFor={ids.reason}>{t('fuNoReplyReason')}</label>
          <input id={ids.reason} value={reason} maxLength={500} required onChange={(e) => setReason(e.target.value)} />
          <button type="submit" className="fu-btn fu-primary" disabled={busy || !reason.trim()}>
            {t('fuConfirm')}
          </button>
        </form>
      ) : null}
    </article>
  );
}
