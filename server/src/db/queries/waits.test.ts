import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { freshOrgPerTest, type TestOrg } from '../../testing/test-org';
import type { DbHandle } from '../client';
import { everyWaitColumn, firstResponseWhere, waitWindowSql } from './waits';

/*
 * The response figures read a period's waits from the index `interactions_waits` alone (docs/metrics.md
 * "Roll-ups"): a column read or filtered on that the index lacks would send SQLite back to the rows.
 */

let handle: DbHandle;
let t: TestOrg;

freshOrgPerTest((h, org) => {
  handle = h;
  t = org;
});

async function plan(filter: Parameters<typeof waitWindowSql>[1], first: boolean): Promise<string> {
  const range = { from: Date.parse(filter.from), to: Date.parse(filter.to) };
  const stmt = waitWindowSql(t.org.id, filter, everyWaitColumn, range, {
    extra: [sql`i.direction`, sql`i.purpose`],
    narrow: { where: firstResponseWhere(first) },
  });
  const rows = await handle.db.all<{ detail: string }>(sql`EXPLAIN QUERY PLAN ${stmt}`);
  return rows.map((r) => r.detail).join('\n');
}

describe('a window of waits', () => {
  const period = { from: '2026-03-01T00:00:00+08:00', to: '2026-04-01T00:00:00+08:00' };

  it('is read from the waits index alone, with every column and dimension filter', async () => {
    const filtered = {
      ...period,
      stakeholderType: ['customer' as const],
      channel: ['email' as const],
      userId: [t.staff.user.id],
      direction: 'inbound' as const,
      purpose: null,
    };
    for (const [filter, first] of [
      [period, false],
      [filtered, true],
    ] as const) {
      const detail = await plan(filter, first);
      expect(detail).toMatch(
        /SEARCH i USING COVERING INDEX interactions_waits \(org_id=\? AND occurred_at>\? AND occurred_at<\?\)/,
      );
    }
  });
});
