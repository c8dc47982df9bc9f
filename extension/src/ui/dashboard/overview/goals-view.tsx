import type { MetricsFilter, ReportGoal } from '@comms-log/shared';
import { goalTone } from '../../../lib/report/goals';
import { reportFormat } from '../../../lib/report/tables';
import { useDashboard, type DrillSpec } from '../dashboard-context';
import { FigureButton } from '../figure-button';
import { StatusLine } from '../status-line';
import { useApiQuery } from '../use-api-query';

/** The figure behind a goal: its scope within the page's filter; response goals list their waits, posts the outbound. */
function goalSpec(g: ReportGoal, filter: MetricsFilter, asOf: string): DrillSpec['input'] {
  const scoped: MetricsFilter = {
    ...filter,
    ...(g.scope.stakeholderType ? { stakeholderType: [g.scope.stakeholderType] } : {}),
    ...(g.scope.channel ? { channel: [g.scope.channel] } : {}),
    ...(g.scope.tier ? { tier: [g.scope.tier] } : {}),
  };
  if (g.metric === 'on_time_rate' || g.metric === 'mean_response_hours' || g.metric === 'median_response_hours')
    return { filter: scoped, waitsOnly: true, asOf };
  if (g.metric === 'outbound_posts') return { filter: { ...scoped, direction: 'outbound' } };
  return { filter: scoped };
}

/** Plan vs actual: every goal of the plan with its actual value for the period, green / amber / red. */
export function GoalsView() {
  const { t, lang, filter, asOf, dataVersion } = useDashboard();
  const f = reportFormat(lang);
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
      {q.data && (
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
              {q.data.goals.map((g) => {
                const tone = goalTone(g.status);
                return (
                  <tr key={g.id} data-goal={g.id} data-tone={tone}>
                    <th scope="row">{g.label}</th>
                    <td>
                      {g.comparator === '>=' ? '≥' : '≤'} {f.goalValue(g, g.periodTarget)}
                    </td>
                    <td className={`dash-tone-${tone}`}>{f.goalValue(g, g.actual)}</td>
                    <td className="dash-num">
                      {g.metric === 'coverage' ? (
                        g.count
                      ) : (
                        <FigureButton
                          value={g.count}
                          label={t('dashGoalBasis', g.count, g.label)}
                          spec={{ title: g.label, input: goalSpec(g, filter, asOf) }}
                        />
                      )}
                    </td>
                    <td>
                      <span className={`dash-chip dash-chip-${tone}`}>{f.goalStatus(g.status)}</span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
