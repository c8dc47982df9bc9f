import { useState } from 'react';
import { channels, stakeholderTypes, type Channel, type StakeholderType } from '@comms-log/shared';
import { reportFormat } from '../../lib/report/tables';
import { trendUnit } from '../../lib/report/period';
import { channelColor } from './chart-colors';
import { useDashboard } from './dashboard-context';
import { FigureButton } from './figure-button';
import { useCharts } from './lazy-charts';
import { StatusLine } from './status-line';
import { useApiQuery } from './use-api-query';

type Unit = 'day' | 'week' | 'month';

/** Totals: type × channel, inbound/outbound, by person, and the trend by day, week or month. */
export function TotalsView() {
  const { t, lang, filter, dataVersion, userName, drill } = useDashboard();
  const f = reportFormat(lang);
  const charts = useCharts();
  const [unitChoice, setUnit] = useState<Unit | 'auto'>('auto');
  const unit: Unit = unitChoice === 'auto' ? trendUnit(filter) : unitChoice;
  const q = useApiQuery(JSON.stringify(['totals', filter, unit, dataVersion]), (c) =>
    Promise.all([
      c.metrics.totals.query({ filter, groupBy: ['stakeholderType', 'channel'] }),
      c.metrics.totals.query({ filter, groupBy: ['direction'] }),
      c.metrics.totals.query({ filter, groupBy: ['user'] }),
      c.metrics.totals.query({ filter, groupBy: [unit] }),
    ]),
  );
  const [byTypeChannel, byDirection, byUser, trend] = q.data ?? [];
  const cell = new Map<string, number>();
  for (const r of byTypeChannel?.rows ?? []) cell.set(`${r.key.stakeholderType}|${r.key.channel}`, r.count);
  const typesShown = stakeholderTypes.filter((ty) => channels.some((ch) => cell.has(`${ty}|${ch}`)));
  const channelsShown = channels.filter((ch) => stakeholderTypes.some((ty) => cell.has(`${ty}|${ch}`)));
  const typeTotal = (ty: StakeholderType) => channelsShown.reduce((s, ch) => s + (cell.get(`${ty}|${ch}`) ?? 0), 0);
  const channelTotal = (ch: Channel) => typesShown.reduce((s, ty) => s + (cell.get(`${ty}|${ch}`) ?? 0), 0);
  const dir = new Map((byDirection?.rows ?? []).map((r) => [r.key.direction, r.count]));
  const total = byTypeChannel?.total ?? 0;
  const typeChart = typesShown.map((ty) => ({
    name: f.type(ty),
    type: ty,
    ...Object.fromEntries(channelsShown.map((ch) => [ch, cell.get(`${ty}|${ch}`) ?? 0])),
  }));
  const people = (byUser?.rows ?? [])
    .map((r) => ({ id: r.key.user ?? null, name: userName(r.key.user ?? null), count: r.count }))
    .sort((a, b) => b.count - a.count);
  const trendRows = (trend?.rows ?? []).map((r) => ({ key: r.key[unit] ?? '', count: r.count }));
  const interactionsOf = (n: number, what: string) => t('dashFigureInteractions', n, what);

  return (
    <section
      className="pg-card dash-section"
      aria-labelledby="dash-totals-h"
      data-state={q.data && !q.loading ? 'ready' : 'loading'}
    >
      <h2 id="dash-totals-h">{t('dashTotals')}</h2>
      <StatusLine t={t} loading={q.loading && !q.data} error={q.error} what={t('dashTotals')} />
      {q.data && (
        <>
          <div className="dash-cards">
            <div className="dash-card">
              <span className="dash-card-label">{t('dashTotalInteractions')}</span>
              <FigureButton
                value={total}
                testId="dash-total"
                className="dash-big"
                label={interactionsOf(total, t('dashAllOfPeriod'))}
                spec={{ title: t('dashTotalInteractions'), input: { filter } }}
              />
            </div>
            {(['inbound', 'outbound'] as const).map((d) => (
              <div className="dash-card" key={d}>
                <span className="dash-card-label">{d === 'inbound' ? t('dashInbound') : t('dashOutbound')}</span>
                <FigureButton
                  value={dir.get(d) ?? 0}
                  className="dash-big"
                  testId={`dash-total-${d}`}
                  label={interactionsOf(dir.get(d) ?? 0, d === 'inbound' ? t('dashInbound') : t('dashOutbound'))}
                  spec={{
                    title: d === 'inbound' ? t('dashInbound') : t('dashOutbound'),
                    input: { filter, key: { direction: d } },
                  }}
                />
              </div>
            ))}
          </div>

          <h3>{t('dashTblTypeChannel')}</h3>
          {typesShown.length === 0 ? (
            <p className="pg-muted">{t('dashNoRows')}</p>
          ) : (
            <div className="dash-split">
              <div className="dash-table-wrap">
                <table className="dash-table" aria-label={t('dashTblTypeChannel')}>
                  <thead>
                    <tr>
                      <th scope="col">{t('dashColType')}</th>
                      {channelsShown.map((ch) => (
                        <th scope="col" key={ch} className="dash-num">
                          {f.channel(ch)}
                        </th>
                      ))}
                      <th scope="col" className="dash-num">
                        {t('dashTotal')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {typesShown.map((ty) => (
                      <tr key={ty}>
                        <th scope="row">{f.type(ty)}</th>
                        {channelsShown.map((ch) => {
                          const n = cell.get(`${ty}|${ch}`) ?? 0;
                          return (
                            <td key={ch} className="dash-num">
                              {n === 0 ? (
                                <span className="pg-muted">0</span>
                              ) : (
                                <FigureButton
                                  value={n}
                                  label={interactionsOf(n, `${f.type(ty)}, ${f.channel(ch)}`)}
                                  spec={{
                                    title: `${f.type(ty)} · ${f.channel(ch)}`,
                                    input: { filter, key: { stakeholderType: ty, channel: ch } },
                                  }}
                                />
                              )}
                            </td>
                          );
                        })}
                        <td className="dash-num">
                          <FigureButton
                            value={typeTotal(ty)}
                            label={interactionsOf(typeTotal(ty), f.type(ty))}
                            spec={{ title: f.type(ty), input: { filter, key: { stakeholderType: ty } } }}
                          />
                        </td>
                      </tr>
                    ))}
                    <tr>
                      <th scope="row">{t('dashTotal')}</th>
                      {channelsShown.map((ch) => (
                        <td key={ch} className="dash-num">
                          <FigureButton
                            value={channelTotal(ch)}
                            label={interactionsOf(channelTotal(ch), f.channel(ch))}
                            spec={{ title: f.channel(ch), input: { filter, key: { channel: ch } } }}
                          />
                        </td>
                      ))}
                      <td className="dash-num">{total}</td>
                    </tr>
                  </tbody>
                </table>
              </div>
              <div className="dash-chart" role="img" aria-label={t('dashChartTypeChannel')}>
                {charts ? (
                  <charts.StackedBarChart
                    data={typeChart}
                    category="name"
                    series={channelsShown.map((ch) => ({ key: ch, name: f.channel(ch), color: channelColor[ch] }))}
                    height={240}
                  />
                ) : (
                  <div style={{ height: 240 }} />
                )}
              </div>
            </div>
          )}

          <div className="dash-split">
            <div>
              <h3>{t('dashByPerson')}</h3>
              <ul className="dash-bars" aria-label={t('dashByPerson')}>
                {people.map((p) => (
                  <li key={p.id ?? 'none'}>
                    <span className="dash-bars-name">{p.name}</span>
                    <span className="dash-bars-track" aria-hidden="true">
                      <span
                        className="dash-bars-fill"
                        style={{ width: `${people[0] ? (100 * p.count) / people[0].count : 0}%` }}
                      />
                    </span>
                    <FigureButton
                      value={p.count}
                      label={interactionsOf(p.count, p.name)}
                      spec={{ title: p.name, input: { filter, key: { user: p.id } } }}
                    />
                  </li>
                ))}
              </ul>
            </div>
            <div>
              <div className="dash-h3-row">
                <h3>{t('dashTrend')}</h3>
                <label className="dash-inline">
                  <span>{t('dashTrendBy')}</span>
                  <select
                    aria-label={t('dashTrendBy')}
                    value={unitChoice}
                    onChange={(e) => setUnit(e.target.value as Unit | 'auto')}
                  >
                    <option value="auto">{t('dashAuto')}</option>
                    <option value="day">{t('dashDay')}</option>
                    <option value="week">{t('dashWeek')}</option>
                    <option value="month">{t('dashMonth')}</option>
                  </select>
                </label>
              </div>
              <div className="dash-chart" role="img" aria-label={t('dashChartTrend')}>
                {charts ? (
                  <charts.SimpleBarChart
                    data={trendRows}
                    category="key"
                    categoryFontSize={11}
                    value="count"
                    name={t('dashColInteractions')}
                    height={220}
                    onBarClick={(index) => {
                      const row = trendRows[index];
                      if (row) drill({ title: row.key, input: { filter, key: { [unit]: row.key } } });
                    }}
                  />
                ) : (
                  <div style={{ height: 220 }} />
                )}
              </div>
              <p className="pg-muted dash-hint">{t('dashChartClickHint')}</p>
            </div>
          </div>
        </>
      )}
    </section>
  );
}
