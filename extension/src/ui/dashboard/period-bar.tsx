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

/** A filter of the bar; each view shows those it reads. */
export type FilterField = keyof Filters;

const presetKey: Record<PeriodPreset, MessageKey> = {
  week: 'dashThisWeek',
  month: 'dashThisMonth',
  quarter: 'dashThisQuarter',
  last90: 'dashLast90',
  custom: 'dashCustom',
};

type Props = {
  t: T;
  period: PeriodChoice;
  onPeriod(p: PeriodChoice): void;
  customError: boolean;
  filters: Filters;
  onFilters(f: Filters): void;
  users: OrgUser[];
  stakeholders: Stakeholder[];
  /** The filters the view reads (the person filter is managers'). */
  fields: FilterField[];
  onRefresh(): void;
};

/** The period picker and the filters the views share (each shows those it reads). */
export function PeriodBar(props: Props) {
  const { t } = props;
  return (
    <form className="dash-bar" aria-label={t('dashPeriodAndFilters')} onSubmit={(e) => e.preventDefault()}>
      <PeriodFields t={t} period={props.period} onPeriod={props.onPeriod} customError={props.customError} />
      <FilterFields {...props} />
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

/** A preset period, or a custom one from a first to a last day (said so when those days make no period). */
function PeriodFields({ t, period, onPeriod, customError }: Pick<Props, 't' | 'period' | 'onPeriod' | 'customError'>) {
  return (
    <>
      <div className="pg-field">
        <label htmlFor="dash-period">{t('dashPeriod')}</label>
        <select
          id="dash-period"
          value={period.preset}
          onChange={(e) => onPeriod({ ...period, preset: e.target.value as PeriodPreset })}
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
              onChange={(e) => onPeriod({ ...period, first: e.target.value })}
            />
          </div>
          <div className="pg-field">
            <label htmlFor="dash-to">{t('dashToDate')}</label>
            <input
              id="dash-to"
              type="date"
              value={period.last}
              onChange={(e) => onPeriod({ ...period, last: e.target.value })}
            />
          </div>
          {customError && (
            <p role="alert" className="pg-error dash-bar-note">
              {t('dashCustomInvalid')}
            </p>
          )}
        </>
      )}
    </>
  );
}

/** Type, tier, channel, person (managers) and stakeholder, those of `fields`; each "All" by default. */
function FilterFields({ t, filters, onFilters, users, stakeholders, fields }: Props) {
  const tiers = [...new Set(stakeholders.map((s) => s.tier))].sort();
  const all: Record<FilterField, { id: string; label: string; options: { value: string; text: string }[] }> = {
    type: {
      id: 'dash-f-type',
      label: t('dashColType'),
      options: stakeholderTypes.map((x) => ({ value: x, text: t(stakeholderTypeKey[x]) })),
    },
    tier: { id: 'dash-f-tier', label: t('dashColTier'), options: tiers.map((x) => ({ value: x, text: x })) },
    channel: {
      id: 'dash-f-channel',
      label: t('dashColChannel'),
      options: channels.map((x) => ({ value: x, text: t(channelKey[x]) })),
    },
    userId: {
      id: 'dash-f-person',
      label: t('dashColPerson'),
      options: users.map((u) => ({ value: u.id, text: u.name })),
    },
    stakeholderId: {
      id: 'dash-f-stakeholder',
      label: t('dashColStakeholder'),
      options: stakeholders.map((s) => ({ value: s.id, text: s.name })),
    },
  };
  // The select's value is one of its options, so the field's own type is kept.
  const set = (k: FilterField, v: string) => onFilters({ ...filters, [k]: v } as Filters);
  return fields.map((k) => <FilterSelect key={k} t={t} {...all[k]} value={filters[k]} onChange={(v) => set(k, v)} />);
}

function FilterSelect(props: {
  t: T;
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  options: { value: string; text: string }[];
}) {
  return (
    <div className="pg-field">
      <label htmlFor={props.id}>{props.label}</label>
      <select id={props.id} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        <option value="">{props.t('dashAll')}</option>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.text}
          </option>
        ))}
      </select>
    </div>
  );
}
