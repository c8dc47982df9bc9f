import { useEffect, useId, useRef, useState } from 'react';
import { channels, stakeholderTypes, type CapturedThread, type Channel, type StakeholderType } from '@comms-log/shared';
import type { StoredError } from '../../lib/api/error';
import { counterpartHandle, messageExternalId } from '../../lib/capture/thread-to-interactions';
import { formatDateTime } from '../../lib/i18n';
import { channelKey, stakeholderTypeKey } from '../../lib/label-keys';
import { sendToBackground } from '../../lib/messages';
import { errorText } from '../labels';
import { StakeholderPicker, type PickedStakeholder } from '../stakeholder-picker';
import { useT } from '../use-t';

/** What the button hands the panel: a thread to log, or why there is none. */
export type PanelContent =
  | { kind: 'thread'; thread: CapturedThread; neverLogRemoved: number }
  | { kind: 'site-changed'; selectorKey: string }
  | { kind: 'no-thread' }
  | { kind: 'all-never-log' };

type Props = { content: PanelContent; onClose: () => void; onSaved: () => void };

const CAPTURED_CHANNELS: readonly Channel[] = channels.filter(
  (c) => c === 'email' || c === 'social' || c === 'project' || c === 'im',
);

export function LogPanel({ content, onClose, onSaved }: Props) {
  const { t } = useT();
  const titleId = useId();

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [onClose]);

  return (
    <div className="cl-panel" role="dialog" aria-labelledby={titleId}>
      <div className="cl-panel-head">
        <h2 id={titleId} className="cl-title">
          {t('panelTitle')}
        </h2>
        <button type="button" className="cl-icon" aria-label={t('close')} onClick={onClose}>
          ×
        </button>
      </div>
      {content.kind === 'thread' ? (
        <ThreadForm
          thread={content.thread}
          neverLogRemoved={content.neverLogRemoved}
          onClose={onClose}
          onSaved={onSaved}
        />
      ) : (
        <p className="cl-error" role="alert">
          {content.kind === 'site-changed'
            ? t('siteChanged', content.selectorKey)
            : content.kind === 'all-never-log'
              ? t('allNeverLog')
              : t('noThread')}
        </p>
      )}
    </div>
  );
}

type FormProps = { thread: CapturedThread; neverLogRemoved: number; onClose: () => void; onSaved: () => void };

function ThreadForm({ thread, neverLogRemoved, onClose, onSaved }: FormProps) {
  const { t, lang } = useT();
  const counterpart = counterpartHandle(thread);
  const suggestedName = thread.messages.find((m) => m.direction === 'inbound')?.author.name ?? '';
  const [picked, setPicked] = useState<PickedStakeholder>(null);
  const [prefilled, setPrefilled] = useState(false);
  const [type, setType] = useState<StakeholderType>('customer');
  const [channel, setChannel] = useState<Channel>(thread.channel);
  const [followUpOn, setFollowUpOn] = useState('');
  const [newCount, setNewCount] = useState<number | null>(null);
  const [state, setState] = useState<
    { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; added: number } | { kind: 'error'; error: StoredError }
  >({ kind: 'idle' });
  const saveRef = useRef<HTMLButtonElement>(null);
  const typeId = useId();
  const channelId = useId();
  const followId = useId();

  useEffect(() => {
    let live = true;
    const threadKey = `${thread.site}:${thread.threadId}`;
    void sendToBackground('thread-status', { threadKey }).then(
      (status) => {
        if (!live) return;
        const logged = new Set(status.externalIds);
        setNewCount(
          thread.messages.filter((m) => !logged.has(`${thread.site}:${messageExternalId(thread, m)}`)).length,
        );
      },
      () => undefined,
    );
    if (counterpart) {
      void sendToBackground('match-handles', { handles: [counterpart] }).then(
        ([match]) => {
          if (!live) return;
          if (match?.stakeholder) {
            setPicked({ kind: 'existing', stakeholder: match.stakeholder });
            setType(match.stakeholder.type);
            setPrefilled(true);
          } else {
            setPicked({ kind: 'new', name: suggestedName });
          }
        },
        () => live && setPicked({ kind: 'new', name: suggestedName }),
      );
    } else {
      setPicked(null);
    }
    return () => {
      live = false;
    };
    // The thread is fixed for the panel's life.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Known stakeholder: focus Save so Enter logs at once.
  useEffect(() => {
    if (prefilled) saveRef.current?.focus();
  }, [prefilled]);

  const first = thread.messages[0];
  const last = thread.messages[thread.messages.length - 1];
  const canSave =
    thread.messages.length > 0 &&
    state.kind !== 'saving' &&
    (picked?.kind === 'existing' || (picked?.kind === 'new' && picked.name.trim() !== ''));

  async function save() {
    if (!canSave || !picked) return;
    setState({ kind: 'saving' });
    try {
      const result = await sendToBackground('log-thread', {
        thread,
        stakeholder:
          picked.kind === 'existing' ? { id: picked.stakeholder.id } : { create: { name: picked.name.trim(), type } },
        stakeholderType: type,
        channel,
        followUpOn: followUpOn || null,
      });
      setState({ kind: 'saved', added: result.added });
      onSaved();
      setTimeout(onClose, 1500);
    } catch (err) {
      setState({
        kind: 'error',
        error: {
          code: (err as { code?: StoredError['code'] }).code ?? 'unknown',
          detail: (err as { detail?: string }).detail ?? String(err),
        },
      });
    }
  }

  return (
    <form
      className="cl-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
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
      {newCount === 0 ? <p className="cl-muted">{t('nothingNew')}</p> : null}
      {neverLogRemoved > 0 ? <p className="cl-muted">{t('neverLogRemoved', neverLogRemoved)}</p> : null}
      <StakeholderPicker
        t={t}
        value={picked}
        onChange={(v) => {
          setPicked(v);
          if (v?.kind === 'existing') setType(v.stakeholder.type);
        }}
        allowCreate
        suggestedName={suggestedName}
      />
      <div className="cl-row">
        <div className="cl-field">
          <label className="cl-label" htmlFor={typeId}>
            {t('stakeholderType')}
          </label>
          <select
            id={typeId}
            className="cl-input"
            value={type}
            onChange={(e) => setType(e.target.value as StakeholderType)}
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
            value={channel}
            onChange={(e) => setChannel(e.target.value as Channel)}
          >
            {[...new Set([thread.channel, ...CAPTURED_CHANNELS])].map((c) => (
              <option key={c} value={c}>
                {t(channelKey[c])}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="cl-field">
        <label className="cl-label" htmlFor={followId}>
          {t('followUpDate')}
        </label>
        <input
          id={followId}
          className="cl-input"
          type="date"
          value={followUpOn}
          onChange={(e) => setFollowUpOn(e.target.value)}
        />
      </div>
      {state.kind === 'error' ? (
        <p className="cl-error" role="alert">
          {errorText(t, state.error)}
        </p>
      ) : null}
      {state.kind === 'saved' ? (
        <p className="cl-ok" role="status">
          {state.added > 0 ? t('savedN', state.added) : t('nothingNew')}
        </p>
      ) : null}
      <div className="cl-actions">
        <button type="button" className="cl-button" onClick={onClose}>
          {t('cancel')}
        </button>
        <button ref={saveRef} type="submit" className="cl-button cl-primary" disabled={!canSave}>
          {state.kind === 'saving' ? t('saving') : t('save')}
        </button>
      </div>
    </form>
  );
}
