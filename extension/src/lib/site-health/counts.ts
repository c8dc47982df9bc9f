import { storage } from 'wxt/utils/storage';
import type { SiteFailureCount } from '@comms-log/shared';
import type { SiteFailure } from './types';

/** A browser keeps at most this many (site, version, field, host) counters; the oldest-seen go first. */
const MAX_COUNTERS = 200;

/** The running totals, and how many of each the server has acknowledged. */
export type StoredSiteFailure = SiteFailureCount & { sentCount: number };

export const siteFailuresItem = storage.defineItem<StoredSiteFailure[]>('local:siteFailures', { fallback: [] });

/** Tells this browser's reports apart on the server, so a running total sent twice counts once. */
export const siteHealthClientItem = storage.defineItem<string>('local:siteHealthClient', {
  init: () => crypto.randomUUID(),
});

/** One counter per site, adapter version, field and host. */
export const counterKey = (f: SiteFailure): string => [f.site, f.adapterVersion, f.field, f.host].join('\n');

/** The totals with one more failure counted at `at`. */
export function addFailure(rows: readonly StoredSiteFailure[], failure: SiteFailure, at: string): StoredSiteFailure[] {
  const existing = rows.find((r) => counterKey(r) === counterKey(failure));
  if (existing) return rows.map((r) => (r === existing ? { ...r, count: r.count + 1, lastAt: at } : r));
  const added: StoredSiteFailure = { ...failure, count: 1, firstAt: at, lastAt: at, sentCount: 0 };
  return [...rows, added].sort((a, b) => b.lastAt.localeCompare(a.lastAt)).slice(0, MAX_COUNTERS);
}

let writing: Promise<unknown> = Promise.resolve();

/** Rewrites the totals one change at a time, so failures reported by several tabs at once all count. */
export function updateSiteFailures(change: (rows: StoredSiteFailure[]) => StoredSiteFailure[]): Promise<void> {
  const next = writing.then(async () => {
    await siteFailuresItem.setValue(change(await siteFailuresItem.getValue()));
  });
  writing = next.catch(() => undefined);
  return next;
}

export const recordSiteFailure = (failure: SiteFailure, at: Date): Promise<void> =>
  updateSiteFailures((rows) => addFailure(rows, failure, at.toISOString()));
