import { errorText } from '../../labels';
import { useDashboard, type DrillSpec } from '../dashboard-context';
import { DialogShell } from './dialog-shell';
import { DrilldownTable } from './drilldown-table';
import { useDrilldown } from './use-drilldown';

/** The paged list of interactions behind a figure, with links to the original conversations and a CSV export. */
export function DrilldownDialog({ spec, onClose }: { spec: DrillSpec; onClose(): void }) {
  const { t } = useDashboard();
  const drill = useDrilldown(spec.input);
  const { items, total, cursor, loading, error, exporting } = drill;

  return (
    <DialogShell title={spec.title} onClose={onClose}>
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
        <button type="button" className="pg-button" disabled={!cursor || loading} onClick={() => void drill.loadMore()}>
          {loading && items.length ? t('dashLoading', t('dashInteractionsWord')) : t('dashLoadMore')}
        </button>
      </footer>
    </DialogShell>
  );
}
