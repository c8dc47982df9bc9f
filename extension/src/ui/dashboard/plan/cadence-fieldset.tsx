import { channels, type Channel } from '@comms-log/shared';
import { reportFormat } from '../../../lib/report/tables';
import { useDashboard } from '../dashboard-context';
import { NumberInput, RemoveRuleButton, RulesFieldset, TierInput, TypeSelect } from './plan-inputs';
import type { PlanDraft, RuleOf } from './use-plan-draft';

const newCadence: RuleOf<'cadence'> = {
  stakeholderType: 'customer',
  tier: null,
  idealDays: 21,
  maxDays: 30,
  channels: null,
};

/** The contact cadences: how often each type (and tier) of stakeholder should hear from us, on which channels. */
export function CadenceFieldset({ draft }: { draft: PlanDraft }) {
  const { t } = useDashboard();
  return (
    <RulesFieldset
      legend={t('dashCadenceTitle')}
      hint={t('dashCadenceEditHint')}
      columns={[t('dashColType'), t('dashColTier'), t('dashIdealDays'), t('dashMaxDays'), t('dashCountingChannels')]}
      addLabel={t('dashAddCadence')}
      onAdd={() => draft.addRule('cadence', newCadence)}
    >
      {draft.plan.cadence.map((rule, i) => (
        <CadenceRow key={draft.keys.cadence[i]} rule={rule} index={i} draft={draft} />
      ))}
    </RulesFieldset>
  );
}

function CadenceRow({ rule, index, draft }: { rule: RuleOf<'cadence'>; index: number; draft: PlanDraft }) {
  const { t, lang } = useDashboard();
  const f = reportFormat(lang);
  const name = `${f.type(rule.stakeholderType)} · ${rule.tier ?? t('dashAnyTier')}`;
  const update = (change: (r: RuleOf<'cadence'>) => RuleOf<'cadence'>) => draft.updateRule('cadence', index, change);
  return (
    <tr>
      <td>
        <TypeSelect
          label={t('dashCadenceTypeAria', index + 1)}
          value={rule.stakeholderType}
          onChange={(v) => update((r) => ({ ...r, stakeholderType: v }))}
        />
      </td>
      <td>
        <TierInput
          label={t('dashCadenceTierAria', index + 1)}
          value={rule.tier}
          onChange={(v) => update((r) => ({ ...r, tier: v }))}
        />
      </td>
      <td>
        <NumberInput
          label={t('dashIdealDaysAria', name)}
          value={rule.idealDays}
          onChange={(v) => update((r) => ({ ...r, idealDays: v }))}
        />
      </td>
      <td>
        <NumberInput
          label={t('dashMaxDaysAria', name)}
          value={rule.maxDays}
          onChange={(v) => update((r) => ({ ...r, maxDays: v }))}
        />
      </td>
      <td>
        <select
          multiple
          size={3}
          aria-label={t('dashCountingChannelsAria', name)}
          value={rule.channels ?? []}
          onChange={(e) => {
            const picked = [...e.target.selectedOptions].map((o) => o.value as Channel);
            update((r) => ({ ...r, channels: picked.length ? picked : null }));
          }}
        >
          {channels.map((ch) => (
            <option key={ch} value={ch}>
              {f.channel(ch)}
            </option>
          ))}
        </select>
      </td>
      <td>
        <RemoveRuleButton name={name} onRemove={() => draft.removeRule('cadence', index)} />
      </td>
    </tr>
  );
}
