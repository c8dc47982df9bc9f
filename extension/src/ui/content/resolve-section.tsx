import { useId, useState } from 'react';
import { formatDateTime } from '../../lib/i18n';
import { localInputValue } from '../popup/manual-log-form';
import { errorText } from '../labels';
import { useT } from '../use-t';
import { type OutcomeFailure, useThreadOutcome } from './use-thread-outcome';

/**
 * Below the Log-this form, once the thread is logged here: "Mark resolved" with when (now unless backdated) and an
 * optional note, or, once resolved, when it was and "Reopen". Both go through the outbox, so they work offline.
 */
export function ResolveSection({ threadKey, refreshKey }: { threadKey: string; refreshKey: unknown }) {
  const { t, lang } = useT();
  const outcome = useThreadOutcome(threadKey, refreshKey);
  const [open, setOpen] = useState(false);
  const { state } = outcome;
  // Nothing of the thread is logged here yet: there is nothing to resolve.
  if (!state?.firstAt) return null;
  return (
    <section className="cl-resolve" aria-label={t('resolveSection')}>
      {state.resolved && state.resolvedAt ? (
        <div className="cl-resolve-state">
          <p className="cl-ok" role="status">
            {t('resolveResolvedOn', formatDateTime(lang, state.resolvedAt))}
            {state.pending ? <span className="cl-muted"> · {t('resolveNotSynced')}</span> : null}
          </p>
          <button
            type="button"
            className="cl-button"
            disabled={outcome.busy}
            onClick={() => void outcome.reopen().then((ok) => ok && setOpen(false))}
          >
            {t('resolveReopen')}
          </button>
        </div>
      ) : open ? (
        <ResolveForm
          firstAt={state.firstAt}
          busy={outcome.busy}
          failure={outcome.failure}
          onCancel={() => setOpen(false)}
          onResolve={(atMs, note) => void outcome.resolve(atMs, note).then((ok) => ok && setOpen(false))}
        />
      ) : (
        <button type="button" className="cl-button" onClick={() => setOpen(true)}>
          {t('resolveMark')}
        </button>
      )}
      {!open ? <FailureText failure={outcome.failure} firstAt={state.firstAt} /> : null}
    </section>
  );
}

/** When it was resolved (now, or earlier) and an optional note; what the time may be is said before saving. */
function ResolveForm(props: {
  firstAt: string;
  busy: boolean;
  failure: OutcomeFailure | null;
  onCancel(): void;
  onResolve(atMs: number, note: string): void;
}) {
  const { t, lang } = useT();
  const [at, setAt] = useState(() => localInputValue(new Date()));
  const [note, setNote] = useState('');
  const ids = { at: useId(), note: useId(), hint: useId() };
  return (
    <form
      className="cl-form"
      aria-label={t('resolveMark')}
      onSubmit={(e) => {
        e.preventDefault();
        props.onResolve(at ? new Date(at).getTime() : Number.NaN, note);
      }}
    >
      <div className="cl-field">
        <label className="cl-label" htmlFor={ids.at}>
          {t('resolveAt')}
        </label>
        <input
          id={ids.at}
          className="cl-input"
          type="datetime-local"
          value={at}
          min={localInputValue(new Date(props.firstAt))}
          max={localInputValue(new Date())}
          aria-describedby={ids.hint}
          onChange={(e) => setAt(e.target.value)}
        />
        <p id={ids.hint} className="cl-muted">
          {t('resolveHint', formatDateTime(lang, props.firstAt))}
        </p>
      </div>
      <div className="cl-field">
        <label className="cl-label" htmlFor={ids.note}>
          {t('resolveNote')}
        </label>
        <textarea
          id={ids.note}
          className="cl-input"
          rows={2}
          maxLength={2000}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </div>
      <FailureText failure={props.failure} firstAt={props.firstAt} />
      <div className="cl-actions">
        <button type="button" className="cl-button" onClick={props.onCancel}>
          {t('cancel')}
        </button>
        <button type="submit" className="cl-button cl-primary" disabled={props.busy}>
          {t('resolveSave')}
        </button>
      </div>
    </form>
  );
}

function FailureText({ failure, firstAt }: { failure: OutcomeFailure | null; firstAt: string }) {
  const { t, lang } = useT();
  if (!failure) return null;
  const text =
    failure.kind === 'error'
      ? t('resolveFailed', errorText(t, failure.error))
      : failure.problem === 'future'
        ? t('resolveErrFuture')
        : failure.problem === 'before-first'
          ? t('resolveErrBeforeFirst', formatDateTime(lang, firstAt))
          : t('resolveErrTime');
  return (
    <p className="cl-error" role="alert">
      {text}
    </p>
  );
}
