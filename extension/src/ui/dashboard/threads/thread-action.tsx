import { useState } from 'react';
import type { ThreadItem } from '@comms-log/shared';
import { toStoredError, type StoredError } from '../../../lib/api/error';
import { errorText } from '../../labels';
import type { T } from '../../use-t';
import { useDashboard } from '../dashboard-context';
import { toLocalInput } from '../zoned-time';
import { checkThreadAction, type ThreadAction, type ThreadActionProblem } from './thread-action-check';

/** A mistake in a resolve or reopen, in words; times in `zone`. */
function problemText(t: T, p: ThreadActionProblem, zone: string): string {
  const when = (iso: string) => toLocalInput(iso, zone).replace('T', ' ');
  switch (p.kind) {
    case 'invalid':
      return t('dashThreadErrInvalid');
    case 'future':
      return t('dashThreadErrFuture');
    case 'beforeOpened':
      return t('dashThreadErrBeforeOpened', when(p.openedAt));
    case 'beforeResolved':
      return t('dashThreadErrBeforeResolved', when(p.resolvedAt));
    case 'noteLong':
      return t('dashThreadErrNoteLong');
  }
}

/** A conversation's name in the list: its title, else its key. */
export const threadName = (item: ThreadItem) => item.title || item.threadKey;

/**
 * Resolve a conversation (with an optional note) or reopen a resolved one, at a time typed in the plan's zone that
 * defaults to now; mistakes are named before anything is sent, and the server's refusal in plain words.
 */
export function ThreadActionForm({
  item,
  action,
  onSubmit,
  onCancel,
}: {
  item: ThreadItem;
  action: ThreadAction;
  onSubmit(at: string, note: string): Promise<void>;
  onCancel(): void;
}) {
  const { t, zone } = useDashboard();
  const [at, setAt] = useState(() => toLocalInput(Date.now(), zone));
  const [note, setNote] = useState('');
  const [problems, setProblems] = useState<ThreadActionProblem[]>([]);
  const [error, setError] = useState<StoredError | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const checked = checkThreadAction(item, action, { at, note }, zone, Date.now());
    setProblems(checked.problems);
    setError(null);
    if (!checked.at) return;
    setBusy(true);
    try {
      await onSubmit(checked.at, note.trim());
    } catch (e) {
      setError(toStoredError(e));
    } finally {
      setBusy(false);
    }
  };
  const id = `thread-${action}-${item.firstInteractionId}`;
  const resolve = action === 'resolve';
  return (
    <form
      className="pg-form dash-inline-edit"
      aria-label={t(resolve ? 'dashThreadResolveAria' : 'dashThreadReopenAria', threadName(item))}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <div className="pg-row">
        <div className="pg-field">
          <label htmlFor={`${id}-at`}>{t(resolve ? 'dashThreadColResolvedAt' : 'dashThreadReopenedAt')}</label>
          <input id={`${id}-at`} type="datetime-local" value={at} onChange={(e) => setAt(e.target.value)} />
        </div>
        {resolve && (
          <div className="pg-field">
            <label htmlFor={`${id}-note`}>{t('dashThreadNote')}</label>
            <input id={`${id}-note`} value={note} onChange={(e) => setNote(e.target.value)} />
          </div>
        )}
      </div>
      {problems.length > 0 && (
        <p role="alert" className="pg-error">
          {problems.map((p) => problemText(t, p, zone)).join(' ')}
        </p>
      )}
      {error && (
        <p role="alert" className="pg-error">
          {errorText(t, error)}
        </p>
      )}
      <div className="pg-actions">
        <button type="button" className="pg-button" onClick={onCancel}>
          {t('cancel')}
        </button>
        <button type="submit" className="pg-button pg-primary" disabled={busy}>
          {busy ? t('saving') : t(resolve ? 'dashThreadConfirmResolve' : 'dashThreadConfirmReopen')}
        </button>
      </div>
    </form>
  );
}
