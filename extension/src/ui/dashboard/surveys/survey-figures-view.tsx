import type { StakeholderType } from '@comms-log/shared';
import type { MessageKey } from '../../../lib/i18n';
import { reportFormat } from '../../../lib/report/tables';
import { useDashboard } from '../dashboard-context';
import { RecordTable } from '../record-table/record-table';
import { FigureCard } from '../overview/figure-card';
import { surveyFigureRows, surveyFigureSet, type ListedScore, type SurveyFigureSet } from './survey-figures';

const one = (n: number) => String(Math.round(n * 10) / 10);

type Part = { value: string; n: number };

/** The four survey figures of a set of responses, in words: each value with its n ("—" and no n without data). */
function useFigureParts() {
  const { lang } = useDashboard();
  const f = reportFormat(lang);
  return {
    csat: (s: SurveyFigureSet): Part[] => s.csat.map((m) => ({ value: `${one(m.value ?? 0)} / ${m.scale}`, n: m.n })),
    satisfaction: (s: SurveyFigureSet): Part[] =>
      s.satisfaction.value === null ? [] : [{ value: f.pct(s.satisfaction.value), n: s.satisfaction.denominator }],
    nps: (s: SurveyFigureSet): Part[] =>
      s.nps.value === null ? [] : [{ value: `${s.nps.value > 0 ? '+' : ''}${one(s.nps.value)}`, n: s.nps.n }],
    score100: (s: SurveyFigureSet): Part[] =>
      s.score100.value === null ? [] : [{ value: one(s.score100.value), n: s.score100.n }],
  };
}

type Figure = keyof ReturnType<typeof useFigureParts>;
const figureColumns: { key: Figure; label: MessageKey }[] = [
  { key: 'csat', label: 'dashMetricCsatMean' },
  { key: 'satisfaction', label: 'dashMetricSatisfaction' },
  { key: 'nps', label: 'dashMetricNps' },
  { key: 'score100', label: 'dashMetricScore100' },
];

/** The period's survey figures: CSAT mean (per scale), satisfaction rate, NPS and the 0–100 mean, each with its n. */
export function SurveyCards({ responses }: { responses: ListedScore[] }) {
  const { t } = useDashboard();
  const parts = useFigureParts();
  const all = surveyFigureSet(responses);
  return (
    <div className="dash-cards" data-testid="survey-figures">
      {figureColumns.map(({ key, label }) => {
        const shown = parts[key](all);
        return (
          <FigureCard key={key} label={t(label)}>
            <span className="dash-big">{shown.length ? shown.map((p) => p.value).join(' · ') : '—'}</span>
            <span className="pg-muted">{shown.map((p) => t('dashSurveyN', p.n)).join(' · ')}</span>
          </FigureCard>
        );
      })}
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
  const parts = useFigureParts();
  const cell = (shown: Part[]) =>
    shown.length ? shown.map((p) => `${p.value} (${t('dashSurveyN', p.n)})`).join(' · ') : '—';
  const title = by === 'dimension' ? t('dashSurveyByDimension') : t('dashSurveyByType');
  const name = (key: string | null) =>
    key === null ? t('dashSurveyNoDimension') : by === 'stakeholderType' ? f.type(key as StakeholderType) : key;
  return (
    <RecordTable
      label={title}
      show="heading"
      columns={[
        { head: by === 'dimension' ? t('dashSurveyColDimension') : t('dashColType') },
        ...figureColumns.map(({ label }) => ({ head: t(label) })),
        { head: t('dashSurveyColResponses'), num: true },
      ]}
      items={surveyFigureRows(responses, by)}
      rowKey={(r) => r.key ?? ''}
      row={({ key, figures }) => (
        <tr>
          <th scope="row">{name(key)}</th>
          {figureColumns.map(({ key: k }) => (
            <td key={k}>{cell(parts[k](figures))}</td>
          ))}
          <td className="dash-num">{figures.responses}</td>
        </tr>
      )}
    />
  );
}
