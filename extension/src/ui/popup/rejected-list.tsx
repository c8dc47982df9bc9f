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

/**
 * Changes the server refused, with what to do about them: Retry (back to pending, then a sync) and Discard
 * (after a confirmation, since it cannot be undone). Everything goes through the background, which owns the
 * outbox; the list reloads whenever the sync status changes.
 */
export function RejectedList({ t, lang }: { t: T; lang: Lang }) {
  const live = useStorageItem(syncStatusItem);
  const [items, setItems] = useState<RejectedItem[]>([]);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const headingId = useId();

  const reload = useCallback(async () => {
    setItems(await sendToBackground('rej-list', {}));
  }, []);

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
        {items.map((item) => {
          const title = rejectedTitle(t, lang, item);
          return (
            <li key={item.key} className="rej-item">
              <div className="rej-text">
                <p className="rej-what">{title}</p>
                <p className="rej-why" title={item.reason}>
                  {rejectedReason(t, item.reason)}
                </p>
              </div>
              {confirming === item.key ? (
                <div className="rej-actions" role="group" aria-label={t('rejConfirm')}>
                  <span>{t('rejConfirm')}</span>
                  <button
                    type="button"
                    className="pg-button"
                    disabled={busy}
                    onClick={() => void run(() => sendToBackground('rej-discard', { key: item.key }))}
                  >
                    {t('rejConfirmYes')}
                  </button>
                  <button type="button" className="pg-button" disabled={busy} onClick={() => setConfirming(null)}>
                    {t('rejCancel')}
                  </button>
                </div>
              ) : (
                <div className="rej-actions">
                  <button
                    type="button"
                    className="pg-button"
                    disabled={busy}
                    onClick={() => void run(() => sendToBackground('rej-retry', { keys: [item.key] }))}
                  >
                    {t('rejRetry')}
                  </button>
                  <button type="button" className="pg-button" disabled={busy} onClick={() => setConfirming(item.key)}>
                    {t('rejDiscard')}
                  </button>
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
