import { useState } from 'react';
import type { Stakeholder } from '@comms-log/shared';
import { toStoredError, type StoredError } from '../../../lib/api-error';
import { withApi } from '../../../lib/server-session';
import { errorText } from '../../labels';
import { useDashboard } from '../dashboard-context';

/**
 * Merge two directory entries with what the server offers today: B's identities move to A and B is deactivated,
 * so new captures resolve to A. B's past interactions stay with B until the server can re-point them
 * (`directory.merge`, requested in server-requests.md); the confirmation says so before anything changes.
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
    const moved = merge.identities.map((i) => ({ kind: i.kind, value: i.value }));
    try {
      // Identities are unique per org: B must let go of them before A can hold them.
      await withApi((c) => c.directory.update.mutate({ id: merge.id, identities: [], active: false }));
      try {
        await withApi((c) =>
          c.directory.update.mutate({ id: keep.id, identities: [...keep.identities.map((i) => ({ kind: i.kind, value: i.value })), ...moved] }),
        );
      } catch (e) {
        // Put B back as it was, so a failed merge loses nothing.
        await withApi((c) => c.directory.update.mutate({ id: merge.id, identities: moved, active: merge.active })).catch(() => undefined);
        throw e;
      }
      setDone(t('dashMerged', merge.name, keep.name, moved.length));
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
          <p className="pg-warn">{t('dashMergeHistory', merge.name)}</p>
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
