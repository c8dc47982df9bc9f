import { useId, useState } from 'react';
import { toStoredError, type StoredError } from '../../../lib/api/error';
import { withApi } from '../../../lib/api/session';
import { whoamiItem } from '../../../lib/storage-items';
import { errorText } from '../../labels';
import { useStorageItem } from '../../use-storage-item';
import { useDashboard } from '../dashboard-context';
import { downloadText } from '../download';

/**
 * Admins, on a stakeholder being edited: download everything held about them (an access request), or erase them
 * everywhere after typing their name (an erasure request; README "Reliability and security").
 */
export function PrivacyPanel({
  stakeholder,
  onErased,
}: {
  stakeholder: { id: string; name: string };
  onErased: (message: string) => void;
}) {
  const { t } = useDashboard();
  const whoami = useStorageItem(whoamiItem);
  const inputId = useId();
  const [busy, setBusy] = useState<'export' | 'erase' | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<StoredError | null>(null);
  if (whoami?.user.role !== 'admin') return null;

  const run = async (kind: 'export' | 'erase') => {
    setBusy(kind);
    setError(null);
    try {
      if (kind === 'export') {
        const data = await withApi((c) => c.privacy.export.query({ stakeholderId: stakeholder.id }));
        downloadText(`comms-log-stakeholder-${stakeholder.id}.json`, JSON.stringify(data, null, 2), 'application/json');
      } else {
        const result = await withApi((c) => c.privacy.erase.mutate({ stakeholderId: stakeholder.id }));
        // The form closes with the stakeholder; the directory shows what was removed.
        onErased(t('opsPrivacyErased', result.removed.interactions ?? 0, result.removed.followups ?? 0));
      }
    } catch (e) {
      setError(toStoredError(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="pg-card" aria-label={t('opsPrivacyTitle')} data-testid="privacy-panel">
      <h4>{t('opsPrivacyTitle')}</h4>
      <p className="pg-muted">{t('opsPrivacyIntro')}</p>
      <button type="button" className="pg-button" disabled={busy !== null} onClick={() => void run('export')}>
        {busy === 'export' ? t('opsPrivacyExporting') : t('opsPrivacyExport')}
      </button>{' '}
      {confirming ? (
        <span className="pg-field">
          <label htmlFor={inputId}>{t('opsPrivacyConfirm', stakeholder.name)}</label>
          <input id={inputId} value={typed} onChange={(e) => setTyped(e.target.value)} />
          <button
            type="button"
            className="pg-button pg-primary"
            disabled={busy !== null || typed.trim() !== stakeholder.name.trim()}
            onClick={() => void run('erase')}
          >
            {busy === 'erase' ? t('opsPrivacyErasing') : t('opsPrivacyEraseNow')}
          </button>
        </span>
      ) : (
        <button type="button" className="pg-button" onClick={() => setConfirming(true)}>
          {t('opsPrivacyErase')}
        </button>
      )}
      {error ? (
        <p role="alert" className="pg-error">
          {t('opsPrivacyFailed', errorText(t, error))}
        </p>
      ) : null}
    </section>
  );
}
