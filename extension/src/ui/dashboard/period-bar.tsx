import { channels, stakeholderTypes, type Channel, type StakeholderType } from '@comms-log/shared';
import { periodPresets, type PeriodPreset } from '../../lib/report/period';
import { channelKey, stakeholderTypeKey } from '../../lib/label-keys';
import type { MessageKey } from '../../lib/i18n';
import type { Stakeholder } from '@comms-log/shared';
import type { OrgUser } from './dashboard-context';
import type { T } from '../use-t';

export interface PeriodChoice {
  preset: PeriodPreset;
  /** Custom period, both days included (YYYY-MM-DD). */
  first: string;
  last: string;
}

export interface Filters {
  type: StakeholderType | '';
  tier: string;
  channel: Channel | '';
  userId: string;
  stakeholderId: string;
}

export const noFilters: Filters = { type: '', tier: '', channel: '', userId: '', stakeholderId: '' };

const presetKey: Record<PeriodPreset, MessageKey> = {
  week: 'dashThisWeek',
  month: 'dashThisMonth',
  quarter: 'dashThisQuarter',
  last90: 'dashLast90',
  custom: 'dashCustom',
};

/** The period picker and the filters every view of the overview and the report shares. */
export function PeriodBar(props: {
  t: T;
  period: PeriodChoice;
  onPeriod(p: PeriodChoice): void;
  customError: boolean;
  filters: Filters;
  onFilters(f: Filters): void;
  users: OrgUser[];
  stakeholders: Stakeholder[];
  showPerson: boolean;
  onRefresh(): void;
}) {
  const { t, period, filters } = props;
  const tiers = [...new Set(props.stakeholders.map((s) => s.tier))].sort();
  const set = <K extends keyof Filters>(k: K, v: Filters[K]) => props.onFilters({ ...filters, [k]: v });
  return (
    <form className="dash-bar" aria-label={t('dashPeriodAndFilters')} onSubmit={(e) => e.preventDefault()}>
      <div className="pg-field">
        <label htmlFor="dash-period">{t('dashPeriod')}</label>
        <select
          id="dash-period"
          value={period.preset}
          onChange={(e) => props.onPeriod({ ...period, preset: e.target.value as PeriodPreset })}
        >
          {periodPresets.map((p) => (
            <option key={p} value={p}>
              {t(presetKey[p])}
            </option>
          ))}
        </select>
      </div>
      {period.preset === 'custom' && (
        <>
          <div className="pg-field">
            <label htmlFor="dash-from">{t('dashFromDate')}</label>
            <input
              id="dash-from"
              type="date"
              value={period.first}
              onChange={(e) => props.onPeriod({ ...period, first: e.target.value })}
            />
          </div>
          <div className="pg-field">
            <label htmlFor="dash-to">{t('dashToDate')}</label>
            <input
              id="dash-to"
              type="date"
              value={period.last}
              onChange={(e) => props.onPeriod({ ...period, last: e.target.value })}
            />
          </div>
          {props.customError && (
            <p role="alert" className="pg-error dash-bar-note">
              {t('dashCustomInvalid')}
            </p>
          )}
        </>
      )}
      <div className="pg-field">
        <label htmlFor="dash-f-type">{t('dashColType')}</label>
        <select
          id="dash-f-type"
          value={filters.type}
          onChange={(e) => set('type', e.target.value as StakeholderType | '')}
        >
          <option value="">{t('dashAll')}</option>
          {stakeholderTypes.map((x) => (
            <option key={x} value={x}>
              {t(stakeholderTypeKey[x])}
            </option>
          ))}
        </select>
      </div>
      <div className="pg-field">
        <label htmlFor="dash-f-tier">{t('dashColTier')}</label>
        <select id="dash-f-tier" value={filters.tier} onChange={(e) => set('tier', e.target.value)}>
          <option value="">{t('dashAll')}</option>
          {tiers.map((x) => (
            <option key={x} value={x}>
              {x}
            </option>
          ))}
        </select>
      </div>
      <div className="pg-field">
        <label htmlFor="dash-f-channel">{t('dashColChannel')}</label>
        <select
          id="dash-f-channel"
          value={filters.channel}
          onChange={(e) => set('channel', e.target.value as Channel | '')}
        >
          <option value="">{t('dashAll')}</option>
          {channels.map((x) => (
            <option key={x} value={x}>
              {t(channelKey[x])}
            </option>
          ))}
        </select>
      </div>
      {props.showPerson && (
        <div className="pg-field">
          <label htmlFor="dash-f-person">{t('dashColPerson')}</label>
          <select id="dash-f-person" value={filters.userId} onChange={(e) => set('userId', e.target.value)}>
            <option value="">{t('dashAll')}</option>
            {props.users.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="pg-field">
        <label htmlFor="dash-f-stakeholder">{t('dashColStakeholder')}</label>
        <select
          id="dash-f-stakeholder"
          value={filters.stakeholderId}
          onChange={(e) => set('stakeholderId', e.target.value)}
        >
          <option value="">{t('dashAll')}</option>
          {props.stakeholders.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </div>
      <div className="dash-bar-actions">
        <button type="button" className="pg-button" onClick={() => props.onFilters(noFilters)}>
          {t('dashClearFilters')}
        </button>
        <button type="button" className="pg-button" onClick={props.onRefresh}>
          {t('dashRefresh')}
        </button>
      </div>
    </form>
  );
}
