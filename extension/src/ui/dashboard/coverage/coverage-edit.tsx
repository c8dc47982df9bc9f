import { useState } from 'react';
import type { CoverageTone, MediaCoverage, MediaCoverageUpdateInput } from '@comms-log/shared';
import { toStoredError, type StoredError } from '../../../lib/api/error';
import { useDashboard } from '../dashboard-context';
import { FormFooter } from '../form-footer';
import {
  checkCoverageEdit,
  coverageDraft,
  type CoverageEditDraft,
  type CoverageEditProblem,
} from './coverage-edit-check';
import { coverageProblemText, toneKey } from './coverage-labels';

const tones: (CoverageTone | '')[] = ['', 'positive', 'neutral', 'negative'];

/**
 * Edit a media report's tone, reach, event tag and when it was clarified; mistakes are named before anything is
 * sent, and the server's refusal in plain words.
 */
export function CoverageEdit({
  item,
  onSave,
  onDone,
}: {
  item: MediaCoverage;
  onSave(update: MediaCoverageUpdateInput): Promise<MediaCoverage>;
  onDone(): void;
}) {
  const { t, zone } = useDashboard();
  const [d, setD] = useState<CoverageEditDraft>(() => coverageDraft(item, zone));
  const [problems, setProblems] = useState<CoverageEditProblem[]>([]);
  const [error, setError] = useState<StoredError | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (change: Partial<CoverageEditDraft>) => setD((x) => ({ ...x, ...change }));
  const save = async () => {
    const checked = checkCoverageEdit(item, d, zone, Date.now());
    setProblems(checked.problems);
    setError(null);
    if (!checked.update) return;
    setBusy(true);
    try {
      await onSave(checked.update);
      onDone();
    } catch (e) {
      setError(toStoredError(e));
    } finally {
      setBusy(false);
    }
  };
  const title = t('dashCovEditTitle', item.title);
  return (
    <form
      className="pg-form dash-inline-edit"
      aria-label={title}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <CoverageEditFields id={item.id} draft={d} set={set} />
      {problems.length > 0 && (
        <div role="alert" className="pg-error">
          <p>{t('dashCovFixFirst')}</p>
          <ul className="dash-issues">
            {problems.map((p) => (
              <li key={p.kind}>{coverageProblemText(t, p, zone)}</li>
            ))}
          </ul>
        </div>
      )}
      <FormFooter error={error} busy={busy} onCancel={onDone} />
    </form>
  );
}

function CoverageEditFields({
  id,
  draft: d,
  set,
}: {
  id: string;
  draft: CoverageEditDraft;
  set(change: Partial<CoverageEditDraft>): void;
}) {
  const { t } = useDashboard();
  const field = (name: string) => `cov-${id}-${name}`;
  return (
    <div className="pg-row">
      <div className="pg-field">
        <label htmlFor={field('tone')}>{t('dashCovTone')}</label>
        <select id={field('tone')} value={d.tone} onChange={(e) => set({ tone: e.target.value as CoverageTone | '' })}>
          {tones.map((x) => (
            <option key={x} value={x}>
              {t(toneKey[x || 'none'])}
            </option>
          ))}
        </select>
      </div>
      <div className="pg-field">
        <label htmlFor={field('reach')}>{t('dashCovReach')}</label>
        <input
          id={field('reach')}
          type="text"
          inputMode="numeric"
          value={d.reach}
          onChange={(e) => set({ reach: e.target.value })}
        />
      </div>
      <div className="pg-field">
        <label htmlFor={field('event')}>{t('dashCovEvent')}</label>
        <input id={field('event')} value={d.eventTag} onChange={(e) => set({ eventTag: e.target.value })} />
      </div>
      <div className="pg-field">
        <label htmlFor={field('clarified')}>{t('dashCovClarifiedOn')}</label>
        <input
          id={field('clarified')}
          type="datetime-local"
          aria-describedby={field('clarified-hint')}
          value={d.clarifiedAt}
          onChange={(e) => set({ clarifiedAt: e.target.value })}
        />
        <span id={field('clarified-hint')} className="pg-muted dash-hint">
          {t('dashCovClarifiedHint')}
        </span>
      </div>
    </div>
  );
}
