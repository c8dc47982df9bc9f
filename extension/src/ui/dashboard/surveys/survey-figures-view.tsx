import type { StakeholderType } from '@comms-log/shared';
import { reportFormat } from '../../../lib/report/tables';
import { useDashboard } from '../dashboard-context';
import { FigureCard } from '../overview/figure-card';
import { surveyFigureRows, surveyFigureSet, type ListedScore, type SurveyFigureSet } from './survey-figures';

const one = (n: number) => String(Math.round(n * 10) / 10);

/** The four survey figures of a set of responses, in words: each value with its n, "—" without data. */
function useFigureText() {
  const { t, lang } = useDashboard();
  const f = reportFormat(lang);
  const withN = (value: string, n: number) => `${value} (${t('dashSurveyN', n)})`;
  return {
    csat: (s: SurveyFigureSet) =>
      s.csat.length === 0 ? '—' : s.csat.map((m) => withN(`${one(m.value ?? 0)} / ${m.scale}`, m.n)).join(' · '),
    satisfaction: (s: SurveyFigureSet) =>
      s.satisfaction.value === null ? '—' : withN(f.pct(s.satisfaction.value), s.satisfaction.denominator),
    nps: (s: SurveyFigureSet) =>
      s.nps.value === null ? '—' : withN(`${s.nps.value > 0 ? '+' : ''}${one(s.nps.value)}`, s.nps.n),
    score100: (s: SurveyFigureSet) => (s.score100.value === null ? '—' : withN(one(s.score100.value), s.score100.n)),
  };
}

/** The period's survey figures: CSAT mean, satisfaction rate, NPS and the 0–100 mean, each with its n. */
export function SurveyCards({ responses }: { responses: ListedScore[] }) {
  const { t } = useDashboard();
  const text = useFigureText();
  const all = surveyFigureSet(responses);
  return (
    <div className="dash-cards" data-testid="survey-figures">
      <FigureCard label={t('dashMetricCsatMean')}>
        <span className="dash-big">{text.csat(all)}</span>
      </FigureCard>
      <FigureCard label={t('dashMetricSatisfaction')}>
        <span className="dash-big">{text.satisfaction(all)}</span>
      </FigureCard>
      <FigureCard label={t('dashMetricNps')}>
        <span className="dash-big">{text.nps(all)}</span>
      </FigureCard>
      <FigureCard label={t('dashMetricScore100')}>
        <span className="dash-big">{text.score100(all)}</span>
      </FigureCard>
    </div>
  );
}

/** The same figures per dimension or per stakeholder type, a row each. */
export function SurveyFigureTable({
  responses,
  by,
}: {
  responses: ListedScore[];
  by: 'dimension' | 'stakeholderType';
}) {
  const { t, lang } = useDashboard();
  const f = reportFormat(lang);
  const text = useFigureText();
  const title = by === 'dimension' ? t('dashSurveyByDimension') : t('dashSurveyByType');
  const name = (key: string | null) =>
    key === null ? t('dashSurveyNoDimension') : by === 'stakeholderType' ? f.type(key as StakeholderType) : key;
  return (
    <div className="dash-table-wrap">
      <h3>{title}</h3>
      <table className="dash-table" aria-label={title}>
        <thead>
          <tr>
            <th scope="col">{by === 'dimension' ? t('dashSurveyColDimension') : t('dashColType')}</th>
            <th scope="col">{t('dashMetricCsatMean')}</th>
            <th scope="col">{t('dashMetricSatisfaction')}</th>
            <th scope="col">{t('dashMetricNps')}</th>
            <th scope="col">{t('dashMetricScore100')}</th>
            <th scope="col" className="dash-num">
              {t('dashSurveyColResponses')}
            </th>
          </tr>
        </thead>
        <tbody>
          {surveyFigureRows(responses, by).map(({ key, figures }) => (
            <tr key={key ?? ''}>
              <th scope="row">{name(key)}</th>
              <td>{text.csat(figures)}</td>
              <td>{text.satisfaction(figures)}</td>
              <td>{text.nps(figures)}</td>
              <td>{text.score100(figures)}</td>
              <td className="dash-num">{figures.responses}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
