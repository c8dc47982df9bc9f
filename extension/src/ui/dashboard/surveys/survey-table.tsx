import type { SurveyResponse } from '@comms-log/shared';
import { reportFormat } from '../../../lib/report/tables';
import { useDashboard } from '../dashboard-context';
import { RecordTable } from '../record-table/record-table';
import { useStakeholderName } from '../stakeholder-name';
import { instrumentKey } from './survey-problem-text';

/** Survey responses, newest first: when, what, the score on its scale, who answered and what they said. */
export function SurveyTable({ items }: { items: SurveyResponse[] }) {
  const { t } = useDashboard();
  return (
    <RecordTable
      label={t('dashSurveyResponses')}
      columns={[
        { head: t('dashSurveyColAnswered') },
        { head: t('dashSurveyColInstrument') },
        { head: t('dashSurveyColScore'), num: true },
        { head: t('dashColStakeholder') },
        { head: t('dashColType') },
        { head: t('dashSurveyColDimension') },
        { head: t('dashSurveyColComment') },
        { head: t('dashSurveyColRecordedBy') },
      ]}
      items={items}
      rowKey={(r) => r.id}
      row={(r) => <SurveyRow response={r} />}
    />
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
