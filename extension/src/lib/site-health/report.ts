import type { SiteFailureCount } from '@comms-log/shared';
import { withApi } from '../api/session';
import {
  counterKey,
  siteFailuresItem,
  siteHealthClientItem,
  type StoredSiteFailure,
  updateSiteFailures,
} from './counts';

const counterOf = ({ sentCount: _sent, ...count }: StoredSiteFailure): SiteFailureCount => count;

/**
 * After a sync: sends the running totals that grew since the server last acknowledged them. Totals, not
 * increments, so a lost answer and a second send count each failure once. Answers how many were sent.
 */
export async function reportSiteHealth(): Promise<number> {
  const grown = (await siteFailuresItem.getValue()).filter((r) => r.count > r.sentCount);
  if (grown.length === 0) return 0;
  const clientId = await siteHealthClientItem.getValue();
  await withApi((c) => c.siteHealth.report.mutate({ clientId, failures: grown.map(counterOf) }));
  const sent = new Map(grown.map((r) => [counterKey(r), r.count]));
  await updateSiteFailures((rows) =>
    rows.map((r) => {
      const count = sent.get(counterKey(r));
      return count === undefined ? r : { ...r, sentCount: Math.max(r.sentCount, count) };
    }),
  );
  return grown.length;
}
