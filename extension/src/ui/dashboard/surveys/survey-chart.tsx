import { useState } from 'react';
import { surveyInstruments, type SurveyInstrument } from '@comms-log/shared';
import { useDashboard } from '../dashboard-context';
import { useCharts } from '../lazy-charts';
import { scoreDistribution, type ListedScore } from './survey-figures';
import { instrumentKey } from './survey-problem-text';

/** How many responses gave each score, for one instrument at a time (the one most answered first). */
export function SurveyChart({ responses }: { responses: ListedScore[] }) {
  const { t } = useDashboard();
  const charts = useCharts();
  const used = surveyInstruments.filter((i) => responses.some((r) => r.instrument === i));
  const [choice, setChoice] = useState<SurveyInstrument | null>(null);
  const instrument = choice ?? used[0] ?? 'csat';
  const data = scoreDistribution(responses, instrument);
  const title = t('dashSurveyDistributionOf', t(instrumentKey[instrument]));
  return (
    <div>
      <div className="dash-h3-row">
        <h3>{t('dashSurveyDistribution')}</h3>
        <span className="dash-inline">
          <label htmlFor="survey-chart-instrument">{t('dashSurveyChartInstrument')}</label>
          <select
            id="survey-chart-instrument"
            value={instrument}
            onChange={(e) => setChoice(e.target.value as SurveyInstrument)}
          >
            {surveyInstruments.map((i) => (
              <option key={i} value={i}>
                {t(instrumentKey[i])}
              </option>
            ))}
          </select>
        </span>
      </div>
      <div className="dash-chart" role="img" aria-label={title}>
        {charts ? (
          <charts.SimpleBarChart
            data={data}
            category="score"
            value="count"
            name={t('dashSurveyColResponses')}
            height={220}
          />
        ) : (
          <div style={{ height: 220 }} />
        )}
      </div>
    </div>
  );
}
