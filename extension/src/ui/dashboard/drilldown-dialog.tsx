import { useEffect, useRef, useState } from 'react';
import type { DrilldownItem } from '@comms-log/shared';
import { toStoredError, type StoredError } from '../../lib/api/error';
import { formatDateTime } from '../../lib/i18n';
import { interactionsCsv } from '../../lib/report/interactions';
import { reportFormat } from '../../lib/report/tables';
import { withApi } from '../../lib/api/session';
import { errorText } from '../labels';
import { useDashboard, type DrillSpec } from './dashboard-context';
import { csvMime, downloadText } from './download';

const PAGE = 50;
const EXPORT_PAGE = 200;

/** Every interaction behind a figure, page by page (for the CSV export). */
export async function fetchAllInteractions(
  input: DrillSpec['input'],
  onProgress: (done: number, total: number) => void,
): Promise<DrilldownItem[]> {
  const items: DrilldownItem[] = [];
  let cursor: string | null = null;
  for (;;) {
    const page = await withApi((c) => c.metrics.interactions.query({ ...input, cursor, limit: EXPORT_PAGE }));
    items.push(...page.items);
    onProgress(items.length, page.total);
    if (!page.nextCursor) return items;
    cursor = page.nextCursor;
  }
}

/** The paged list of interactions behind a figure, with links to the original conversations and a CSV export. */
export function DrilldownDialog({ spec, onClose }: { spec: DrillSpec; onClose(): void }) {
  const { t, lang, zone } = useDashboard();
  const f = reportFormat(lang);
  const [items, setItems] = useState<DrilldownItem[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<StoredError | null>(null);
  const [exporting, setExporting] = useState<string | null>(null);
  const closeRef = useRef<HTMLButtonElement>(null);

  const load = async (from: string | null) => {
    setLoading(true);
    setError(null);
    try {
      const page = await withApi((c) => c.metrics.interactions.query({ ...spec.input, cursor: from, limit: PAGE }));
      setItems((prev) => (from ? [...prev, ...page.items] : page.items));
      setTotal(page.total);
      setCursor(page.nextCursor);
    } catch (e) {
      setError(toStoredError(e));
    } finally {
      setLoading(false);
    }
  };

  useEffect(() => {
    void load(null);
    closeRef.current?.focus();
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
    // The dialog is remounted per figure.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const exportCsv = async () => {
    setExporting(t('dashExporting', 0, total ?? 0));
    try {
      const all = await fetchAllInteractions(spec.input, (done, of) => setExporting(t('dashExporting', done, of)));
      downloadText(
        `interactions-${spec.input.filter.from.slice(0, 10)}.csv`,
        interactionsCsv(all, lang, zone),
        csvMime,
      );
      setExporting(null);
    } catch (e) {
      setExporting(null);
      setError(toStoredError(e));
    }
  };

  return (
    <div className="dash-backdrop" onClick={(e) => e.target === e.currentTarget && onClose()}>
      <div role="dialog" aria-modal="true" aria-label={spec.title} className="dash-dialog">
        <header className="dash-dialog-head">
          <h2>{spec.title}</h2>
          <button ref={closeRef} type="button" className="pg-button" onClick={onClose}>
            {t('close')}
          </button>
        </header>
        <p className="dash-drill-count" role="status">
          {total === null ? t('dashLoading', t('dashInteractionsWord')) : t('dashDrillCount', items.length, total)}
          <span data-testid="drill-total" hidden>
            {total ?? ''}
          </span>
        </p>
        {error && (
          <p role="alert" className="pg-error">
            {errorText(t, error)}
          </p>
        )}
        <div className="dash-table-wrap">
          <table className="dash-table" aria-label={t('dashInteractionsWord')}>
            <thead>
              <tr>
                <th>{t('dashColWhen')}</th>
                <th>{t('dashColDirection')}</th>
                <th>{t('dashColChannel')}</th>
                <th>{t('dashColStakeholder')}</th>
                <th>{t('dashColAuthor')}</th>
                <th>{t('dashColPerson')}</th>
                <th>{t('dashColTitle')}</th>
                <th>{t('dashColStatus')}</th>
                <th>{t('dashColResponseWorkH')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((i) => (
                <tr key={i.id}>
                  <td>{formatDateTime(lang, i.occurredAt, zone)}</td>
                  <td>{i.direction === 'inbound' ? t('dashInbound') : t('dashOutbound')}</td>
                  <td>{f.channel(i.channel)}</td>
                  <td>
                    {i.stakeholderName ?? <span className="pg-muted">{t('dashUnknown')}</span>}{' '}
                    <span className="pg-muted">{f.type(i.stakeholderType)}</span>
                  </td>
                  <td>
                    {i.authorName}
                    {i.authorHandle && i.authorHandle !== i.authorName ? (
                      <div className="pg-muted">{i.authorHandle}</div>
                    ) : null}
                  </td>
                  <td>{i.userName ?? i.userId}</td>
                  <td>
                    {i.url ? (
                      <a href={i.url} target="_blank" rel="noreferrer noopener">
                        {i.title || t('dashOpenConversation')}
                      </a>
                    ) : (
                      (i.title ?? '')
                    )}
                  </td>
                  <td>
                    {i.status ? (
                      <span className={`dash-status dash-status-${i.status}`}>{f.waitStatus(i.status)}</span>
                    ) : (
                      ''
                    )}
                  </td>
                  <td className="dash-num">{i.responseWorkMs === null ? '' : f.hours(i.responseWorkMs)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <footer className="pg-actions">
          {exporting && (
            <span role="status" className="pg-muted">
              {exporting}
            </span>
          )}
          <button
            type="button"
            className="pg-button"
            disabled={!total || exporting !== null}
            onClick={() => void exportCsv()}
          >
            {t('dashExportInteractionsCsv')}
          </button>
          <button type="button" className="pg-button" disabled={!cursor || loading} onClick={() => void load(cursor)}>
            {loading && items.length ? t('dashLoading', t('dashInteractionsWord')) : t('dashLoadMore')}
          </button>
        </footer>
      </div>
    </div>
  );
}
