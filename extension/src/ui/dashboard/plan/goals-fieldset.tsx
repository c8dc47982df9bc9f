import { goalMetricSchema, goalMetricUnits, type Goal } from '@comms-log/shared';
import type { MessageKey } from '../../../lib/i18n';
import type { T } from '../../use-t';
import { useDashboard } from '../dashboard-context';
import { GoalScopeCells } from './goal-scope-inputs';
import { NumberInput, RemoveRuleButton, RulesFieldset } from './plan-inputs';
import type { PlanDraft } from './use-plan-draft';

const metrics = goalMetricSchema.options;
const metricKey: Record<Goal['metric'], MessageKey> = {
  mean_response_hours: 'dashMetricMean',
  median_response_hours: 'dashMetricMedian',
  on_time_rate: 'dashMetricOnTime',
  coverage: 'dashMetricCoverage',
  outbound_posts: 'dashMetricPosts',
  meetings: 'dashMetricMeetings',
  complaint_resolution_rate: 'dashMetricComplaintResolution',
  first_contact_resolution_rate: 'dashMetricFirstContact',
  resolution_working_days: 'dashMetricResolutionDays',
  csat_mean: 'dashMetricCsatMean',
  satisfaction_rate: 'dashMetricSatisfaction',
  nps: 'dashMetricNps',
  score100_mean: 'dashMetricScore100',
  positive_coverage_share: 'dashMetricPositiveShare',
  negative_clarified_rate: 'dashMetricNegativeClarified',
  coverage_items: 'dashMetricCoverageItems',
  delivery_on_time_rate: 'dashMetricDeliveryOnTime',
  interaction_rate: 'dashMetricInteractionRate',
  attendance_rate: 'dashMetricAttendance',
  execution_rate: 'dashMetricExecution',
  cost_share: 'dashMetricCostShare',
};
/** Rates are stored as fractions and typed as percentages. */
const isRate = (m: Goal['metric']) => goalMetricUnits[m] === 'rate';

/** What a goal's target is in, after the box: %, hours, working days, NPS's range; nothing for scores and counts. */
function unitText(t: T, m: Goal['metric']): string {
  const unit = goalMetricUnits[m];
  if (unit === 'rate') return '%';
  if (unit === 'hours') return t('dashUnitHours');
  if (unit === 'working_days') return t('dashUnitWorkingDays');
  return m === 'nps' ? '(−100…100)' : '';
}

const newGoal = (): Goal => ({
  id: `goal-${Date.now().toString(36)}`,
  label: { en: '', zh: '' },
  metric: 'on_time_rate',
  scope: { stakeholderType: null, channel: null, tier: null, purpose: null, dimension: null },
  comparator: '>=',
  target: 0.95,
  period: 'month',
});

/** The goals that "plan vs actual" rates: a metric, its scope, a target and the period it is measured over. */
export function GoalsFieldset({ draft }: { draft: PlanDraft }) {
  const { t } = useDashboard();
  return (
    <RulesFieldset
      legend={t('dashGoalsTitle')}
      columns={[
        t('dashGoalLabelEn'),
        t('dashGoalLabelZh'),
        t('dashGoalMetric'),
        t('dashColType'),
        t('dashColChannel'),
        t('dashColTier'),
        t('dashEvalPurpose'),
        t('dashEvalDimension'),
        t('dashColTarget'),
        t('dashGoalPeriod'),
        t('dashActStreakColumn'),
      ]}
      addLabel={t('dashAddGoal')}
      onAdd={() => draft.addRule('goals', newGoal())}
    >
      {draft.plan.goals.map((goal, i) => (
        <GoalRow key={goal.id} goal={goal} index={i} draft={draft} />
      ))}
    </RulesFieldset>
  );
}

/** One goal: its labels, metric, scope (type, channel, tier, purpose, survey dimension), target and period. */
function GoalRow({ goal: g, index, draft }: { goal: Goal; index: number; draft: PlanDraft }) {
  const { t } = useDashboard();
  const name = g.label.en || g.label.zh || g.id;
  const update = (change: (goal: Goal) => Goal) => draft.updateRule('goals', index, change);
  const scope = (change: Partial<Goal['scope']>) => update((x) => ({ ...x, scope: { ...x.scope, ...change } }));
  return (
    <tr>
      <td>
        <input
          type="text"
          aria-label={t('dashGoalLabelEnAria', index + 1)}
          value={g.label.en}
          onChange={(e) => update((x) => ({ ...x, label: { ...x.label, en: e.target.value } }))}
        />
      </td>
      <td>
        <input
          type="text"
          aria-label={t('dashGoalLabelZhAria', index + 1)}
          value={g.label.zh}
          onChange={(e) => update((x) => ({ ...x, label: { ...x.label, zh: e.target.value } }))}
        />
      </td>
      <td>
        <select
          aria-label={t('dashGoalMetricAria', name)}
          value={g.metric}
          onChange={(e) => update((x) => ({ ...x, metric: e.target.value as Goal['metric'] }))}
        >
          {metrics.map((m) => (
            <option key={m} value={m}>
              {t(metricKey[m])}
            </option>
          ))}
        </select>
      </td>
      <GoalScopeCells goal={g} name={name} draft={draft} onScope={scope} />
      <td className="dash-nowrap">
        <GoalTarget goal={g} name={name} onChange={update} />
      </td>
      <td>
        <select
          aria-label={t('dashGoalPeriodAria', name)}
          value={g.period}
          onChange={(e) => update((x) => ({ ...x, period: e.target.value as Goal['period'] }))}
        >
          <option value="week">{t('dashWeek')}</option>
          <option value="month">{t('dashMonth')}</option>
          <option value="quarter">{t('dashQuarter')}</option>
        </select>
      </td>
      <td>
        <StreakInput goal={g} name={name} onChange={update} />
      </td>
      <td>
        <RemoveRuleButton name={name} onRemove={() => draft.removeRule('goals', index)} />
      </td>
    </tr>
  );
}

/** "≥ 95 %": the comparator, the target (a percentage for rates) and its unit. */
function GoalTarget({ goal: g, name, onChange }: { goal: Goal; name: string; onChange(c: (g: Goal) => Goal): void }) {
  const { t } = useDashboard();
  return (
    <>
      <select
        aria-label={t('dashGoalComparatorAria', name)}
        value={g.comparator}
        onChange={(e) => onChange((x) => ({ ...x, comparator: e.target.value as Goal['comparator'] }))}
      >
        <option value=">=">≥</option>
        <option value="<=">≤</option>
        <option value=">">&gt;</option>
        <option value="<">&lt;</option>
      </select>{' '}
      <NumberInput
        label={t('dashGoalTargetAria', name)}
        step="any"
        min={g.metric === 'nps' ? -100 : 0}
        value={isRate(g.metric) ? Math.round(g.target * 10000) / 100 : g.target}
        onChange={(v) => onChange((x) => ({ ...x, target: isRate(g.metric) ? v / 100 : v }))}
      />{' '}
      {unitText(t, g.metric)}
    </>
  );
}

/**
 * "For N periods in a row" (a streak goal, e.g. ≥ 95% for 3 consecutive quarters): empty is the report's period
 * alone. A value out of 1–24 is kept as typed so the plan's validation names it.
 */
function StreakInput({ goal: g, name, onChange }: { goal: Goal; name: string; onChange(c: (g: Goal) => Goal): void }) {
  const { t } = useDashboard();
  return (
    <input
      type="number"
      min={1}
      max={24}
      step={1}
      aria-label={t('dashActStreakAria', name)}
      value={g.consecutivePeriods ?? ''}
      onChange={(e) => {
        const typed = e.target.value.trim();
        onChange(({ consecutivePeriods: _, ...x }) => (typed === '' ? x : { ...x, consecutivePeriods: Number(typed) }));
      }}
    />
  );
}
