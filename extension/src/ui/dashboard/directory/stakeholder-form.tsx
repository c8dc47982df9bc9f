import { useState } from 'react';
import type { Stakeholder } from '@comms-log/shared';
import { toStoredError, type StoredError } from '../../../lib/api/error';
import { withApi } from '../../../lib/api/session';
import { errorText } from '../../labels';
import type { T } from '../../use-t';
import { useDashboard } from '../dashboard-context';
import type { StakeholderDraft } from './stakeholder-draft';
import { IdentitiesFieldset, StakeholderFields } from './stakeholder-fields';

/** What to fix before the draft can be saved, if anything: an override needs both numbers, a stakeholder a name. */
function draftProblem(t: T, d: StakeholderDraft): string | null {
  if ((d.idealDays.trim() === '') !== (d.maxDays.trim() === '')) return t('dashOverrideBoth');
  if (!d.name.trim()) return t('dashNameRequired');
  return null;
}

/** The draft as `directory.create` and `directory.update` take it. */
function draftFields(d: StakeholderDraft) {
  const ideal = d.idealDays.trim();
  return {
    name: d.name.trim(),
    type: d.type,
    tier: d.tier.trim() || 'standard',
    organization: d.organization.trim() || null,
    ownerUserId: d.ownerUserId || null,
    cadenceOverride: ideal ? { idealDays: Number(ideal), maxDays: Number(d.maxDays.trim()) } : null,
    active: d.active,
    identities: d.identities.filter((i) => i.value.trim()).map((i) => ({ kind: i.kind, value: i.value.trim() })),
  };
}

/** Saves the draft (creating or updating the stakeholder), with what went wrong in words. */
function useStakeholderSave(onDone: (s: Stakeholder) => void) {
  const { t } = useDashboard();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<StoredError | string | null>(null);
  const save = async (d: StakeholderDraft) => {
    const problem = draftProblem(t, d);
    if (problem) return setError(problem);
    const fields = draftFields(d);
    setBusy(true);
    setError(null);
    try {
      const saved = await withApi((c) =>
        d.id ? c.directory.update.mutate({ id: d.id, ...fields }) : c.directory.create.mutate(fields),
      );
      onDone(saved);
    } catch (e) {
      setError(toStoredError(e));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, save };
}

/** Create or edit one stakeholder: type, tier, owner, cadence override and every identity. */
export function StakeholderForm({
  initial,
  onDone,
  onCancel,
}: {
  initial: StakeholderDraft;
  onDone(s: Stakeholder): void;
  onCancel(): void;
}) {
  const { t } = useDashboard();
  const [d, setD] = useState(initial);
  const { busy, error, save } = useStakeholderSave(onDone);
  const set = <K extends keyof StakeholderDraft>(k: K, v: StakeholderDraft[K]) => setD((x) => ({ ...x, [k]: v }));
  const title = d.id ? t('dashEditStakeholder', initial.name) : t('dashNewStakeholder');

  return (
    <form
      className="pg-card pg-form"
      aria-label={title}
      onSubmit={(e) => {
        e.preventDefault();
        void save(d);
      }}
    >
      <h3>{title}</h3>
      <StakeholderFields draft={d} set={set} />
      <IdentitiesFieldset identities={d.identities} onChange={(identities) => set('identities', identities)} />
      {error && (
        <p role="alert" className="pg-error">
          {typeof error === 'string' ? error : errorText(t, error)}
        </p>
      )}
      <div className="pg-actions">
        <button type="button" className="pg-button" onClick={onCancel}>
          {t('cancel')}
        </button>
        <button type="submit" className="pg-button pg-primary" disabled={busy}>
          {busy ? t('saving') : t('save')}
        </button>
      </div>
    </form>
  );
}
