import { useCallback, useEffect, useId, useState } from 'react';
import { toStoredError } from '../../lib/api/error';
import { sendToBackground } from '../../lib/messages';
import type { RejectedItem } from '../../lib/outbox/rejected';
import { syncStatusItem } from '../../lib/storage-items';
import type { Lang } from '../../lib/i18n';
import { errorText } from '../labels';
import { useStorageItem } from '../use-storage-item';
import type { T } from '../use-t';
import { rejectedReason, rejectedTitle } from './rejected-format';
import './rejected-list.css';

/** The refused items, reloaded whenever the sync status changes, and Retry / Discard run through the background. */
function useRejected(t: T) {
  const live = useStorageItem(syncStatusItem);
  const [items, setItems] = useState<RejectedItem[]>([]);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const reload = useCallback(async () => {
    setItems(await sendToBackground('rej-list', {}));
  }, []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new sync status (`live`) is the signal to read the list again.
  useEffect(() => {
    void reload().catch(() => undefined);
  }, [live, reload]);

  async function run(action: () => Promise<unknown>) {
    setBusy(true);
    setFailure(null);
    try {
      await action();
    } catch (err) {
      setFailure(t('rejFailed', errorText(t, toStoredError(err))));
    } finally {
      setConfirming(null);
      await reload().catch(() => undefined);
      setBusy(false);
    }
  }
  return { items, confirming, setConfirming, busy, failure, run };
}

/**
 * Changes the server refused, with what to do about them: Retry (back to pending, then a sync) and Discard
 * (after a confirmation, since it cannot be undone). Everything goes through the background, which owns the
 * outbox; the list reloads whenever the sync status changes.
 */
export function RejectedList({ t, lang }: { t: T; lang: Lang }) {
  const { items, confirming, setConfirming, busy, failure, run } = useRejected(t);
  const headingId = useId();

  if (items.length === 0)
    return failure ? (
      <p className="pg-error" role="alert">
        {failure}
      </p>
    ) : null;

  return (
    <section className="rej-panel" aria-labelledby={headingId} data-testid="rejected-list">
      <div className="rej-head">
        <h2 id={headingId}>
          {t('rejNotSynced')} ({items.length})
        </h2>
        {items.length > 1 ? (
          <button
            type="button"
            className="pg-button"
            disabled={busy}
            onClick={() => void run(() => sendToBackground('rej-retry', { keys: null }))}
          >
            {t('rejRetryAll')}
          </button>
        ) : null}
      </div>
      <p className="rej-help">{t('rejHelp')}</p>
      {failure ? (
        <p className="pg-error" role="alert">
          {failure}
        </p>
      ) : null}
      <ul className="rej-list">
        {items.map((item) => (
          <RejectedRow
            key={item.key}
            t={t}
            lang={lang}
            item={item}
            busy={busy}
            confirming={confirming === item.key}
            onConfirming={(on) => setConfirming(on ? item.key : null)}
            onRun={(action) => void run(action)}
          />
        ))}
      </ul>
    </section>
  );
}

/** One refused item: what it is, why it was refused, and Retry / Discard (Discard asks first). */
function RejectedRow(props: {
  t: T;
  lang: Lang;
  item: RejectedItem;
  busy: boolean;
  confirming: boolean;
  onConfirming(on: boolean): void;
  onRun(action: () => Promise<unknown>): void;
}) {
  const { t, item, busy } = props;
  return (
    <li className="rej-item">
      <div className="rej-text">
        <p className="rej-what">{rejectedTitle(t, props.lang, item)}</p>
        <p className="rej-why" title={item.reason}>
          {rejectedReason(t, item.reason)}
        </p>
      </div>
      {props.confirming ? (
        <fieldset className="rej-actions" aria-label={t('rejConfirm')}>
          <span>{t('rejConfirm')}</span>
          <button
            type="button"
            className="pg-button"
            disabled={busy}
            onClick={() => props.onRun(() => sendToBackground('rej-discard', { key: item.key }))}
          >
            {t('rejConfirmYes')}
          </button>
          <button type="button" className="pg-button" disabled={busy} onClick={() => props.onConfirming(false)}>
            {t('rejCancel')}
          </button>
        </fieldset>
      ) : (
        <div className="rej-actions">
          <button
            type="button"
            className="pg-button"
            disabled={busy}
            onClick={() => props.onRun(() => sendToBackground('rej-retry', { keys: [item.key] }))}
          >
            {t('rejRetry')}
          </button>
          <button type="button" className="pg-button" disabled={busy} onClick={() => props.onConfirming(true)}>
            {t('rejDiscard')}
          </button>
        </div>
      )}
    </li>
  );
}
