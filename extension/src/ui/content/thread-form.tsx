import { useEffect, useId, useRef, useState } from 'react';
import { channels, stakeholderTypes, type CapturedThread, type Channel, type StakeholderType } from '@comms-log/shared';
import { threadKeyOf } from '../../lib/capture/thread-to-interactions';
import { formatDateTime } from '../../lib/i18n';
import { channelKey, stakeholderTypeKey } from '../../lib/label-keys';
import { errorText } from '../labels';
import { PurposeSelect, usePurposeChoice } from '../purpose-select';
import { StakeholderPicker } from '../stakeholder-picker';
import { useT } from '../use-t';
import { ResolveSection } from './resolve-section';
import { useLogThread, useNewCount, useStakeholderChoice, type LogState } from './use-thread-log';

const CAPTURED_CHANNELS: readonly Channel[] = channels.filter(
  (c) => c === 'email' || c === 'social' || c === 'project' || c === 'im',
);

type Props = {
  thread: CapturedThread;
  neverLogRemoved: number;
  /** The panel's title, which names the form. */
  labelledBy: string;
  onClose: () => void;
  onSaved: () => void;
};

/**
 * The thread's messages at a glance, then who it is with, its type, channel and purpose, an optional follow-up,
 * and Save; below, once the thread is logged here, resolving it.
 */
export function ThreadForm({ thread, neverLogRemoved, labelledBy, onClose, onSaved }: Props) {
  const { t, lang } = useT();
  const suggestedName = thread.messages.find((m) => m.direction === 'inbound')?.author.name ?? '';
  const choice = useStakeholderChoice(thread, suggestedName);
  const [channel, setChannel] = useState<Channel>(thread.channel);
  const [followUpOn, setFollowUpOn] = useState('');
  const { state, log } = useLogThread(onSaved);
  const saveRef = useRef<HTMLButtonElement>(null);
  const threadKey = threadKeyOf(thread);
  const purpose = usePurposeChoice({
    threadKey,
    stakeholderId: choice.picked?.kind === 'existing' ? choice.picked.stakeholder.id : null,
    type: choice.type,
  });

  // Known stakeholder: focus Save so Enter logs at once.
  useEffect(() => {
    if (choice.prefilled) saveRef.current?.focus();
  }, [choice.prefilled]);

  const { picked, type } = choice;
  const canSave =
    thread.messages.length > 0 &&
    state.kind !== 'saving' &&
    (picked?.kind === 'existing' || (picked?.kind === 'new' && picked.name.trim() !== ''));

  function save() {
    if (!canSave || !picked) return;
    void log({
      thread,
      stakeholder:
        picked.kind === 'existing' ? { id: picked.stakeholder.id } : { create: { name: picked.name.trim(), type } },
      stakeholderType: type,
      channel,
      followUpOn: followUpOn || null,
      purpose: purpose.value,
    });
  }

  return (
    <>
      <form
        className="cl-form"
        aria-labelledby={labelledBy}
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <ThreadSummary thread={thread} neverLogRemoved={neverLogRemoved} />
        <StakeholderPicker t={t} value={picked} onChange={choice.pick} allowCreate suggestedName={suggestedName} />
        <TypeAndChannel
          threadChannel={thread.channel}
          type={type}
          onType={choice.setType}
          channel={channel}
          onChannel={setChannel}
        />
        <PurposeSelect
          t={t}
          lang={lang}
          offered={purpose.offered}
          value={purpose.value}
          onChange={purpose.pick}
          variant="panel"
        />
        <FollowUpDate value={followUpOn} onChange={setFollowUpOn} />
        <LogOutcome state={state} />
        <div className="cl-actions">
          <button type="button" className="cl-button" onClick={onClose}>
            {state.kind === 'saved' ? t('resolveClosePanel') : t('cancel')}
          </button>
          <button ref={saveRef} type="submit" className="cl-button cl-primary" disabled={!canSave}>
            {state.kind === 'saving' ? t('saving') : t('save')}
          </button>
        </div>
      </form>
      {/* Its own form, outside the log's: Enter in it must not log the thread again. */}
      <ResolveSection threadKey={threadKey} refreshKey={state} />
    </>
  );
}

/** "12 messages, <first> – <last> · 3 new since last logged", and what never-log left out. */
function ThreadSummary({ thread, neverLogRemoved }: { thread: CapturedThread; neverLogRemoved: number }) {
  const { t, lang } = useT();
  const newCount = useNewCount(thread);
  const first = thread.messages[0];
  const last = thread.messages[thread.messages.length - 1];
  return (
    <>
      <p className="cl-summary">
        {first && last
          ? t(
              'messagesRange',
              thread.messages.length,
              formatDateTime(lang, first.sentAt),
              formatDateTime(lang, last.sentAt),
            )
          : t('nothingNew')}
        {newCount !== null && newCount > 0 && newCount < thread.messages.length ? (
          <span className="cl-muted"> · {t('newMessages', newCount)}</span>
        ) : null}
      </p>
      <MessageList thread={thread} />
      {newCount === 0 ? <p className="cl-muted">{t('nothingNew')}</p> : null}
      {neverLogRemoved > 0 ? <p className="cl-muted">{t('neverLogRemoved', neverLogRemoved)}</p> : null}
    </>
  );
}

/** Each message about to be logged: in or out, who, when; what a user checks before saving. */
function MessageList({ thread }: { thread: CapturedThread }) {
  const { t, lang } = useT();
  return (
    <ol className="cl-messages" aria-label={t('logThisMessagesLabel')}>
      {thread.messages.map((m) => (
        <li key={m.id} className="cl-message">
          <span className="cl-direction">{t(m.direction === 'inbound' ? 'logThisInbound' : 'logThisOutbound')}</span>
          <bdi className="cl-author">{m.author.name || m.author.handle}</bdi>
          <span className="cl-when">{formatDateTime(lang, m.sentAt)}</span>
        </li>
      ))}
    </ol>
  );
}

function TypeAndChannel(props: {
  threadChannel: Channel;
  type: StakeholderType;
  onType(type: StakeholderType): void;
  channel: Channel;
  onChannel(channel: Channel): void;
}) {
  const { t } = useT();
  const typeId = useId();
  const channelId = useId();
  return (
    <div className="cl-row">
      <div className="cl-field">
        <label className="cl-label" htmlFor={typeId}>
          {t('stakeholderType')}
        </label>
        <select
          id={typeId}
          className="cl-input"
          value={props.type}
          onChange={(e) => props.onType(e.target.value as StakeholderType)}
        >
          {stakeholderTypes.map((s) => (
            <option key={s} value={s}>
              {t(stakeholderTypeKey[s])}
            </option>
          ))}
        </select>
      </div>
      <div className="cl-field">
        <label className="cl-label" htmlFor={channelId}>
          {t('channel')}
        </label>
        <select
          id={channelId}
          className="cl-input"
          value={props.channel}
          onChange={(e) => props.onChannel(e.target.value as Channel)}
        >
          {[...new Set([props.threadChannel, ...CAPTURED_CHANNELS])].map((c) => (
            <option key={c} value={c}>
              {t(channelKey[c])}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

/** An optional reminder to follow up, on a day. */
function FollowUpDate({ value, onChange }: { value: string; onChange(date: string): void }) {
  const { t } = useT();
  const id = useId();
  return (
    <div className="cl-field">
      <label className="cl-label" htmlFor={id}>
        {t('followUpDate')}
      </label>
      <input id={id} className="cl-input" type="date" value={value} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}

function LogOutcome({ state }: { state: LogState }) {
  const { t } = useT();
  if (state.kind === 'error')
    return (
      <p className="cl-error" role="alert">
        {errorText(t, state.error)}
      </p>
    );
  if (state.kind === 'saved')
    return (
      <p className="cl-ok" role="status">
        {state.added > 0 ? t('savedN', state.added) : t('nothingNew')}
      </p>
    );
  return null;
}
