import { useState } from 'react';
import { responseBuckets, type ResponseBucket, type ResponseStats } from '@comms-log/shared';
import type { MessageKey } from '../../../lib/i18n';
import { rateTone } from '../../../lib/report/goals';
import { reportFormat } from '../../../lib/report/tables';
import { useDashboard } from '../dashboard-context';
import { FigureButton } from '../figure-button';
import { useCharts } from '../lazy-charts';
import { StatusLine } from '../status-line';
import { useApiQuery } from '../use-api-query';
import { FigureCard } from './figure-card';
import { LateBudget } from './late-budget';
import { onTimeTarget, waitSpec, type Basis } from './response-figures';
import { ResponseTable } from './response-table';

const bucketKey: Record<ResponseBucket, MessageKey> = {
  lt1h: 'dashBucketLt1h',
  '1to4h': 'dashBucket1to4h',
  '4to24h': 'dashBucket4to24h',
  '24to72h': 'dashBucket24to72h',
  gt72h: 'dashBucketGt72h',
};

/** Response figures: distribution, on-time rate against the plan's SLAs, late and pending, working or calendar time. */
export function ResponseView() {
  const { t, filter, asOf, dataVersion } = useDashboard();
  const charts = useCharts();
  const [basis, setBasis] = useState<Basis>('working');
  const q = useApiQuery(JSON.stringify(['response', filter, basis, asOf, dataVersion]), (c) =>
    c.metrics.responseTimes.query({ filter, groupBy: ['stakeholderType', 'channel'], basis, asOf }),
  );
  const hoursLabel = basis === 'working' ? t('dashWorkingHoursShort') : t('dashCalendarHoursShort');
  const histogram = q.data
    ? responseBuckets.map((b) => ({ name: t(bucketKey[b]), count: q.data!.total.buckets[b] }))
    : [];

  return (
    <section
      className="pg-card dash-section"
      aria-labelledby="dash-response-h"
      data-state={q.data && !q.loading ? 'ready' : 'loading'}
    >
      <div className="dash-h3-row">
        <h2 id="dash-response-h">{t('dashResponse')}</h2>
        <BasisToggle basis={basis} onBasis={setBasis} />
      </div>
      <StatusLine t={t} loading={q.loading && !q.data} error={q.error} what={t('dashResponse')} />
      {q.data && (
        <>
          <ResponseCards total={q.data.total} hoursLabel={hoursLabel} />
          <p className="pg-muted dash-hint">{t('dashResponseHint', q.data.total.answered, q.data.total.closed)}</p>
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
          <ResponseTable result={q.data} hoursLabel={hoursLabel} />
        </>
      )}
    </section>
  );
}

/** Working or calendar time, for every figure of the view. */
function BasisToggle({ basis, onBasis }: { basis: Basis; onBasis(b: Basis): void }) {
  const { t } = useDashboard();
  return (
    <div role="radiogroup" aria-label={t('dashBasis')} className="dash-toggle">
      {(['working', 'calendar'] as const).map((b) => (
        <label key={b}>
          <input type="radio" name="dash-basis" value={b} checked={basis === b} onChange={() => onBasis(b)} />
          {b === 'working' ? t('dashWorkingTime') : t('dashCalendarTime')}
        </label>
      ))}
    </div>
  );
}

function ResponseCards({ total, hoursLabel }: { total: ResponseStats; hoursLabel: string }) {
  const env = useDashboard();
  const { t, lang, plan } = env;
  const f = reportFormat(lang);
  return (
    <div className="dash-cards">
      <FigureCard label={t('dashColWaits')}>
        <FigureButton
          value={total.waits}
          className="dash-big"
          label={t('dashFigureWaits', total.waits, t('dashAllOfPeriod'))}
          spec={waitSpec(env, t('dashColWaits'), undefined)}
        />
      </FigureCard>
      <FigureCard label={`${t('dashMedian')} (${hoursLabel})`}>
        <span className="dash-big">{f.hours(total.medianMs)}</span>
      </FigureCard>
      <FigureCard label={`P90 (${hoursLabel})`}>
        <span className="dash-big">{f.hours(total.p90Ms)}</span>
      </FigureCard>
      <FigureCard label={`${t('dashMean')} (${hoursLabel})`}>
        <span className="dash-big">{f.hours(total.meanMs)}</span>
      </FigureCard>
      <FigureCard label={t('dashOnTimeRate')}>
        <FigureButton
          value={f.pct(total.onTimeRate)}
          testId="dash-ontime-rate"
          className={`dash-big dash-tone-${rateTone(total.onTimeRate, onTimeTarget(plan.plan.goals))}`}
          label={t('dashFigureOnTimeRate', f.pct(total.onTimeRate), total.onTime, total.onTime + total.late)}
          spec={waitSpec(env, t('dashOnTime'), undefined, 'on_time')}
        />
      </FigureCard>
      <FigureCard label={t('dashLate')}>
        <FigureButton
          value={total.late}
          className="dash-big"
          testId="dash-late"
          label={t('dashFigureLate', total.late)}
          spec={waitSpec(env, t('dashLate'), undefined, 'late')}
        />
      </FigureCard>
      <FigureCard label={t('dashPending')}>
        <FigureButton
          value={total.pending}
          className="dash-big"
          label={t('dashFigurePending', total.pending)}
          spec={waitSpec(env, t('dashPending'), undefined, 'pending')}
        />
      </FigureCard>
    </div>
  );
}
