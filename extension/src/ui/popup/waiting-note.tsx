import { useEffect, useState } from 'react';
import { sendToBackground } from '../../lib/messages';
import { syncStatusItem } from '../../lib/storage-items';
import type { WaitingForUser } from '../../lib/users/waiting';
import { useStorageItem } from '../use-storage-item';
import type { T } from '../use-t';

/**
 * What other users logged here and have not synced: it waits in the outbox for them to sign in again, and is never
 * sent as the user signed in now (docs/sync.md "Outbox first"). Discarding it asks first: it cannot be undone.
 */
export function WaitingNote({ t }: { t: T }) {
  const live = useStorageItem(syncStatusItem);
  const [waiting, setWaiting] = useState<WaitingForUser[]>([]);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const reload = () => sendToBackground('users-waiting', {}).then(setWaiting, () => undefined);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new sync status (`live`) is the signal to ask again.
  useEffect(() => void reload(), [live]);

  async function discard(ownerId: string) {
    setBusy(true);
    setFailure(null);
    try {
      await sendToBackground('users-discard-waiting', { ownerId });
      setConfirming(null);
    } catch {
      setFailure(t('usersDiscardFailed'));
    } finally {
      setBusy(false);
      await reload();
    }
  }

  if (waiting.length === 0) return null;
  return (
    <section className="rej-panel" aria-label={t('usersWaitingTitle')} data-testid="users-waiting">
      {failure ? (
        <p className="pg-error" role="alert">
          {failure}
        </p>
      ) : null}
      <ul className="rej-list">
        {waiting.map((w) => (
          <li key={w.ownerId} className="rej-item" data-owner={w.ownerId}>
            <p className="rej-text">{t('usersWaiting', w.count, w.label)}</p>
            {confirming === w.ownerId ? (
              <fieldset className="rej-actions" aria-label={t('usersDiscardConfirm', w.count, w.label)}>
                <span>{t('usersDiscardConfirm', w.count, w.label)}</span>
                <button type="button" className="pg-button" disabled={busy} onClick={() => void discard(w.ownerId)}>
                  {t('usersDiscardYes')}
                </button>
                <button type="button" className="pg-button" disabled={busy} onClick={() => setConfirming(null)}>
                  {t('rejCancel')}
                </button>
              </fieldset>
            ) : (
              <div className="rej-actions">
                <button type="button" className="pg-button" disabled={busy} onClick={() => setConfirming(w.ownerId)}>
                  {t('usersDiscard')}
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
