import { useEffect, useRef } from 'react';
import { errorText } from '../../labels';
import { useDashboard, type DrillSpec } from '../dashboard-context';
import { DrilldownTable } from './drilldown-table';
import { useDrilldown } from './use-drilldown';
import './drilldown.css';

/** The paged list of interactions behind a figure, with links to the original conversations and a CSV export. */
export function DrilldownDialog({ spec, onClose }: { spec: DrillSpec; onClose(): void }) {
  const { t } = useDashboard();
  const drill = useDrilldown(spec.input);
  const { items, total, cursor, loading, error, exporting } = drill;
  const closeRef = useRef<HTMLButtonElement>(null);

  useEffect(() => closeRef.current?.focus(), []);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  return (
    <div className="dash-backdrop">
      {/* A click beside the dialog closes it; from the keyboard, Escape and Close do. */}
      <div className="dash-backdrop-hit" aria-hidden="true" onClick={onClose} />
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
        <DrilldownTable items={items} />
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
            onClick={() => void drill.exportCsv()}
          >
            {t('dashExportInteractionsCsv')}
          </button>
          <button
            type="button"
            className="pg-button"
            disabled={!cursor || loading}
            onClick={() => void drill.loadMore()}
          >
            {loading && items.length ? t('dashLoading', t('dashInteractionsWord')) : t('dashLoadMore')}
          </button>
        </footer>
      </div>
    </div>
  );
}
