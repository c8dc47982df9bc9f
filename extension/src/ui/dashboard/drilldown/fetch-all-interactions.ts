import type { DrilldownItem } from '@comms-log/shared';
import { withApi } from '../../../lib/api/session';
import type { DrillSpec } from '../dashboard-context';

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
