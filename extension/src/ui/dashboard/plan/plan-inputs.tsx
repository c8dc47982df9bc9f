import type { ReactNode } from 'react';
import { channels, type Channel, type StakeholderType } from '@comms-log/shared';
import { reportFormat } from '../../../lib/report/tables';
import { useDashboard } from '../dashboard-context';
import { StakeholderTypeOptions } from '../select-options';

/** A stakeholder type; with `any`, also "any type" (null). */
export function TypeSelect<A extends boolean = false>(props: {
  label: string;
  value: A extends true ? StakeholderType | null : StakeholderType;
  any?: A;
  onChange(v: A extends true ? StakeholderType | null : StakeholderType): void;
}) {
  const { lang } = useDashboard();
  const f = reportFormat(lang);
  type V = A extends true ? StakeholderType | null : StakeholderType;
  return (
    <select
      aria-label={props.label}
      value={props.value ?? ''}
      onChange={(e) => props.onChange((e.target.value || null) as V)}
    >
      {props.any && <option value="">{f.t('dashAnyType')}</option>}
      <StakeholderTypeOptions />
    </select>
  );
}

/** A channel, or "any channel" (null). */
export function ChannelSelect(props: { label: string; value: Channel | null; onChange(v: Channel | null): void }) {
  const { lang } = useDashboard();
  const f = reportFormat(lang);
  return (
    <select
      aria-label={props.label}
      value={props.value ?? ''}
      onChange={(e) => props.onChange((e.target.value || null) as Channel | null)}
    >
      <option value="">{f.t('dashAnyChannel')}</option>
      {channels.map((x) => (
        <option key={x} value={x}>
          {f.channel(x)}
        </option>
      ))}
    </select>
  );
}

/** A number of at least `min` (0 unless given); an empty box is NaN, which the plan's validation then names. */
export function NumberInput(props: {
  label: string;
  value: number;
  step?: string;
  min?: number;
  onChange(v: number): void;
}) {
  return (
    <input
      type="number"
      min={props.min ?? 0}
      step={props.step ?? '1'}
      aria-label={props.label}
      value={Number.isFinite(props.value) ? props.value : ''}
      onChange={(e) => props.onChange(e.target.value === '' ? NaN : Number(e.target.value))}
    />
  );
}

/** A rule's "Remove" link, named after the rule. */
export function RemoveRuleButton({ name, onRemove }: { name: string; onRemove(): void }) {
  const { t } = useDashboard();
  return (
    <button type="button" className="pg-link" aria-label={t('dashRemoveRule', name)} onClick={onRemove}>
      {t('dashRemove')}
    </button>
  );
}

/** The text box of an optional tier: blank (or spaces) is any tier. */
export function TierInput(props: { label: string; value: string | null; onChange(v: string | null): void }) {
  const { t } = useDashboard();
  return (
    <input
      type="text"
      aria-label={props.label}
      placeholder={t('dashAnyTier')}
      value={props.value ?? ''}
      onChange={(e) => props.onChange(e.target.value.trim() ? e.target.value : null)}
    />
  );
}

/** A list of rules as a table, a row each (`children`), under its legend and hint, with its "Add" button. */
export function RulesFieldset(props: {
  legend: string;
  hint?: string;
  columns: string[];
  addLabel: string;
  onAdd(): void;
  children: ReactNode;
}) {
  return (
    <fieldset>
      <legend>{props.legend}</legend>
      {props.hint ? <p className="pg-muted dash-hint">{props.hint}</p> : null}
      <div className="dash-table-wrap">
        <table className="dash-table">
          <thead>
            <tr>
              {props.columns.map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
              <th />
            </tr>
          </thead>
          <tbody>{props.children}</tbody>
        </table>
      </div>
      <button type="button" className="pg-button" onClick={props.onAdd}>
        {props.addLabel}
      </button>
    </fieldset>
  );
}
