import { useState } from 'react';
import {
  resolveSla,
  responseBuckets,
  type MetricsFilter,
  type ResponseBucket,
  type ResponseStats,
  type StakeholderType,
  type Channel,
} from '@comms-log/shared';
import type { MessageKey } from '../../lib/i18n';
import { presetPeriod } from '../../lib/report/period';
import { expectedMoreWaits, lateRepliesLeft, rateTone } from '../../lib/report/goals';
import { reportFormat } from '../../lib/report/tables';
import { useDashboard, type DrillSpec } from './dashboard-context';
import { FigureButton } from './figure-button';
import { useCharts } from './lazy-charts';
import { StatusLine } from './status-line';
import { useApiQuery } from './use-api-query';

const bucketKey: Record<ResponseBucket, MessageKey> = {
  lt1h: 'dashBucketLt1h',
  '1to4h': 'dashBucket1to4h',
  '4to24h': 'dashBucket4to24h',
  '24to72h': 'dashBucket24to72h',
  gt72h: 'dashBucketGt72h',
};

type Basis = 'working' | 'calendar';

/** The on-time target to colour rates against: the plan's on-time goal for the type, else the strictest one. */
function onTimeTarget(
  goals: { metric: string; target: number; scope: { stakeholderType: StakeholderType | null } }[],
  type?: StakeholderType,
): number {
  const rates = goals.filter((g) => g.metric === 'on_time_rate');
  return rates.find((g) => g.scope.stakeholderType === type)?.target ?? Math.max(0.9, ...rates.map((g) => g.target));
}

/** Response figures: distribution, on-time rate against the plan's SLAs, late and pending, working or calendar time. */
export function ResponseView() {
  const { t, lang, filter, asOf, dataVersion, plan } = useDashboard();
  const f = reportFormat(lang);
  const charts = useCharts();
  const [basis, setBasis] = useState<Basis>('working');
  const q = useApiQuery(JSON.stringify(['response', filter, basis, asOf, dataVersion]), (c) =>
    c.metrics.responseTimes.query({ filter, groupBy: ['stakeholderType', 'channel'], basis, asOf }),
  );
  const total = q.data?.total;
  const goals = plan.plan.goals;
  const waitSpec = (
    title: string,
    key: DrillSpec['input']['key'],
    status?: 'late' | 'pending' | 'on_time',
  ): DrillSpec => ({
    title,
    input: { filter, ...(key ? { key } : {}), waitsOnly: true, ...(status ? { onTime: status } : {}), asOf },
  });
  const histogram = total ? responseBuckets.map((b) => ({ name: t(bucketKey[b]), count: total.buckets[b] })) : [];
  const hoursLabel = basis === 'working' ? t('dashWorkingHoursShort') : t('dashCalendarHoursShort');

  return (
    <section
      className="pg-card dash-section"
      aria-labelledby="dash-response-h"
      data-state={q.data && !q.loading ? 'ready' : 'loading'}
    >
      <div className="dash-h3-row">
        <h2 id="dash-response-h">{t('dashResponse')}</h2>
        <div role="radiogroup" aria-label={t('dashBasis')} className="dash-toggle">
          {(['working', 'calendar'] as const).map((b) => (
            <label key={b}>
              <input type="radio" name="dash-basis" value={b} checked={basis === b} onChange={() => setBasis(b)} />
              {b === 'working' ? t('dashWorkingTime') : t('dashCalendarTime')}
            </label>
          ))}
        </div>
      </div>
      <StatusLine t={t} loading={q.loading && !q.data} error={q.error} what={t('dashResponse')} />
      {total && q.data && (
        <>
          <div className="dash-cards">
            <Card label={t('dashColWaits')}>
              <FigureButton
                value={total.waits}
                className="dash-big"
                label={t('dashFigureWaits', total.waits, t('dashAllOfPeriod'))}
                spec={waitSpec(t('dashColWaits'), undefined)}
              />
            </Card>
            <Card label={`${t('dashMedian')} (${hoursLabel})`}>
              <span className="dash-big">{f.hours(total.medianMs)}</span>
            </Card>
            <Card label={`P90 (${hoursLabel})`}>
              <span className="dash-big">{f.hours(total.p90Ms)}</span>
            </Card>
            <Card label={`${t('dashMean')} (${hoursLabel})`}>
              <span className="dash-big">{f.hours(total.meanMs)}</span>
            </Card>
            <Card label={t('dashOnTimeRate')}>
              <FigureButton
                value={f.pct(total.onTimeRate)}
                testId="dash-ontime-rate"
                className={`dash-big dash-tone-${rateTone(total.onTimeRate, onTimeTarget(goals))}`}
                label={t('dashFigureOnTimeRate', f.pct(total.onTimeRate), total.onTime, total.onTime + total.late)}
                spec={waitSpec(t('dashOnTime'), undefined, 'on_time')}
              />
            </Card>
            <Card label={t('dashLate')}>
              <FigureButton
                value={total.late}
                className="dash-big"
                testId="dash-late"
                label={t('dashFigureLate', total.late)}
                spec={waitSpec(t('dashLate'), undefined, 'late')}
              />
            </Card>
            <Card label={t('dashPending')}>
              <FigureButton
                value={total.pending}
                className="dash-big"
                label={t('dashFigurePending', total.pending)}
                spec={waitSpec(t('dashPending'), undefined, 'pending')}
              />
            </Card>
          </div>
          <p className="pg-muted dash-hint">{t('dashResponseHint', total.answered, total.closed)}</p>

          <div className="dash-split">
            <div>
              <h3>{t('dashHistogram')}</h3>
              <div
                className="dash-chart"
                role="img"
                aria-label={t('dashChartHistogram', histogram.map((h) => `${h.name}: ${h.count}`).join(', '))}
              >
                {charts ? (
                  <charts.SimpleBarChart
                    data={histogram}
                    category="name"
                    value="count"
                    name={t('dashColAnswered')}
                    height={220}
                  />
                ) : (
                  <div style={{ height: 220 }} />
                )}
              </div>
            </div>
            <LateBudget />
          </div>

          <h3>{t('dashByTypeChannel')}</h3>
          <div className="dash-table-wrap">
            <table className="dash-table" aria-label={t('dashByTypeChannel')}>
              <thead>
                <tr>
                  <th scope="col">{t('dashColType')}</th>
                  <th scope="col">{t('dashColChannel')}</th>
                  <th scope="col">{t('dashColSla')}</th>
                  <th scope="col" className="dash-num">
                    {t('dashColWaits')}
                  </th>
                  <th scope="col" className="dash-num">{`${t('dashMedian')} (${hoursLabel})`}</th>
                  <th scope="col" className="dash-num">{`P90 (${hoursLabel})`}</th>
                  <th scope="col" className="dash-num">
                    {t('dashOnTimeRate')}
                  </th>
                  <th scope="col" className="dash-num">
                    {t('dashLate')}
                  </th>
                  <th scope="col" className="dash-num">
                    {t('dashPending')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {q.data.rows.map((r) => {
                  const ty = r.key.stakeholderType as StakeholderType;
                  const ch = r.key.channel as Channel;
                  const s: ResponseStats = r.stats;
                  const name = `${f.type(ty)} · ${f.channel(ch)}`;
                  const key = { stakeholderType: ty, channel: ch };
                  return (
                    <tr key={name}>
                      <th scope="row">{f.type(ty)}</th>
                      <td>{f.channel(ch)}</td>
                      <td>{f.sla(resolveSla(plan.plan, ty, ch))}</td>
                      <td className="dash-num">
                        <FigureButton
                          value={s.waits}
                          label={t('dashFigureWaits', s.waits, name)}
                          spec={waitSpec(name, key)}
                        />
                      </td>
                      <td className="dash-num">{f.hours(s.medianMs)}</td>
                      <td className="dash-num">{f.hours(s.p90Ms)}</td>
                      <td className={`dash-num dash-tone-${rateTone(s.onTimeRate, onTimeTarget(goals, ty))}`}>
                        {f.pct(s.onTimeRate)}
                      </td>
                      <td className="dash-num">
                        {s.late ? (
                          <FigureButton
                            value={s.late}
                            label={t('dashFigureLateOf', s.late, name)}
                            spec={waitSpec(`${t('dashLate')}: ${name}`, key, 'late')}
                          />
                        ) : (
                          0
                        )}
                      </td>
                      <td className="dash-num">
                        {s.pending ? (
                          <FigureButton
                            value={s.pending}
                            label={t('dashFigurePendingOf', s.pending, name)}
                            spec={waitSpec(`${t('dashPending')}: ${name}`, key, 'pending')}
                          />
                        ) : (
                          0
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

function Card({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="dash-card">
      <span className="dash-card-label">{label}</span>
      {children}
    </div>
  );
}

/**
 * "Late replies left this month" for each on-time goal of the plan: this month's waits in the goal's scope (the
 * page's filters do not apply: the goal is the org's), plus the waits expected at this month's pace.
 */
function LateBudget() {
  const { t, plan, zone, asOf, dataVersion, lang } = useDashboard();
  const goals = plan.plan.goals.filter((g) => g.metric === 'on_time_rate');
  const month = presetPeriod('month', new Date(asOf), zone);
  const q = useApiQuery(goals.length ? JSON.stringify(['budget', month, goals, asOf, dataVersion]) : null, (c) =>
    Promise.all(
      goals.map((g) => {
        const filter: MetricsFilter = {
          ...month,
          ...(g.scope.stakeholderType ? { stakeholderType: [g.scope.stakeholderType] } : {}),
          ...(g.scope.channel ? { channel: [g.scope.channel] } : {}),
          ...(g.scope.tier ? { tier: [g.scope.tier] } : {}),
        };
        return c.metrics.responseTimes.query({ filter, basis: 'working', asOf });
      }),
    ),
  );
  if (!goals.length) return null;
  return (
    <div className="dash-budget" data-testid="late-budget">
      <h3>{t('dashLateLeftTitle')}</h3>
      <StatusLine t={t} loading={q.loading && !q.data} error={q.error} what={t('dashLateLeftTitle')} />
      {q.data && (
        <ul className="pg-list dash-budget-list">
          {goals.map((g, i) => {
            const s = q.data![i]!.total;
            const more = expectedMoreWaits(
              s.waits - s.closed,
              Date.parse(month.from),
              Date.parse(month.to),
              Date.parse(asOf),
            );
            const b = lateRepliesLeft(s, g.target, more);
            const label = lang === 'zh_CN' ? g.label.zh || g.label.en : g.label.en || g.label.zh;
            return (
              <li key={g.id} className={b.left > 0 ? '' : 'dash-tone-red'}>
                <span>
                  <strong>{label}</strong>
                  <br />
                  <span className="pg-muted">
                    {t('dashLateLeftBasis', s.late, s.onTime + s.late + s.pending, more, b.allowed)}
                  </span>
                </span>
                <strong className="dash-budget-left" aria-label={t('dashLateLeftAria', label, Math.max(0, b.left))}>
                  {b.left >= 0 ? t('dashLateLeft', b.left) : t('dashLateOver', -b.left)}
                </strong>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
