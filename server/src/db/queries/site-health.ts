import { sql } from 'drizzle-orm';
import type { SiteFailureCount, SiteHealthEntry } from '@comms-log/shared';
import { fromIso, toIso } from '../../iso';
import type { DbOrTx } from '../client';

export type SiteFailureRow = { orgId: string; clientId: string; userId: string; reportedAt: number };

/**
 * Stores one browser's running total: the larger count and the widest span win, so a total sent again (a lost
 * answer, a retry) or out of order never counts a failure twice nor loses one.
 */
export async function upsertSiteFailure(db: DbOrTx, row: SiteFailureRow, f: SiteFailureCount): Promise<void> {
  const firstAt = fromIso(f.firstAt);
  const lastAt = fromIso(f.lastAt);
  await db.run(sql`
    INSERT INTO site_failures
      (org_id, client_id, user_id, site, adapter_version, field, host, count, first_at, last_at, reported_at)
    VALUES (${row.orgId}, ${row.clientId}, ${row.userId}, ${f.site}, ${f.adapterVersion}, ${f.field}, ${f.host},
      ${f.count}, ${firstAt}, ${lastAt}, ${row.reportedAt})
    ON CONFLICT (org_id, client_id, site, adapter_version, field, host) DO UPDATE SET
      user_id = excluded.user_id,
      count = max(count, excluded.count),
      first_at = min(first_at, excluded.first_at),
      last_at = max(last_at, excluded.last_at),
      reported_at = excluded.reported_at`);
}

/** The org's failures per site, adapter version and field, the latest seen first. */
export async function siteHealthOfOrg(db: DbOrTx, orgId: string): Promise<SiteHealthEntry[]> {
  const rows = await db.all<{
    site: SiteHealthEntry['site'];
    adapter_version: string;
    field: string;
    hosts: string;
    failures: number;
    users: number;
    first_at: number;
    last_at: number;
  }>(sql`
    SELECT site, adapter_version, field, group_concat(DISTINCT host) AS hosts, sum(count) AS failures,
      count(DISTINCT user_id) AS users, min(first_at) AS first_at, max(last_at) AS last_at
    FROM site_failures WHERE org_id = ${orgId}
    GROUP BY site, adapter_version, field
    ORDER BY max(last_at) DESC, site, field LIMIT 500`);
  return rows.map((r) => ({
    site: r.site,
    adapterVersion: r.adapter_version,
    field: r.field,
    hosts: r.hosts.split(',').sort(),
    failures: Number(r.failures),
    users: Number(r.users),
    firstAt: toIso(r.first_at),
    lastAt: toIso(r.last_at),
  }));
}
