import { useState } from 'react';
import type { Stakeholder } from '@comms-log/shared';
import { toStoredError, type StoredError } from '../../../lib/api/error';
import { withApi } from '../../../lib/api/session';
import { errorText } from '../../labels';
import { useDashboard } from '../dashboard-context';

/** The two entries picked, whether the merge is being confirmed, and the merge itself. */
function useMerge(stakeholders: Stakeholder[], onMerged: () => void) {
  const { t } = useDashboard();
  const [keepId, setKeepId] = useState('');
  const [mergeId, setMergeId] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<StoredError | null>(null);
  const keep = stakeholders.find((s) => s.id === keepId);
  const merge = stakeholders.find((s) => s.id === mergeId);

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
  // A new pick asks for a new review and clears the last merge's message.
  const pick = (set: (id: string) => void) => (id: string) => {
    set(id);
    setConfirming(false);
    setDone(null);
  };
  return {
    keepId,
    mergeId,
    keep,
    merge,
    confirming,
    setConfirming,
    busy,
    done,
    error,
    run,
    pickKeep: pick(setKeepId),
    pickMerge: pick(setMergeId),
  };
}

/**
 * Merge two directory entries (`directory.merge`, one transaction on the server): B's identities, past
 * interactions, follow-ups and cadence snoozes move to A, response times are recomputed, and B becomes inactive.
 * The confirmation says what moves before anything changes.
 */
export function MergePanel({ stakeholders, onMerged }: { stakeholders: Stakeholder[]; onMerged(): void }) {
  const { t } = useDashboard();
  const m = useMerge(stakeholders, onMerged);
  const { keep, merge, confirming, done, error } = m;
  const ready = keep && merge && keep.id !== merge.id;

  return (
    <section className="pg-card" aria-labelledby="dir-merge-h">
      <h3 id="dir-merge-h">{t('dashMergeTitle')}</h3>
      <div className="pg-row">
        <StakeholderPick
          id="dir-merge-keep"
          label={t('dashMergeKeep')}
          value={m.keepId}
          stakeholders={stakeholders}
          onPick={m.pickKeep}
        />
        <StakeholderPick
          id="dir-merge-from"
          label={t('dashMergeFrom')}
          value={m.mergeId}
          stakeholders={stakeholders}
          onPick={m.pickMerge}
        />
      </div>
      {keep && merge && keep.id === merge.id && <p className="pg-error">{t('dashMergeSame')}</p>}
      {ready && !confirming && (
        <div className="pg-actions">
          <button type="button" className="pg-button" onClick={() => m.setConfirming(true)}>
            {t('dashMergeReview')}
          </button>
        </div>
      )}
      {ready && confirming && (
        <MergeConfirm
          keep={keep}
          merge={merge}
          busy={m.busy}
          onCancel={() => m.setConfirming(false)}
          onConfirm={() => void m.run()}
        />
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

function StakeholderPick(props: {
  id: string;
  label: string;
  value: string;
  stakeholders: Stakeholder[];
  onPick(id: string): void;
}) {
  return (
    <div className="pg-field">
      <label htmlFor={props.id}>{props.label}</label>
      <select id={props.id} value={props.value} onChange={(e) => props.onPick(e.target.value)}>
        <option value="">—</option>
        {props.stakeholders.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
            {s.organization ? ` (${s.organization})` : ''}
          </option>
        ))}
      </select>
    </div>
  );
}

/** What the merge moves, before anything changes; then Cancel or Merge. */
function MergeConfirm(props: {
  keep: Stakeholder;
  merge: Stakeholder;
  busy: boolean;
  onCancel(): void;
  onConfirm(): void;
}) {
  const { t } = useDashboard();
  const { keep, merge } = props;
  return (
    <fieldset className="dash-notice" aria-label={t('dashMergeTitle')}>
      <p>{t('dashMergeWhat', merge.name, keep.name, merge.identities.length)}</p>
      <p>{t('dashMergeHistory', merge.name, keep.name)}</p>
      <div className="pg-actions">
        <button type="button" className="pg-button" onClick={props.onCancel}>
          {t('cancel')}
        </button>
        <button type="button" className="pg-button pg-primary" disabled={props.busy} onClick={props.onConfirm}>
          {props.busy ? t('saving') : t('dashMergeConfirm', merge.name, keep.name)}
        </button>
      </div>
    </fieldset>
  );
}
