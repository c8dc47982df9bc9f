import type { SurveyResponse } from '@comms-log/shared';
import { reportFormat } from '../../../lib/report/tables';
import { useDashboard } from '../dashboard-context';
import { useStakeholderName } from '../stakeholder-name';
import { instrumentKey } from './survey-problem-text';

/** Survey responses, newest first: when, what, the score on its scale, who answered and what they said. */
export function SurveyTable({ items }: { items: SurveyResponse[] }) {
  const { t } = useDashboard();
  return (
    <div className="dash-table-wrap">
      <table className="dash-table" aria-label={t('dashSurveyResponses')}>
        <thead>
          <tr>
            <th scope="col">{t('dashSurveyColAnswered')}</th>
            <th scope="col">{t('dashSurveyColInstrument')}</th>
            <th scope="col" className="dash-num">
              {t('dashSurveyColScore')}
            </th>
            <th scope="col">{t('dashColStakeholder')}</th>
            <th scope="col">{t('dashColType')}</th>
            <th scope="col">{t('dashSurveyColDimension')}</th>
            <th scope="col">{t('dashSurveyColComment')}</th>
            <th scope="col">{t('dashSurveyColRecordedBy')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((r) => (
            <SurveyRow key={r.id} response={r} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function SurveyRow({ response: r }: { response: SurveyResponse }) {
  const { t, lang, zone, userName } = useDashboard();
  const nameOf = useStakeholderName();
  const f = reportFormat(lang);
  const muted = (text: string) => <span className="pg-muted">{text}</span>;
  return (
    <tr data-instrument={r.instrument}>
      <td>{f.date(r.answeredAt, zone)}</td>
      <td>{t(instrumentKey[r.instrument])}</td>
      <td className="dash-num">{r.instrument === 'csat' ? `${r.score} / ${r.scale ?? 5}` : r.score}</td>
      <td>
        {r.stakeholderId ? (nameOf(r.stakeholderId) ?? muted(t('dashUnknown'))) : muted(t('dashSurveyAnonymous'))}
      </td>
      <td>{f.type(r.stakeholderType)}</td>
      <td>{r.dimension ?? ''}</td>
      <td className="dash-comment">{r.comment ?? ''}</td>
      <td>{userName(r.userId)}</td>
    </tr>
  );
}
