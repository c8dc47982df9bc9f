import { useState } from 'react';
import type { Stakeholder, StakeholderType } from '@comms-log/shared';
import { reportFormat } from '../../../lib/report/tables';
import { identityKindKey } from '../../labels';
import { useDashboard } from '../dashboard-context';
import { useApiQuery } from '../use-api-query';
import { StakeholderTypeOptions } from '../select-options';

export const PAGE = 50;

interface ListFilter {
  search: string;
  type: StakeholderType | '';
  showInactive: boolean;
}

/** One page of the directory as searched and filtered; a new search or filter starts from the first page. */
export function useStakeholderList(version: number) {
  const [filter, setFilter] = useState<ListFilter>({ search: '', type: '', showInactive: false });
  const [offset, setOffset] = useState(0);
  const { search, type, showInactive } = filter;
  const list = useApiQuery(JSON.stringify(['dir', search, type, showInactive, offset, version]), (c) =>
    c.directory.list.query({
      ...(search.trim() ? { search: search.trim() } : {}),
      ...(type ? { type: [type] } : {}),
      ...(showInactive ? {} : { active: true }),
      offset,
      limit: PAGE,
    }),
  );
  const choose = (change: Partial<ListFilter>) => {
    setFilter((f) => ({ ...f, ...change }));
    setOffset(0);
  };
  return { filter, choose, offset, setOffset, list };
}

/** Search by name, handle or organisation; filter by type; show inactive entries too. */
export function StakeholderSearch({
  filter,
  onChoose,
}: {
  filter: ListFilter;
  onChoose(c: Partial<ListFilter>): void;
}) {
  const { t } = useDashboard();
  return (
    <search>
      <form className="dash-bar" onSubmit={(e) => e.preventDefault()}>
        <div className="pg-field">
          <label htmlFor="dir-search">{t('dashSearchDirectory')}</label>
          <input
            id="dir-search"
            type="search"
            value={filter.search}
            onChange={(e) => onChoose({ search: e.target.value })}
          />
        </div>
        <div className="pg-field">
          <label htmlFor="dir-type-filter">{t('dashColType')}</label>
          <select
            id="dir-type-filter"
            value={filter.type}
            onChange={(e) => onChoose({ type: e.target.value as StakeholderType | '' })}
          >
            <option value="">{t('dashAll')}</option>
            <StakeholderTypeOptions />
          </select>
        </div>
        <label className="dash-inline">
          <input
            type="checkbox"
            checked={filter.showInactive}
            onChange={(e) => onChoose({ showInactive: e.target.checked })}
          />
          {t('dashShowInactive')}
        </label>
      </form>
    </search>
  );
}

/** The tiers the active directory uses, commonest first, with how many stakeholders each. */
export function TiersInUse({ stakeholders }: { stakeholders: Stakeholder[] }) {
  const { t } = useDashboard();
  const tiers = new Map<string, number>();
  for (const s of stakeholders) tiers.set(s.tier, (tiers.get(s.tier) ?? 0) + 1);
  if (tiers.size === 0) return null;
  return (
    <p className="pg-muted dash-hint">
      {t('dashTiersInUse')}{' '}
      {[...tiers]
        .sort((a, b) => b[1] - a[1])
        .map(([tier, n]) => `${tier} (${n})`)
        .join(' · ')}
    </p>
  );
}

export function StakeholderTable({ items, onEdit }: { items: Stakeholder[]; onEdit(s: Stakeholder): void }) {
  const { t } = useDashboard();
  return (
    <div className="dash-table-wrap">
      <table className="dash-table" aria-label={t('dashStakeholders')}>
        <thead>
          <tr>
            <th scope="col">{t('stakeholderName')}</th>
            <th scope="col">{t('dashColType')}</th>
            <th scope="col">{t('dashColTier')}</th>
            <th scope="col">{t('dashColOwner')}</th>
            <th scope="col">{t('dashIdentitiesShort')}</th>
            <th scope="col">{t('dashCadenceOverrideShort')}</th>
            <th scope="col" />
          </tr>
        </thead>
        <tbody>
          {items.map((s) => (
            <StakeholderRow key={s.id} stakeholder={s} onEdit={() => onEdit(s)} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function StakeholderRow({ stakeholder: s, onEdit }: { stakeholder: Stakeholder; onEdit(): void }) {
  const { t, lang, userName } = useDashboard();
  const f = reportFormat(lang);
  return (
    <tr className={s.active ? undefined : 'pg-muted'}>
      <th scope="row">
        {s.name}
        {s.organization ? <span className="pg-muted"> · {s.organization}</span> : null}
        {s.active ? null : <span className="pg-muted"> ({t('dashInactive')})</span>}
      </th>
      <td>{f.type(s.type)}</td>
      <td>{s.tier}</td>
      <td>{s.ownerUserId ? userName(s.ownerUserId) : <span className="pg-muted">{t('dashNoOwner')}</span>}</td>
      <td>
        {s.identities.slice(0, 3).map((i) => (
          <div key={i.id} title={t(identityKindKey[i.kind])}>
            {i.value}
          </div>
        ))}
        {s.identities.length > 3 && <span className="pg-muted">{t('dashAndMore', s.identities.length - 3)}</span>}
      </td>
      <td>{s.cadenceOverride ? t('dashCadenceDays', s.cadenceOverride.idealDays, s.cadenceOverride.maxDays) : ''}</td>
      <td>
        <button type="button" className="pg-link" aria-label={t('dashEditStakeholder', s.name)} onClick={onEdit}>
          {t('dashEdit')}
        </button>
      </td>
    </tr>
  );
}
