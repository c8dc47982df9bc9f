import { useState } from 'react';
import type { TotalsResult } from '@comms-log/shared';
import { trendUnit } from '../../../lib/report/period';
import { useDashboard } from '../dashboard-context';
import { FigureButton } from '../figure-button';
import { useCharts, type Charts } from '../lazy-charts';
import { StatusLine } from '../status-line';
import { useApiQuery } from '../use-api-query';
import { FigureCard } from './figure-card';
import { TypeChannelBlock } from './type-channel-table';

type Unit = 'day' | 'week' | 'month';

/** Totals: type × channel, inbound/outbound, by person, and the trend by day, week or month. */
export function TotalsView() {
  const { t, filter, dataVersion } = useDashboard();
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
          <TotalsCards total={q.data[0].total} byDirection={q.data[1]} />
          <TypeChannelBlock result={q.data[0]} charts={charts} />
          <div className="dash-split">
            <PeopleBars byUser={q.data[2]} />
            <Trend trend={q.data[3]} unit={unit} unitChoice={unitChoice} onUnit={setUnit} charts={charts} />
          </div>
        </>
      )}
    </section>
  );
}

function TotalsCards({ total, byDirection }: { total: number; byDirection: TotalsResult }) {
  const { t, filter } = useDashboard();
  const dir = new Map(byDirection.rows.map((r) => [r.key.direction, r.count]));
  return (
    <div className="dash-cards">
      <FigureCard label={t('dashTotalInteractions')}>
        <FigureButton
          value={total}
          testId="dash-total"
          className="dash-big"
          label={t('dashFigureInteractions', total, t('dashAllOfPeriod'))}
          spec={{ title: t('dashTotalInteractions'), input: { filter } }}
        />
      </FigureCard>
      {(['inbound', 'outbound'] as const).map((d) => {
        const name = d === 'inbound' ? t('dashInbound') : t('dashOutbound');
        return (
          <FigureCard key={d} label={name}>
            <FigureButton
              value={dir.get(d) ?? 0}
              className="dash-big"
              testId={`dash-total-${d}`}
              label={t('dashFigureInteractions', dir.get(d) ?? 0, name)}
              spec={{ title: name, input: { filter, key: { direction: d } } }}
            />
          </FigureCard>
        );
      })}
    </div>
  );
}

/** Interactions per person, busiest first, as bars against the busiest. */
function PeopleBars({ byUser }: { byUser: TotalsResult }) {
  const { t, filter, userName } = useDashboard();
  const people = byUser.rows
    .map((r) => ({ id: r.key.user ?? null, name: userName(r.key.user ?? null), count: r.count }))
    .sort((a, b) => b.count - a.count);
  return (
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
              label={t('dashFigureInteractions', p.count, p.name)}
              spec={{ title: p.name, input: { filter, key: { user: p.id } } }}
            />
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The trend chart by day, week or month (automatic: by the period's length); a bar opens its interactions. */
function Trend(props: {
  trend: TotalsResult;
  unit: Unit;
  unitChoice: Unit | 'auto';
  onUnit(unit: Unit | 'auto'): void;
  charts: Charts | null;
}) {
  const { t, filter, drill } = useDashboard();
  const { unit, charts } = props;
  const rows = props.trend.rows.map((r) => ({ key: r.key[unit] ?? '', count: r.count }));
  return (
    <div>
      <div className="dash-h3-row">
        <h3>{t('dashTrend')}</h3>
        <label className="dash-inline">
          <span>{t('dashTrendBy')}</span>
          <select
            aria-label={t('dashTrendBy')}
            value={props.unitChoice}
            onChange={(e) => props.onUnit(e.target.value as Unit | 'auto')}
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
            data={rows}
            category="key"
            categoryFontSize={11}
            value="count"
            name={t('dashColInteractions')}
            height={220}
            onBarClick={(index) => {
              const row = rows[index];
              if (row) drill({ title: row.key, input: { filter, key: { [unit]: row.key } } });
            }}
          />
        ) : (
          <div style={{ height: 220 }} />
        )}
      </div>
      <p className="pg-muted dash-hint">{t('dashChartClickHint')}</p>
    </div>
  );
}
