import { useId } from 'react';
import type { OverdueItem } from '@comms-log/shared';
import type { FollowupActionRequest } from '../../lib/followups/local';
import type { SnoozePreset } from '../../lib/followups/snooze-presets';
import type { T } from '../use-t';

/** Tomorrow as `YYYY-MM-DD` in the browser's zone: the earliest date the date picker offers. */
function tomorrowInput(nowMs: number): string {
  const d = new Date(nowMs + 86_400_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** Snooze for an hour, until tomorrow, next week, or to a date. */
export function SnoozePanel(props: {
  t: T;
  item: Exclude<OverdueItem, { kind: 'activity' }>;
  nowMs: number;
  busy: boolean;
  /** The date typed so far (kept by the row while the panel is closed). */
  date: string;
  onDate(date: string): void;
  onAction(action: FollowupActionRequest): void;
}) {
  const { t, item, busy, date } = props;
  const dateId = useId();
  const kind = item.kind === 'reminder' ? 'followup' : item.kind;
  const snooze = (preset: SnoozePreset) => props.onAction({ type: 'snooze', kind, id: item.id, preset });
  return (
    <fieldset className="fu-panel" aria-label={t('fuSnooze')}>
      <button type="button" className="fu-btn" disabled={busy} onClick={() => snooze({ kind: 'hour' })}>
        {t('fuSnoozeHour')}
      </button>
      <button type="button" className="fu-btn" disabled={busy} onClick={() => snooze({ kind: 'tomorrow' })}>
        {t('fuSnoozeTomorrow')}
      </button>
      <button type="button" className="fu-btn" disabled={busy} onClick={() => snooze({ kind: 'next-week' })}>
        {t('fuSnoozeNextWeek')}
      </button>
      <form
        className="fu-inline"
        onSubmit={(e) => {
          e.preventDefault();
          if (date) snooze({ kind: 'date', date });
        }}
      >
        <label htmlFor={dateId}>{t('fuSnoozeDate')}</label>
        <input
          id={dateId}
          type="date"
          min={tomorrowInput(props.nowMs)}
          value={date}
          required
          onChange={(e) => props.onDate(e.target.value)}
        />
        <button type="submit" className="fu-btn" disabled={busy || !date}>
          {t('fuSnoozeOn')}
        </button>
      </form>
    </fieldset>
  );
}

/** Close a wait that needs no reply, with the reason. */
export function NoReplyForm(props: {
  t: T;
  item: Extract<OverdueItem, { kind: 'wait' }>;
  busy: boolean;
  /** The reason typed so far (kept by the row while the form is closed). */
  reason: string;
  onReason(reason: string): void;
  onAction(action: FollowupActionRequest): void;
}) {
  const { t, item, busy, reason } = props;
  const reasonId = useId();
  return (
    <form
      className="fu-panel"
      onSubmit={(e) => {
        e.preventDefault();
        if (reason.trim()) props.onAction({ type: 'close', interactionId: item.id, reason });
      }}
    >
      <label htmlFor={reasonId}>{t('fuNoReplyReason')}</label>
      <input id={reasonId} value={reason} maxLength={500} required onChange={(e) => props.onReason(e.target.value)} />
      <button type="submit" className="fu-btn fu-primary" disabled={busy || !reason.trim()}>
        {t('fuConfirm')}
      </button>
    </form>
  );
}
