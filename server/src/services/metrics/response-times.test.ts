import { summarizeWaits, type ResponseStats } from '@comms-log/shared';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { DbHandle } from '../../db/client';
import { freshOrgPerTest, interactionData, pushAccepted, type TestOrg } from '../../testing/test-org';
import { metricsResponseTimes } from './response-times';

/*
 * Grouped response figures find each wait's group by its raw values (docs/metrics.md "Roll-ups"): every group
 * must hold exactly its own waits, a null value apart from any text, whatever the number of dimensions.
 */

let handle: DbHandle;
let t: TestOrg;

freshOrgPerTest((h, org) => {
  handle = h;
  t = org;
});

const period = { from: '2026-03-09T00:00:00+08:00', to: '2026-03-16T00:00:00+08:00' };
const asOf = '2026-03-13T12:00:00+08:00';

/** Threads of every purpose × channel, answered after a different delay, some not yet by `asOf`. */
async function pushThreads(): Promise<void> {
  const items: Record<string, unknown>[] = [];
  const purposes = [null, 'complaint', 'product_feedback'];
  const channels = ['email', 'im'];
  let n = 0;
  for (const purpose of purposes)
    for (const channel of channels)
      for (let k = 0; k < 3; k++, n++) {
        const threadKey = `gmail:t${n}`;
        const day = 9 + (n % 4);
        const at = `2026-03-${String(day).padStart(2, '0')}T10:00:00+08:00`;
        items.push(interactionData({ threadKey, channel, purpose, occurredAt: at }));
        if (k < 2)
          items.push(
            interactionData({
              threadKey,
              channel,
              purpose,
              direction: 'outbound',
              author: { name: 'Sam', handle: 'sam@us.test' },
              occurredAt: `2026-03-${String(day + k).padStart(2, '0')}T${11 + (n % 6)}:${String(3 * n).padStart(2, '0')}:00+08:00`,
            }),
          );
      }
  await pushAccepted(t.staff, items);
}

/** The figures of each purpose × channel from the stored waits, folded by the shared `summarizeWaits`. */
async function expectedByGroup(): Promise<Map<string, ResponseStats>> {
  const rows = await handle.db.all<{
    p: string | null;
    c: string;
    r: number | null;
    w: number | null;
    d: number | null;
  }>(
    sql`SELECT purpose AS p, channel AS c, replied_at AS r, response_work_ms AS w, deadline_at AS d FROM interactions
      WHERE org_id = ${t.org.id} AND wait_start = 1 AND deleted = 0`,
  );
  const groups = new Map<
    string,
    {
      replyAtMs: number | null;
      responseMs: null;
      responseWorkMs: number | null;
      deadlineMs: number | null;
      closedAtMs: null;
    }[]
  >();
  for (const r of rows) {
    const key = JSON.stringify([r.p, r.c]);
    const wait = { replyAtMs: r.r, responseMs: null, responseWorkMs: r.w, deadlineMs: r.d, closedAtMs: null };
    groups.set(key, [...(groups.get(key) ?? []), wait]);
  }
  const options = { basis: 'working' as const, asOfMs: Date.parse(asOf) };
  return new Map([...groups].map(([k, waits]) => [k, summarizeWaits(waits, options)]));
}

describe('grouped response figures', () => {
  it('give each purpose × channel the figures of its own waits, no purpose being its own group', async () => {
    await pushThreads();
    const ctx = { db: handle.db, user: t.manager.user };
    const res = await metricsResponseTimes(ctx, {
      filter: period,
      groupBy: ['purpose', 'channel'],
      basis: 'working',
      asOf,
      firstResponseOnly: false,
    });
    const want = await expectedByGroup();
    expect(res.rows).toHaveLength(6);
    expect(want.size).toBe(6);
    for (const row of res.rows) expect(row.stats).toEqual(want.get(JSON.stringify([row.key.purpose, row.key.channel])));
    expect(res.total.answered).toBeLessThan(res.total.waits);
    expect(res.total.waits).toBe(18);
  });
});
