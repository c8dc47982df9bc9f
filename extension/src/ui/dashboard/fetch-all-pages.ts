import type { ApiClient } from '../../lib/api/client';

/** At most this many records are read for a tab's figures (25 pages of 200). */
export const MAX_RECORDS = 5000;
const PAGE = 200;

type Page<T> = { items: T[]; nextCursor: string | null };

/**
 * Every record of a cursor-paged list, page by page, up to `max`: the records and whether they are all there
 * (figures over a part of the period must say so).
 */
export async function fetchAllPages<T>(
  client: ApiClient,
  page: (client: ApiClient, cursor: string | null, limit: number) => Promise<Page<T>>,
  max = MAX_RECORDS,
): Promise<{ items: T[]; complete: boolean }> {
  const items: T[] = [];
  let cursor: string | null = null;
  for (;;) {
    const p: Page<T> = await page(client, cursor, PAGE);
    items.push(...p.items);
    if (!p.nextCursor) return { items, complete: true };
    if (items.length >= max) return { items, complete: false };
    cursor = p.nextCursor;
  }
}
