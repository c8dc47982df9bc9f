import { useCallback, useEffect, useState } from 'react';
import type { DrilldownItem } from '@comms-log/shared';
import { toStoredError, type StoredError } from '../../../lib/api/error';
import { withApi } from '../../../lib/api/session';
import { interactionsCsv } from '../../../lib/report/interactions';
import { useDashboard, type DrillSpec } from '../dashboard-context';
import { csvMime, downloadText } from '../download';
import { fetchAllInteractions } from './fetch-all-interactions';

const PAGE = 50;

/** The interactions behind a figure, a page at a time from the first, and their CSV export with its progress. */
export function useDrilldown(input: DrillSpec['input']) {
  const { t, lang, zone } = useDashboard();
  const [items, setItems] = useState<DrilldownItem[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<StoredError | null>(null);
  const [exporting, setExporting] = useState<string | null>(null);

  const load = useCallback(
    async (from: string | null) => {
      setLoading(true);
      setError(null);
      try {
        const page = await withApi((c) => c.metrics.interactions.query({ ...input, cursor: from, limit: PAGE }));
        setItems((prev) => (from ? [...prev, ...page.items] : page.items));
        setTotal(page.total);
        setCursor(page.nextCursor);
      } catch (e) {
        setError(toStoredError(e));
      } finally {
        setLoading(false);
      }
    },
    [input],
  );
  useEffect(() => {
    void load(null);
  }, [load]);

  const exportCsv = async () => {
    setExporting(t('dashExporting', 0, total ?? 0));
    try {
      const all = await fetchAllInteractions(input, (done, of) => setExporting(t('dashExporting', done, of)));
      downloadText(`interactions-${input.filter.from.slice(0, 10)}.csv`, interactionsCsv(all, lang, zone), csvMime);
      setExporting(null);
    } catch (e) {
      setExporting(null);
      setError(toStoredError(e));
    }
  };

  return { items, total, cursor, loading, error, exporting, loadMore: () => load(cursor), exportCsv };
}
