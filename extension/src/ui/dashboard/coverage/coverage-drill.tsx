import type { CoverageListInput } from '@comms-log/shared';
import { errorText } from '../../labels';
import { useDashboard } from '../dashboard-context';
import { useCursorList } from '../use-cursor-list';
import { CoverageTable } from './coverage-table';
import { useCoverageSave } from './coverage-view';

const PAGE = 50;

/** The media reports behind a goal (`evaluations.listCoverage` with the goal's filter), page by page, to edit. */
export function CoverageDrill({ input }: { input: Omit<CoverageListInput, 'cursor' | 'limit'> }) {
  const { t } = useDashboard();
  const list = useCursorList(JSON.stringify(input), (c, cursor) =>
    c.evaluations.listCoverage.query({ ...input, cursor, limit: PAGE }),
  );
  const save = useCoverageSave();
  return (
    <>
      <p className="dash-drill-count" role="status">
        {list.loading && !list.items.length
          ? t('dashLoading', t('dashCovReports'))
          : t(list.cursor ? 'dashEvalShownMore' : 'dashEvalShown', list.items.length)}
      </p>
      {list.error && (
        <p role="alert" className="pg-error">
          {errorText(t, list.error)}
        </p>
      )}
      <CoverageTable
        items={list.items}
        onSave={async (update) => {
          const saved = await save(update);
          list.reload();
          return saved;
        }}
      />
      <footer className="pg-actions">
        <button type="button" className="pg-button" disabled={!list.cursor || list.loading} onClick={list.loadMore}>
          {t('dashLoadMore')}
        </button>
      </footer>
    </>
  );
}
