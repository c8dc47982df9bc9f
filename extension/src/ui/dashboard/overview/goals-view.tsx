import type { ReportGoal } from '@comms-log/shared';
import { goalTone } from '../../../lib/report/goals';
import { reportFormat } from '../../../lib/report/tables';
import { useDashboard, type AnyDrill } from '../dashboard-context';
import { FigureButton } from '../figure-button';
import { GoalStreak } from './goal-streak';
import { StatusLine } from '../status-line';
import { useApiQuery } from '../use-api-query';

/**
 * Plan vs actual: every goal of the plan with its actual value for the period, green / amber / red; the n behind each
 * figure opens the records it counts.
 */
export function GoalsView() {
  const { t, lang, filter, asOf, dataVersion } = useDashboard();
  const language = lang === 'zh_CN' ? 'zh-CN' : 'en';
  const q = useApiQuery(JSON.stringify(['goals', filter, asOf, language, dataVersion]), (c) =>
    c.reports.goals.query({ filter, language, asOf }),
  );
  return (
    <section
      className="pg-card dash-section"
      aria-labelledby="dash-goals-h"
      data-state={q.data && !q.loading ? 'ready' : 'loading'}
    >
      <h2 id="dash-goals-h">{t('dashPlanVsActual')}</h2>
      <StatusLine t={t} loading={q.loading && !q.data} error={q.error} what={t('dashPlanVsActual')} />
      {q.data && <GoalsTable goals={q.data.goals} />}
    </section>
  );
}

/** The goals with their target, actual, the n behind the actual (opening its records) and status. */
export function GoalsTable({ goals }: { goals: ReportGoal[] }) {
  const { t, lang } = useDashboard();
  const f = reportFormat(lang);
  return (
    <div className="dash-table-wrap">
      <table className="dash-table" aria-label={t('dashPlanVsActual')}>
        <thead>
          <tr>
            <th scope="col">{t('dashColGoal')}</th>
            <th scope="col">{t('dashColTarget')}</th>
            <th scope="col">{t('dashColActual')}</th>
            <th scope="col" className="dash-num">
              {t('dashColBasedOn')}
            </th>
            <th scope="col">{t('dashColStatus')}</th>
          </tr>
        </thead>
        <tbody>
          {goals.map((g) => {
            const tone = goalTone(g.status);
            return (
              <tr key={g.id} data-goal={g.id} data-tone={tone}>
                <th scope="row">{g.label}</th>
                <td>
                  {f.comparator(g.comparator)} {f.goalValue(g, g.periodTarget)}
                </td>
                <td className={`dash-tone-${tone}`}>{f.goalValue(g, g.actual)}</td>
                <td className="dash-num">
                  <GoalBasis goal={g} />
                </td>
                <td>
                  <span className={`dash-chip dash-chip-${tone}`}>{f.goalStatus(g.status)}</span>
                  {g.streak && <GoalStreak goal={g} streak={g.streak} />}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** Where a goal's figure drills to: its interactions, or the conversations, responses or reports it counts. */
function drillOf(g: ReportGoal): AnyDrill | null {
  if (!g.drill) return null;
  if (g.drill.kind === 'interactions') return { title: g.label, input: g.drill.filter };
  return { title: g.label, records: g.drill };
}

/** The n behind a goal's figure, opening the records it counts (cadence coverage has no such list). */
function GoalBasis({ goal: g }: { goal: ReportGoal }) {
  const { t } = useDashboard();
  const spec = drillOf(g);
  if (!spec) return <>{g.count}</>;
  return <FigureButton value={g.count} label={t('dashGoalBasis', g.count, g.label)} spec={spec} />;
}
