import type { Plan } from '@comms-log/shared';
import { reportFormat } from '../../../lib/report/tables';
import { useDashboard } from '../dashboard-context';
import { ChannelSelect, NumberInput, RemoveRuleButton, RulesFieldset, TypeSelect } from './plan-inputs';
import type { PlanDraft, RuleOf } from './use-plan-draft';

type Unit = Plan['sla'][number]['limit']['unit'];
const units: Unit[] = ['working_hours', 'working_days', 'minutes', 'hours'];

const newSla: RuleOf<'sla'> = {
  stakeholderType: 'customer',
  channel: null,
  limit: { value: 4, unit: 'working_hours' },
};

/** The response-time SLAs: a limit per stakeholder type and (optionally) channel. */
export function SlaFieldset({ draft }: { draft: PlanDraft }) {
  const { t } = useDashboard();
  return (
    <RulesFieldset
      legend={t('dashSlaTitle')}
      hint={t('dashSlaHint')}
      columns={[t('dashColType'), t('dashColChannel'), t('dashLimit'), t('dashUnit')]}
      addLabel={t('dashAddSla')}
      onAdd={() => draft.addRule('sla', newSla)}
    >
      {draft.plan.sla.map((rule, i) => (
        <SlaRow key={draft.keys.sla[i]} rule={rule} index={i} draft={draft} />
      ))}
    </RulesFieldset>
  );
}

function SlaRow({ rule, index, draft }: { rule: RuleOf<'sla'>; index: number; draft: PlanDraft }) {
  const { t, lang } = useDashboard();
  const f = reportFormat(lang);
  const name = `${f.type(rule.stakeholderType)} · ${rule.channel ? f.channel(rule.channel) : t('dashAnyChannel')}`;
  const update = (change: (r: RuleOf<'sla'>) => RuleOf<'sla'>) => draft.updateRule('sla', index, change);
  return (
    <tr>
      <td>
        <TypeSelect
          label={t('dashSlaTypeAria', index + 1)}
          value={rule.stakeholderType}
          onChange={(v) => update((r) => ({ ...r, stakeholderType: v }))}
        />
      </td>
      <td>
        <ChannelSelect
          label={t('dashSlaChannelAria', index + 1)}
          value={rule.channel}
          onChange={(v) => update((r) => ({ ...r, channel: v }))}
        />
      </td>
      <td>
        <NumberInput
          label={t('dashSlaValueAria', name)}
          step="any"
          value={rule.limit.value}
          onChange={(v) => update((r) => ({ ...r, limit: { ...r.limit, value: v } }))}
        />
      </td>
      <td>
        <select
          aria-label={t('dashSlaUnitAria', name)}
          value={rule.limit.unit}
          onChange={(e) => update((r) => ({ ...r, limit: { ...r.limit, unit: e.target.value as Unit } }))}
        >
          {units.map((u) => (
            <option key={u} value={u}>
              {f.sla({ value: 1, unit: u }).replace(/^1 /, '')}
            </option>
          ))}
        </select>
      </td>
      <td>
        <RemoveRuleButton name={name} onRemove={() => draft.removeRule('sla', index)} />
      </td>
    </tr>
  );
}
