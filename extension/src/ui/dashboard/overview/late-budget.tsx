import type { Goal, MetricsFilter, ResponseStats } from '@comms-log/shared';
import { presetPeriod } from '../../../lib/report/period';
import { expectedMoreWaits, lateRepliesLeft } from '../../../lib/report/goals';
import { useDashboard } from '../dashboard-context';
import { StatusLine } from '../status-line';
import { useApiQuery } from '../use-api-query';

/** A goal's scope as a filter over `period`. */
function goalFilter(g: Goal, period: { from: string; to: string }): MetricsFilter {
  return {
    ...period,
    ...(g.scope.stakeholderType ? { stakeholderType: [g.scope.stakeholderType] } : {}),
    ...(g.scope.channel ? { channel: [g.scope.channel] } : {}),
    ...(g.scope.tier ? { tier: [g.scope.tier] } : {}),
  };
}

/**
 * "Late replies left this month" for each on-time goal of the plan: this month's waits in the goal's scope (the
 * page's filters do not apply: the goal is the org's), plus the waits expected at this month's pace.
 */
export function LateBudget() {
  const { t, plan, zone, asOf, dataVersion } = useDashboard();
  const goals = plan.plan.goals.filter((g) => g.metric === 'on_time_rate');
  const month = presetPeriod('month', new Date(asOf), zone);
  const q = useApiQuery(goals.length ? JSON.stringify(['budget', month, goals, asOf, dataVersion]) : null, (c) =>
    Promise.all(
      goals.map((g) => c.metrics.responseTimes.query({ filter: goalFilter(g, month), basis: 'working', asOf })),
    ),
  );
  if (!goals.length) return null;
  return (
    <div className="dash-budget" data-testid="late-budget">
      <h3>{t('dashLateLeftTitle')}</h3>
      <StatusLine t={t} loading={q.loading && !q.data} error={q.error} what={t('dashLateLeftTitle')} />
      {q.data && (
        <ul className="pg-list dash-budget-list">
          {goals.map((g, i) => (
            <BudgetLine key={g.id} goal={g} stats={q.data![i]!.total} month={month} />
          ))}
        </ul>
      )}
    </div>
  );
}

function BudgetLine({
  goal: g,
  stats: s,
  month,
}: {
  goal: Goal;
  stats: ResponseStats;
  month: { from: string; to: string };
}) {
  const { t, asOf, lang } = useDashboard();
  const more = expectedMoreWaits(s.waits - s.closed, Date.parse(month.from), Date.parse(month.to), Date.parse(asOf));
  const b = lateRepliesLeft(s, g.target, more);
  const label = lang === 'zh_CN' ? g.label.zh || g.label.en : g.label.en || g.label.zh;
  return (
    <li className={b.left > 0 ? '' : 'dash-tone-red'}>
      <span>
        <strong>{label}</strong>
        <br />
        <span className="pg-muted">
          {t('dashLateLeftBasis', s.late, s.onTime + s.late + s.pending, more, b.allowed)}
        </span>
      </span>
      {/* Screen readers hear which goal the figure is for (a strong element cannot carry a label). */}
      <strong className="dash-budget-left">
        <span aria-hidden="true">{b.left >= 0 ? t('dashLateLeft', b.left) : t('dashLateOver', -b.left)}</span>
        <span className="pg-visually-hidden">{t('dashLateLeftAria', label, Math.max(0, b.left))}</span>
      </strong>
    </li>
  );
}
