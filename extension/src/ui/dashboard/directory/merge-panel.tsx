import { useState } from 'react';
import type { Stakeholder } from '@comms-log/shared';
import { toStoredError, type StoredError } from '../../../lib/api/error';
import { withApi } from '../../../lib/api/session';
import { errorText } from '../../labels';
import { useDashboard } from '../dashboard-context';

/**
 * Merge two directory entries (`directory.merge`, one transaction on the server): B's identities, past
 * interactions, follow-ups and cadence snoozes move to A, response times are recomputed, and B becomes inactive.
 * The confirmation says what moves before anything changes.
 */
export function MergePanel({ stakeholders, onMerged }: { stakeholders: Stakeholder[]; onMerged(): void }) {
  const { t } = useDashboard();
  const [keepId, setKeepId] = useState('');
  const [mergeId, setMergeId] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<StoredError | null>(null);
  const keep = stakeholders.find((s) => s.id === keepId);
  const merge = stakeholders.find((s) => s.id === mergeId);
  const ready = keep && merge && keep.id !== merge.id;

  const run = async () => {
    if (!keep || !merge) return;
    setBusy(true);
    setError(null);
    try {
      await withApi((c) => c.directory.merge.mutate({ keepId: keep.id, mergeId: merge.id }));
      setDone(t('dashMerged', merge.name, keep.name, merge.identities.length));
      setConfirming(false);
      setMergeId('');
      onMerged();
    } catch (e) {
      setError(toStoredError(e));
    } finally {
      setBusy(false);
    }
  };

  const pick = (id: string, value: string, set: (v: string) => void, label: string) => (
    <div className="pg-field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        onChange={(e) => {
          set(e.target.value);
          setConfirming(false);
          setDone(null);
        }}
      >
        <option value="">—</option>
        {stakeholders.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
            {s.organization ? ` (${s.organization})` : ''}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <section className="pg-card" aria-labelledby="dir-merge-h">
      <h3 id="dir-merge-h">{t('dashMergeTitle')}</h3>
      <div className="pg-row">
        {pick('dir-merge-keep', keepId, setKeepId, t('dashMergeKeep'))}
        {pick('dir-merge-from', mergeId, setMergeId, t('dashMergeFrom'))}
      </div>
      {keep && merge && keep.id === merge.id && <p className="pg-error">{t('dashMergeSame')}</p>}
      {ready && !confirming && (
        <div className="pg-actions">
          <button type="button" className="pg-button" onClick={() => setConfirming(true)}>
            {t('dashMergeReview')}
          </button>
        </div>
      )}
      {ready && confirming && (
        <div className="dash-notice" role="group" aria-label={t('dashMergeTitle')}>
          <p>{t('dashMergeWhat', merge.name, keep.name, merge.identities.length)}</p>
          <p>{t('dashMergeHistory', merge.name, keep.name)}</p>
          <div className="pg-actions">
            <button type="button" className="pg-button" onClick={() => setConfirming(false)}>
              {t('cancel')}
            </button>
            <button type="button" className="pg-button pg-primary" disabled={busy} onClick={() => void run()}>
              {busy ? t('saving') : t('dashMergeConfirm', merge.name, keep.name)}
            </button>
          </div>
        </div>
      )}
      {done && (
        <p role="status" className="pg-ok">
          {done}
        </p>
      )}
      {error && (
        <p role="alert" className="pg-error">
          {errorText(t, error)}
        </p>
      )}
    </section>
  );
}
