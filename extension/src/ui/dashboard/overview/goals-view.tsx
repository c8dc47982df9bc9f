import { goalTone } from '../../../lib/report/goals';
import { reportFormat } from '../../../lib/report/tables';
import { useDashboard } from '../dashboard-context';
import { FigureButton } from '../figure-button';
import { StatusLine } from '../status-line';
import { useApiQuery } from '../use-api-query';

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
                      {f.comparator(g.comparator)} {f.goalValue(g, g.periodTarget)}
                    </td>
                    <td className={`dash-tone-${tone}`}>{f.goalValue(g, g.actual)}</td>
                    <td className="dash-num">
                      {g.drill?.kind === 'interactions' ? (
                        <FigureButton
                          value={g.count}
                          label={t('dashGoalBasis', g.count, g.label)}
                          spec={{ title: g.label, input: g.drill.filter }}
                        />
                      ) : (
                        g.count
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
