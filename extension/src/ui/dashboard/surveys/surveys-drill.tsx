import type { SurveyListInput } from '@comms-log/shared';
import { useDashboard } from '../dashboard-context';
import { PagedRecords, useShownCount } from '../drilldown/paged-records';
import { useCursorList } from '../use-cursor-list';
import { SurveyTable } from './survey-table';

const PAGE = 50;

/** The survey responses behind a goal (`evaluations.listSurveys` with the goal's filter), page by page. */
export function SurveysDrill({ input }: { input: Omit<SurveyListInput, 'cursor' | 'limit'> }) {
  const { t } = useDashboard();
  const list = useCursorList(JSON.stringify(input), (c, cursor) =>
    c.evaluations.listSurveys.query({ ...input, cursor, limit: PAGE }),
  );
  return (
    <PagedRecords list={list} count={useShownCount(list, t('dashSurveyResponses'))}>
      <SurveyTable items={list.items} />
    </PagedRecords>
  );
}
