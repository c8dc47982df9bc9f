import { useState } from 'react';
import { identityKinds, type IdentityKind, type StakeholderType } from '@comms-log/shared';
import { identityKindKey } from '../../labels';
import { useDashboard } from '../dashboard-context';
import type { StakeholderDraft } from './stakeholder-draft';
import { StakeholderTypeOptions, UserOptions } from '../select-options';

type Set = <K extends keyof StakeholderDraft>(k: K, v: StakeholderDraft[K]) => void;

/** Name, organisation, type, tier, owner, the cadence override and whether the stakeholder is active. */
export function StakeholderFields({ draft: d, set }: { draft: StakeholderDraft; set: Set }) {
  const { t } = useDashboard();
  return (
    <>
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
            <StakeholderTypeOptions />
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
            <UserOptions />
          </select>
        </div>
      </div>
      <CadenceOverrideFields draft={d} set={set} />
    </>
  );
}

function CadenceOverrideFields({ draft: d, set }: { draft: StakeholderDraft; set: Set }) {
  const { t } = useDashboard();
  return (
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
  );
}

type Identity = StakeholderDraft['identities'][number];

let lastIdentityKey = 0;
const newIdentityKey = () => `identity-${++lastIdentityKey}`;

/** Every handle of the stakeholder (emails, domains, accounts, phones), one row each, added and removed here. */
export function IdentitiesFieldset({
  identities,
  onChange,
}: {
  identities: Identity[];
  onChange(identities: Identity[]): void;
}) {
  const { t } = useDashboard();
  // Rows are only added and removed here, so keys kept beside them stay stable while their text is typed.
  const [keys, setKeys] = useState(() => identities.map(newIdentityKey));
  const update = (index: number, change: Partial<Identity>) =>
    onChange(identities.map((x, j) => (j === index ? { ...x, ...change } : x)));
  const remove = (index: number) => {
    setKeys((ks) => ks.filter((_, j) => j !== index));
    onChange(identities.filter((_, j) => j !== index));
  };
  const add = () => {
    setKeys((ks) => [...ks, newIdentityKey()]);
    onChange([...identities, { kind: 'email', value: '' }]);
  };
  return (
    <fieldset className="dash-identities">
      <legend>{t('dashIdentities')}</legend>
      {identities.map((i, k) => (
        <div className="pg-inline-form" key={keys[k]}>
          <select
            aria-label={t('dashIdentityKindAria', k + 1)}
            value={i.kind}
            onChange={(e) => update(k, { kind: e.target.value as IdentityKind })}
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
            onChange={(e) => update(k, { value: e.target.value })}
            maxLength={320}
          />
          <button
            type="button"
            className="pg-link"
            aria-label={t('dashRemoveRule', i.value || t(identityKindKey[i.kind]))}
            onClick={() => remove(k)}
          >
            {t('dashRemove')}
          </button>
        </div>
      ))}
      <button type="button" className="pg-button" onClick={add}>
        {t('dashAddIdentity')}
      </button>
      <p className="pg-muted dash-hint">{t('dashIdentityHint')}</p>
    </fieldset>
  );
}
