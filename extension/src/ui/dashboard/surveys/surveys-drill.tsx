import type { SurveyListInput } from '@comms-log/shared';
import { errorText } from '../../labels';
import { useDashboard } from '../dashboard-context';
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
    <>
      <p className="dash-drill-count" role="status">
        {list.loading && !list.items.length
          ? t('dashLoading', t('dashSurveyResponses'))
          : t(list.cursor ? 'dashEvalShownMore' : 'dashEvalShown', list.items.length)}
      </p>
      {list.error && (
        <p role="alert" className="pg-error">
          {errorText(t, list.error)}
        </p>
      )}
      <SurveyTable items={list.items} />
      <footer className="pg-actions">
        <button type="button" className="pg-button" disabled={!list.cursor || list.loading} onClick={list.loadMore}>
          {t('dashLoadMore')}
        </button>
      </footer>
    </>
  );
}
