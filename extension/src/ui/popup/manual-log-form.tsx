import { useId, useState } from 'react';
import type { Channel, Direction } from '@comms-log/shared';
import type { StoredError } from '../../lib/api/error';
import {
  checkMeetingFields,
  emptyMeetingDraft,
  MEETING_CHANNELS,
  type MeetingDraft,
} from '../../lib/capture/meeting-fields';
import type { Lang } from '../../lib/i18n';
import { channelKey } from '../../lib/label-keys';
import { sendToBackground } from '../../lib/messages';
import { errorText } from '../labels';
import { PurposeSelect, usePurposeChoice } from '../purpose-select';
import { StakeholderPicker, type PickedStakeholder } from '../stakeholder-picker';
import type { T } from '../use-t';
import { MeetingFields, meetingProblemText } from './manual-log-meeting';

const MANUAL_CHANNELS: readonly Channel[] = ['phone', 'video', 'in_person', 'im'];

/** `YYYY-MM-DDTHH:mm` in local time, as <input type="datetime-local"> wants it. */
export function localInputValue(date: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${p(date.getMonth() + 1)}-${p(date.getDate())}T${p(date.getHours())}:${p(date.getMinutes())}`;
}

/** Minutes as typed, clamped to a day; blank or not a number is no duration. */
function durationMinutes(typed: string): number | null {
  const minutes = typed.trim() === '' ? null : Math.max(0, Math.min(1440, Math.round(Number(typed))));
  return minutes === null || Number.isNaN(minutes) ? null : minutes;
}

type Fields = { channel: Channel; direction: Direction; time: string; duration: string; note: string } & MeetingDraft;
type SaveState = { kind: 'idle' | 'saving' | 'saved' } | { kind: 'error'; message: string };

/** The form's fields, and saving them straight to the outbox (then clearing the note, duration and time). */
function useManualLog(t: T, onSaved: (() => void) | undefined) {
  const [fields, setFields] = useState<Fields>(() => ({
    channel: 'phone',
    direction: 'outbound',
    time: localInputValue(new Date()),
    duration: '',
    note: '',
    ...emptyMeetingDraft,
  }));
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const set = <K extends keyof Fields>(k: K, v: Fields[K]) => setFields((f) => ({ ...f, [k]: v }));
  const patch = (change: Partial<Fields>) => setFields((f) => ({ ...f, ...change }));

  async function save(picked: PickedStakeholder, purpose: string | null) {
    if (picked?.kind !== 'existing') return setState({ kind: 'error', message: t('chooseStakeholder') });
    const meeting = checkMeetingFields(fields.channel, fields);
    if (meeting.problem) return setState({ kind: 'error', message: meetingProblemText(t, meeting.problem) });
    setState({ kind: 'saving' });
    try {
      await sendToBackground('log-manual', {
        stakeholderId: picked.stakeholder.id,
        stakeholderType: picked.stakeholder.type,
        channel: fields.channel,
        direction: fields.direction,
        occurredAt: new Date(fields.time).toISOString(),
        durationMin: durationMinutes(fields.duration),
        note: fields.note,
        purpose,
        ...meeting.values,
      });
      setState({ kind: 'saved' });
      setFields((f) => ({ ...f, note: '', duration: '', time: localInputValue(new Date()), ...emptyMeetingDraft }));
      onSaved?.();
    } catch (err) {
      const e = err as Partial<StoredError>;
      setState({
        kind: 'error',
        message: errorText(t, { code: e.code ?? 'unknown', detail: e.detail ?? String(err) }),
      });
    }
  }
  return { fields, set, patch, state, save };
}

/**
 * Log a phone call, video meeting, face-to-face meeting or chat by hand: straight to the outbox. `initial`
 * prefills the stakeholder (from a follow-up row: the call answers its wait and resets its cadence).
 */
export function ManualLogForm({
  t,
  lang,
  initial = null,
  onSaved,
}: {
  t: T;
  lang: Lang;
  initial?: PickedStakeholder;
  onSaved?: () => void;
}) {
  const [picked, setPicked] = useState<PickedStakeholder>(initial);
  const { fields, set, patch, state, save } = useManualLog(t, onSaved);
  const existing = picked?.kind === 'existing' ? picked.stakeholder : null;
  // A call is a thread of its own: only the stakeholder's last purpose can be preselected.
  const purpose = usePurposeChoice({
    threadKey: null,
    stakeholderId: existing?.id ?? null,
    type: existing?.type ?? null,
  });
  const noteId = useId();

  return (
    <form
      className="pg-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save(picked, purpose.value);
      }}
    >
      <StakeholderPicker t={t} value={picked} onChange={setPicked} allowCreate={false} />
      <CallFields t={t} fields={fields} set={set} />
      {MEETING_CHANNELS.includes(fields.channel) && <MeetingFields t={t} draft={fields} onChange={patch} />}
      <PurposeSelect
        t={t}
        lang={lang}
        offered={purpose.offered}
        value={purpose.value}
        onChange={purpose.pick}
        variant="popup"
      />
      <div className="pg-field">
        <label htmlFor={noteId}>{t('note')}</label>
        <textarea
          id={noteId}
          rows={3}
          maxLength={4000}
          value={fields.note}
          onChange={(e) => set('note', e.target.value)}
        />
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

/** Channel and direction, then when and for how long. */
function CallFields({
  t,
  fields,
  set,
}: {
  t: T;
  fields: Fields;
  set: <K extends keyof Fields>(k: K, v: Fields[K]) => void;
}) {
  const ids = { channel: useId(), direction: useId(), time: useId(), duration: useId() };
  return (
    <>
      <div className="pg-row">
        <div className="pg-field">
          <label htmlFor={ids.channel}>{t('channel')}</label>
          <select id={ids.channel} value={fields.channel} onChange={(e) => set('channel', e.target.value as Channel)}>
            {MANUAL_CHANNELS.map((c) => (
              <option key={c} value={c}>
                {t(channelKey[c])}
              </option>
            ))}
          </select>
        </div>
        <div className="pg-field">
          <label htmlFor={ids.direction}>{t('direction')}</label>
          <select
            id={ids.direction}
            value={fields.direction}
            onChange={(e) => set('direction', e.target.value as Direction)}
          >
            <option value="outbound">{t('directionOutbound')}</option>
            <option value="inbound">{t('directionInbound')}</option>
          </select>
        </div>
      </div>
      <div className="pg-row">
        <div className="pg-field">
          <label htmlFor={ids.time}>{t('time')}</label>
          <input
            id={ids.time}
            type="datetime-local"
            value={fields.time}
            required
            onChange={(e) => set('time', e.target.value)}
          />
        </div>
        <div className="pg-field">
          <label htmlFor={ids.duration}>{t('durationMin')}</label>
          <input
            id={ids.duration}
            type="number"
            min={0}
            max={1440}
            step={1}
            value={fields.duration}
            onChange={(e) => set('duration', e.target.value)}
          />
        </div>
      </div>
    </>
  );
}
