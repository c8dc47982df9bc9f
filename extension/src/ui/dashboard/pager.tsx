import type { T } from '../use-t';

/** "a–b of n" and previous/next buttons over an offset-paged list of `pageSize` rows a page. */
export function Pager({
  t,
  offset,
  pageSize,
  total,
  onOffset,
}: {
  t: T;
  offset: number;
  pageSize: number;
  total: number;
  onOffset(offset: number): void;
}) {
  return (
    <div className="pg-actions">
      <span className="pg-muted">
        {t('dashPageOf', total === 0 ? 0 : offset + 1, Math.min(offset + pageSize, total), total)}
      </span>
      <button
        type="button"
        className="pg-button"
        disabled={offset === 0}
        onClick={() => onOffset(Math.max(0, offset - pageSize))}
      >
        {t('dashPrevious')}
      </button>
      <button
        type="button"
        className="pg-button"
        disabled={offset + pageSize >= total}
        onClick={() => onOffset(offset + pageSize)}
      >
        {t('dashNext')}
      </button>
    </div>
  );
}
