import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import type { DbHandle } from '../../db/client';
import { dayCountsZone, rebuildDayCounts } from '../../db/queries/day-counts';
import { freshOrgPerTest, interactionData, pushAccepted, type TestOrg } from '../../testing/test-org';
import { recountDayCounts } from './day-counts-recount';
import { syncDayCountsZones } from './day-counts-sync';

let handle: DbHandle;
let t: TestOrg;

freshOrgPerTest((h, org) => {
  handle = h;
  t = org;
});

const HOUR = 3_600_000;
const types = ['customer', 'partner', 'media'] as const;

/** `n` interactions an hour and seven minutes apart from 2026-01-01, so that a zone's midnight moves some of them. */
const rows = (n: number, from = Date.UTC(2026, 0, 1)) =>
  Array.from({ length: n }, (_, i) =>
    interactionData({
      threadKey: `gmail:z${i % 500}`,
      occurredAt: new Date(from + i * (HOUR + 7 * 60_000)).toISOString(),
      stakeholderType: types[i % types.length]!,
      direction: i % 3 ? 'inbound' : 'outbound',
    }),
  );

async function push(items: ReturnType<typeof rows>) {
  for (let i = 0; i < items.length; i += 500) await pushAccepted(t.staff, items.slice(i, i + 500));
}

/** The org's day counts, sorted: what the dashboard would sum. */
const countsOf = async () =>
  handle.db.all(
    sql`SELECT day, stakeholder_type, channel, user_id, direction, purpose, n FROM interaction_day_counts
      WHERE org_id = ${t.org.id} AND n <> 0 ORDER BY 1, 2, 3, 4, 5, 6`,
  );

const byDay = () =>
  t.manager.caller.metrics.totals({
    filter: { from: '2025-12-01T00:00:00.000Z', to: '2026-12-01T00:00:00.000Z' },
    groupBy: ['day'],
  });

it('counts a large org’s days again in chunks after a zone change, every read right meanwhile', async () => {
  await push(rows(6_000));
  await t.admin.caller.settings.update({ timeZone: 'America/New_York' });
  // The plan's transaction moved the offsets only: the counts wait, and reads count the raw rows in the new zone.
  expect(await dayCountsZone(handle.db, t.org.id)).toBe('America/New_York (recounting)');
  // A restart leaves it to the server's sweep rather than counting it all before it listens.
  await syncDayCountsZones(handle.db);
  expect(await dayCountsZone(handle.db, t.org.id)).toBe('America/New_York (recounting)');
  const during = await byDay();
  expect(during.rows.map((r) => r.key.day)).toContain('2026-01-01');

  // Pushes and deletes land between chunks; the end equals counting everything again at once.
  let chunks = 0;
  const later = rows(300, Date.UTC(2026, 1, 1) + 30 * 60_000);
  const done = await recountDayCounts(handle.db, t.org.id, 'America/New_York', {
    chunkRows: 1_000,
    afterChunk: async () => {
      chunks++;
      if (chunks === 2) await push(later);
      if (chunks === 3) {
        const res = await t.staff.caller.sync.push({
          items: [{ op: 'delete', entity: 'interaction', id: later[0]!.id }],
        });
        expect(res.rejected).toEqual([]);
      }
    },
  });
  expect(done).toBe(true);
  expect(chunks).toBeGreaterThanOrEqual(5);
  expect(await dayCountsZone(handle.db, t.org.id)).toBe('America/New_York');
  const chunked = await countsOf();
  await handle.db.transaction((tx) => rebuildDayCounts(tx, t.org.id));
  expect(chunked).toEqual(await countsOf());
  expect((await byDay()).total).toBe(during.total + 299);
}, 120_000);

it('stops when another zone is saved meanwhile, and leaves the counts to that zone’s recount', async () => {
  await push(rows(6_000));
  await t.admin.caller.settings.update({ timeZone: 'Europe/London' });
  const stopped = await recountDayCounts(handle.db, t.org.id, 'Europe/London', {
    chunkRows: 1_000,
    afterChunk: async () => {
      if ((await dayCountsZone(handle.db, t.org.id))?.startsWith('Europe/London'))
        await t.admin.caller.settings.update({ timeZone: 'Asia/Tokyo' });
    },
  });
  expect(stopped).toBe(false);
  expect(await dayCountsZone(handle.db, t.org.id)).toBe('Asia/Tokyo (recounting)');
  expect(await recountDayCounts(handle.db, t.org.id, 'Asia/Tokyo')).toBe(true);
  const chunked = await countsOf();
  await handle.db.transaction((tx) => rebuildDayCounts(tx, t.org.id));
  expect(chunked).toEqual(await countsOf());
}, 120_000);
