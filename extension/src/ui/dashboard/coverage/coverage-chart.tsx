import type { MediaCoverage } from '@comms-log/shared';
import { toneColor } from '../chart-colors';
import { useDashboard } from '../dashboard-context';
import { useCharts } from '../lazy-charts';
import { toneSeries, toneUnit } from './coverage-figures';
import { toneKey } from './coverage-labels';

const series = ['positive', 'neutral', 'negative', 'none'] as const;

/** Reports per tone over the period, a stacked bar per day, week or month of publication. */
export function CoverageChart({ reports }: { reports: MediaCoverage[] }) {
  const { t, filter, zone } = useDashboard();
  const charts = useCharts();
  const data = toneSeries(reports, toneUnit(filter), zone);
  return (
    <div>
      <h3>{t('dashCovToneOverTime')}</h3>
      <div className="dash-chart" role="img" aria-label={t('dashCovToneOverTime')}>
        {charts ? (
          <charts.StackedBarChart
            data={data}
            category="bar"
            series={series.map((s) => ({ key: s, name: t(toneKey[s]), color: toneColor[s] }))}
            height={240}
          />
        ) : (
          <div style={{ height: 240 }} />
        )}
      </div>
    </div>
  );
}
