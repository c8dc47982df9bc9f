import { useId, useState } from 'react';
import type { Channel, Direction } from '@comms-log/shared';
import type { StoredError } from '../../lib/api/error';
import { channelKey } from '../../lib/label-keys';
import { sendToBackground } from '../../lib/messages';
import { errorText } from '../labels';
import { StakeholderPicker, type PickedStakeholder } from '../stakeholder-picker';
import type { T } from '../use-t';

const MANUAL_CHANNELS: readonly Channel[] = ['phone', 'video', 'in_person', 'im'];

/** `YYYY-MM-DDTHH:mm` in local time, as <input type="datetime-local"> wants it. */
function localInputValue(date: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${p(date.getMonth() + 1)}-${p(date.getDate())}T${p(date.getHours())}:${p(date.getMinutes())}`;
}

/**
 * Log a phone call, video meeting, face-to-face meeting or chat by hand: straight to the outbox. `initial`
 * prefills the stakeholder (from a follow-up row: the call answers its wait and resets its cadence).
 */
export function ManualLogForm({
  t,
  initial = null,
  onSaved,
}: {
  t: T;
  initial?: PickedStakeholder;
  onSaved?: () => void;
}) {
  const [picked, setPicked] = useState<PickedStakeholder>(initial);
  const [channel, setChannel] = useState<Channel>('phone');
  const [direction, setDirection] = useState<Direction>('outbound');
  const [time, setTime] = useState(() => localInputValue(new Date()));
  const [duration, setDuration] = useState('');
  const [note, setNote] = useState('');
  const [state, setState] = useState<{ kind: 'idle' | 'saving' | 'saved' } | { kind: 'error'; message: string }>({
    kind: 'idle',
  });
  const ids = { channel: useId(), direction: useId(), time: useId(), duration: useId(), note: useId() };

  async function save() {
    if (picked?.kind !== 'existing') return setState({ kind: 'error', message: t('chooseStakeholder') });
    setState({ kind: 'saving' });
    try {
      const minutes = duration.trim() === '' ? null : Math.max(0, Math.min(1440, Math.round(Number(duration))));
      await sendToBackground('log-manual', {
        stakeholderId: picked.stakeholder.id,
        stakeholderType: picked.stakeholder.type,
        channel,
        direction,
        occurredAt: new Date(time).toISOString(),
        durationMin: minutes === null || Number.isNaN(minutes) ? null : minutes,
        note,
      });
      setState({ kind: 'saved' });
      setNote('');
      setDuration('');
      setTime(localInputValue(new Date()));
      onSaved?.();
    } catch (err) {
      const e = err as Partial<StoredError>;
      setState({
        kind: 'error',
        message: errorText(t, { code: e.code ?? 'unknown', detail: e.detail ?? String(err) }),
      });
    }
  }

  return (
    <form
      className="pg-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <StakeholderPicker t={t} value={picked} onChange={setPicked} allowCreate={false} />
      <div className="pg-row">
        <div className="pg-field">
          <label htmlFor={ids.channel}>{t('channel')}</label>
          <select id={ids.channel} value={channel} onChange={(e) => setChannel(e.target.value as Channel)}>
            {MANUAL_CHANNELS.map((c) => (
              <option key={c} value={c}>
                {t(channelKey[c])}
              </option>
            ))}
          </select>
        </div>
        <div className="pg-field">
          <label htmlFor={ids.direction}>{t('direction')}</label>
          <select id={ids.direction} value={direction} onChange={(e) => setDirection(e.target.value as Direction)}>
            <option value="outbound">{t('directionOutbound')}</option>
            <option value="inbound">{t('directionInbound')}</option>
          </select>
        </div>
      </div>
      <div className="pg-row">
        <div className="pg-field">
          <label htmlFor={ids.time}>{t('time')}</label>
          <input id={ids.time} type="datetime-local" value={time} required onChange={(e) => setTime(e.target.value)} />
        </div>
        <div className="pg-field">
          <label htmlFor={ids.duration}>{t('durationMin')}</label>
          <input
            id={ids.duration}
            type="number"
            min={0}
            max={1440}
            step={1}
            value={duration}
            onChange={(e) => setDuration(e.target.value)}
          />
        </div>
      </div>
      <div className="pg-field">
        <label htmlFor={ids.note}>{t('note')}</label>
        <textarea id={ids.note} rows={3} maxLength={4000} value={note} onChange={(e) => setNote(e.target.value)} />
      </div>
      {state.kind === 'error' ? (
        <p className="pg-error" role="alert">
          {state.message}
        </p>
      ) : null}
      {state.kind === 'saved' ? (
        <p className="pg-ok" role="status">
          {t('logged')}
        </p>
      ) : null}
      <div className="pg-actions">
        <button type="submit" className="pg-button pg-primary" disabled={state.kind === 'saving'}>
          {state.kind === 'saving' ? t('saving') : t('save')}
        </button>
      </div>
    </form>
  );
}
