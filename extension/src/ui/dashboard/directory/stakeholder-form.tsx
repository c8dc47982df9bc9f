import { useState } from 'react';
import {
  identityKinds,
  stakeholderTypes,
  type IdentityKind,
  type Stakeholder,
  type StakeholderType,
} from '@comms-log/shared';
import { toStoredError, type StoredError } from '../../../lib/api/error';
import type { MessageKey } from '../../../lib/i18n';
import { reportFormat } from '../../../lib/report/tables';
import { withApi } from '../../../lib/api/session';
import { errorText } from '../../labels';
import { useDashboard } from '../dashboard-context';
import type { StakeholderDraft } from './stakeholder-draft';

export { draftOf, emptyDraft, type StakeholderDraft } from './stakeholder-draft';

export const identityKindKey: Record<IdentityKind, MessageKey> = {
  email: 'dashIdEmail',
  domain: 'dashIdDomain',
  weibo: 'dashIdWeibo',
  jira: 'dashIdJira',
  trello: 'dashIdTrello',
  phone: 'dashIdPhone',
};

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
  const { t, lang, users } = useDashboard();
  const f = reportFormat(lang);
  const [d, setD] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<StoredError | string | null>(null);
  const set = <K extends keyof StakeholderDraft>(k: K, v: StakeholderDraft[K]) => setD((x) => ({ ...x, [k]: v }));

  const save = async () => {
    const ideal = d.idealDays.trim();
    const max = d.maxDays.trim();
    if ((ideal === '') !== (max === '')) return setError(t('dashOverrideBoth'));
    const cadenceOverride = ideal ? { idealDays: Number(ideal), maxDays: Number(max) } : null;
    const identities = d.identities.filter((i) => i.value.trim()).map((i) => ({ kind: i.kind, value: i.value.trim() }));
    const fields = {
      name: d.name.trim(),
      type: d.type,
      tier: d.tier.trim() || 'standard',
      organization: d.organization.trim() || null,
      ownerUserId: d.ownerUserId || null,
      cadenceOverride,
      active: d.active,
      identities,
    };
    if (!fields.name) return setError(t('dashNameRequired'));
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

  return (
    <form
      className="pg-card pg-form"
      aria-label={d.id ? t('dashEditStakeholder', initial.name) : t('dashNewStakeholder')}
      onSubmit={(e) => (e.preventDefault(), void save())}
    >
      <h3>{d.id ? t('dashEditStakeholder', initial.name) : t('dashNewStakeholder')}</h3>
      <div className="pg-row">
        <div className="pg-field">
          <label htmlFor="dir-name">{t('stakeholderName')}</label>
          <input id="dir-name" value={d.name} onChange={(e) => set('name', e.target.value)} required maxLength={200} />
        </div>
        <div className="pg-field">
          <label htmlFor="dir-org">{t('dashOrganization')}</label>
          <input
            id="dir-org"
            value={d.organization}
            onChange={(e) => set('organization', e.target.value)}
            maxLength={200}
          />
        </div>
      </div>
      <div className="pg-row">
        <div className="pg-field">
          <label htmlFor="dir-type">{t('dashColType')}</label>
          <select id="dir-type" value={d.type} onChange={(e) => set('type', e.target.value as StakeholderType)}>
            {stakeholderTypes.map((x) => (
              <option key={x} value={x}>
                {f.type(x)}
              </option>
            ))}
          </select>
        </div>
        <div className="pg-field">
          <label htmlFor="dir-tier">{t('dashColTier')}</label>
          <input id="dir-tier" value={d.tier} onChange={(e) => set('tier', e.target.value)} maxLength={32} />
        </div>
        <div className="pg-field">
          <label htmlFor="dir-owner">{t('dashColOwner')}</label>
          <select id="dir-owner" value={d.ownerUserId} onChange={(e) => set('ownerUserId', e.target.value)}>
            <option value="">{t('dashNoOwner')}</option>
            {users.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="pg-row">
        <div className="pg-field">
          <label htmlFor="dir-ideal">{t('dashOverrideIdeal')}</label>
          <input
            id="dir-ideal"
            type="number"
            min={1}
            value={d.idealDays}
            onChange={(e) => set('idealDays', e.target.value)}
            placeholder={t('dashFromPlan')}
          />
        </div>
        <div className="pg-field">
          <label htmlFor="dir-max">{t('dashOverrideMax')}</label>
          <input
            id="dir-max"
            type="number"
            min={1}
            value={d.maxDays}
            onChange={(e) => set('maxDays', e.target.value)}
            placeholder={t('dashFromPlan')}
          />
        </div>
        <label className="dash-inline">
          <input type="checkbox" checked={d.active} onChange={(e) => set('active', e.target.checked)} />
          {t('dashActive')}
        </label>
      </div>
      <fieldset className="dash-identities">
        <legend>{t('dashIdentities')}</legend>
        {d.identities.map((i, k) => (
          <div className="pg-inline-form" key={k}>
            <select
              aria-label={t('dashIdentityKindAria', k + 1)}
              value={i.kind}
              onChange={(e) =>
                set(
                  'identities',
                  d.identities.map((x, j) => (j === k ? { ...x, kind: e.target.value as IdentityKind } : x)),
                )
              }
            >
              {identityKinds.map((x) => (
                <option key={x} value={x}>
                  {t(identityKindKey[x])}
                </option>
              ))}
            </select>
            <input
              aria-label={t('dashIdentityValueAria', k + 1)}
              value={i.value}
              onChange={(e) =>
                set(
                  'identities',
                  d.identities.map((x, j) => (j === k ? { ...x, value: e.target.value } : x)),
                )
              }
              maxLength={320}
            />
            <button
              type="button"
              className="pg-link"
              aria-label={t('dashRemoveRule', i.value || t(identityKindKey[i.kind]))}
              onClick={() =>
                set(
                  'identities',
                  d.identities.filter((_, j) => j !== k),
                )
              }
            >
              {t('dashRemove')}
            </button>
          </div>
        ))}
        <button
          type="button"
          className="pg-button"
          onClick={() => set('identities', [...d.identities, { kind: 'email', value: '' }])}
        >
          {t('dashAddIdentity')}
        </button>
        <p className="pg-muted dash-hint">{t('dashIdentityHint')}</p>
      </fieldset>
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
