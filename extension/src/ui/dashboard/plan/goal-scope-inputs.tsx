import type { Goal } from '@comms-log/shared';
import { useDashboard } from '../dashboard-context';
import { purposeText } from '../purpose-label';
import { ChannelSelect, TierInput, TypeSelect } from './plan-inputs';
import type { PlanDraft } from './use-plan-draft';

const surveyMetrics: readonly Goal['metric'][] = ['csat_mean', 'satisfaction_rate', 'nps', 'score100_mean'];
const mediaMetrics: readonly Goal['metric'][] = [
  'positive_coverage_share',
  'negative_clarified_rate',
  'coverage_items',
];

/** Survey responses have a dimension and no purpose; media reports neither (docs/metrics.md "Goals"). */
export const scopeApplies = (metric: Goal['metric']) => ({
  purpose: !surveyMetrics.includes(metric) && !mediaMetrics.includes(metric),
  dimension: surveyMetrics.includes(metric),
});

/**
 * A goal's purpose, from the plan's purposes (a retired one only when the goal already reads it), or any purpose:
 * for the complaint resolution rate, "any" reads complaints.
 */
export function PurposeSelect(props: {
  label: string;
  goal: Goal;
  draft: PlanDraft;
  onChange(v: string | null): void;
}) {
  const { t, lang } = useDashboard();
  const { goal: g } = props;
  const offered = props.draft.plan.purposes.filter((p) => !p.retired || p.id === g.scope.purpose);
  return (
    <select
      aria-label={props.label}
      value={g.scope.purpose ?? ''}
      disabled={!scopeApplies(g.metric).purpose}
      onChange={(e) => props.onChange(e.target.value || null)}
    >
      <option value="">
        {g.metric === 'complaint_resolution_rate' ? t('dashEvalComplaintDefault') : t('dashEvalAnyPurpose')}
      </option>
      {offered.map((p) => (
        <option key={p.id} value={p.id}>
          {p.retired ? t('dashEvalRetired', purposeText(p, lang)) : purposeText(p, lang)}
        </option>
      ))}
    </select>
  );
}

/** A survey goal's dimension (e.g. usability); blank is every dimension. */
export function DimensionInput(props: { label: string; goal: Goal; onChange(v: string | null): void }) {
  const { t } = useDashboard();
  return (
    <input
      type="text"
      aria-label={props.label}
      placeholder={t('dashEvalAnyDimension')}
      maxLength={60}
      value={props.goal.scope.dimension ?? ''}
      disabled={!scopeApplies(props.goal.metric).dimension}
      onChange={(e) => props.onChange(e.target.value.trim() ? e.target.value : null)}
    />
  );
}

/** A goal's scope, a cell each: stakeholder type, channel, tier, purpose and survey dimension (`name` names the goal). */
export function GoalScopeCells({
  goal: g,
  name,
  draft,
  onScope,
}: {
  goal: Goal;
  name: string;
  draft: PlanDraft;
  onScope(change: Partial<Goal['scope']>): void;
}) {
  const { t } = useDashboard();
  return (
    <>
      <td>
        <TypeSelect
          label={t('dashGoalTypeAria', name)}
          value={g.scope.stakeholderType}
          any
          onChange={(v) => onScope({ stakeholderType: v })}
        />
      </td>
      <td>
        <ChannelSelect
          label={t('dashGoalChannelAria', name)}
          value={g.scope.channel}
          onChange={(v) => onScope({ channel: v })}
        />
      </td>
      <td>
        <TierInput label={t('dashGoalTierAria', name)} value={g.scope.tier} onChange={(v) => onScope({ tier: v })} />
      </td>
      <td>
        <PurposeSelect
          label={t('dashEvalGoalPurposeAria', name)}
          goal={g}
          draft={draft}
          onChange={(v) => onScope({ purpose: v })}
        />
      </td>
      <td>
        <DimensionInput
          label={t('dashEvalGoalDimensionAria', name)}
          goal={g}
          onChange={(v) => onScope({ dimension: v })}
        />
      </td>
    </>
  );
}
