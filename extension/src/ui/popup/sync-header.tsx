import { useEffect, useState } from 'react';
import { formatRelative } from '../../lib/i18n';
import { sendToBackground, type StatusView } from '../../lib/messages';
import { syncStatusItem } from '../../lib/storage-items';
import { LogPageButton } from '../coverage/log-page-button';
import { errorText } from '../labels';
import { useStorageItem } from '../use-storage-item';
import type { T } from '../use-t';
import type { Lang } from '../../lib/i18n';

/** Pending count, last sync, last error in words, and "Sync now": kept live from the background's status. */
export function SyncHeader({ t, lang }: { t: T; lang: Lang }) {
  const live = useStorageItem(syncStatusItem);
  const [view, setView] = useState<StatusView | null>(null);
  const [busy, setBusy] = useState(false);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new sync status (`live`) is the signal to ask the background again.
  useEffect(() => {
    void sendToBackground('get-status', {}).then(setView, () => undefined);
  }, [live]);

  const status = live ?? view;
  const syncing = busy || status?.state === 'syncing';
  const error =
    view && !view.configured ? { code: 'not-configured' as const, detail: '' } : (status?.lastError ?? null);

  async function syncNow() {
    setBusy(true);
    try {
      await sendToBackground('sync-now', {});
    } finally {
      setBusy(false);
      setView(await sendToBackground('get-status', {}).catch(() => view));
    }
  }

  return (
    <header className="pg-header">
      <div className="pg-status">
        <p className="pg-pending" data-testid="pending-count">
          {t('pendingCount', status?.pending ?? 0)}
          {status && status.rejected > 0 ? (
            <span className="pg-warn"> · {t('rejectedCount', status.rejected)}</span>
          ) : null}
        </p>
        <p className="pg-muted" data-testid="last-sync">
          {t('lastSync', status?.lastSyncAt ? formatRelative(lang, status.lastSyncAt, new Date()) : t('never'))}
        </p>
        {error ? (
          <p className="pg-error" role="alert" data-testid="last-error">
            {t('lastError', errorText(t, error))}
          </p>
        ) : null}
      </div>
      <button type="button" className="pg-button pg-primary" onClick={() => void syncNow()} disabled={syncing}>
        {syncing ? t('syncing') : t('syncNow')}
      </button>
      <LogPageButton t={t} />
    </header>
  );
}
