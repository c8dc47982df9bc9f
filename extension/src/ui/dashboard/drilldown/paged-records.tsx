import type { ReactNode } from 'react';
import type { StoredError } from '../../../lib/api/error';
import { errorText } from '../../labels';
import { useDashboard } from '../dashboard-context';

/** What of a cursor-paged list (`useCursorList`) the drill-down shows. */
interface PagedList {
  items: readonly unknown[];
  cursor: string | null;
  loading: boolean;
  error: StoredError | null;
  loadMore(): void;
}

/**
 * The records behind a goal in its dialog (conversations, survey responses, media reports): how many are shown, a
 * notice after an action, the error of the last page asked for, the records' table and "Load more".
 */
export function PagedRecords({
  list,
  count,
  notice,
  children,
}: {
  list: PagedList;
  count: string;
  notice?: string | null;
  children: ReactNode;
}) {
  const { t } = useDashboard();
  return (
    <>
      <p className="dash-drill-count" role="status">
        {count}
      </p>
      {notice && (
        <p role="status" className="pg-ok">
          {notice}
        </p>
      )}
      {list.error && (
        <p role="alert" className="pg-error">
          {errorText(t, list.error)}
        </p>
      )}
      {children}
      <footer className="pg-actions">
        <button type="button" className="pg-button" disabled={!list.cursor || list.loading} onClick={list.loadMore}>
          {t('dashLoadMore')}
        </button>
      </footer>
    </>
  );
}

/** "Loading `what`…" before the first page, then how many are shown and whether more are to load. */
export function useShownCount(list: PagedList, what: string): string {
  const { t } = useDashboard();
  if (list.loading && !list.items.length) return t('dashLoading', what);
  return t(list.cursor ? 'dashEvalShownMore' : 'dashEvalShown', list.items.length);
}
