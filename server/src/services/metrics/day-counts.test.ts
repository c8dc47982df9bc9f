import { sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { DbHandle } from '../../db/client';
import {
  createTestOrg,
  freshOrgPerTest,
  interactionData,
  pushAccepted,
  testStakeholder,
  type TestOrg,
} from '../../testing/test-org';
import { rebuildDayCounts, replaceZoneOffsets } from '../../db/queries/day-counts';
import { syncDayCountsZones } from './day-counts-sync';

/*
 * The day counts (docs/metrics.md "Roll-ups") against a plain GROUP BY of the raw rows, the local day computed
 * here with luxon in the plan's zone, after every kind of write.
 */

let handle: DbHandle;
let t: TestOrg;

freshOrgPerTest((h, org) => {
  handle = h;
  t = org;
});

interface RawRow {
  occurred_at: number;
  stakeholder_type: string;
  channel: string;
  user_id: string;
  direction: string;
  purpose: string | null;
}

const DAY_MS = 86_400_000;

/** The counts the roll-up should hold: live rows grouped by the local day (luxon) and the key columns. */
async function plainCounts(orgId: string, zone: string): Promise<Record<string, number>> {
  const rows =
    await handle.db.all<RawRow>(sql`SELECT occurred_at, stakeholder_type, channel, user_id, direction, purpose
    FROM interactions WHERE org_id = ${orgId} AND deleted = 0`);
  const out: Record<string, number> = {};
  for (const r of rows) {
    const local = DateTime.fromMillis(r.occurred_at, { zone });
    const day = Math.floor((r.occurred_at + local.offset * 60_000) / DAY_MS);
    const key = [day, r.stakeholder_type, r.channel, r.user_id, r.direction, r.purpose ?? ''].join('|');
    out[key] = (out[key] ?? 0) + 1;
  }
  return out;
}

async function storedCounts(orgId: string): Promise<Record<string, number>> {
  const rows = await handle.db.all<RawRow & { day: number; n: number; purpose: string }>(
    sql`SELECT day, stakeholder_type, channel, user_id, direction, purpose, n FROM interaction_day_counts WHERE org_id = ${orgId}`,
  );
  return Object.fromEntries(
    rows.map((r) => [[r.day, r.stakeholder_type, r.channel, r.user_id, r.direction, r.purpose].join('|'), r.n]),
  );
}

async function expectCountsRight(zone: string, orgId = t.org.id) {
  const plain = await plainCounts(orgId, zone);
  expect(Object.keys(plain).length).toBeGreaterThan(0);
  expect(await storedCounts(orgId)).toEqual(plain);
}

/** Messages at both sides of midnight in Shanghai, in two channels, by two people, one with a purpose. */
async function pushSome() {
  const s = await testStakeholder(handle, t, Date.parse('2026-01-01T00:00:00Z'), 'Wang');
  const items = [
    interactionData({ occurredAt: '2026-03-09T23:59:00+08:00', stakeholderId: s.id }),
    interactionData({ occurredAt: '2026-03-10T00:00:00+08:00', stakeholderId: s.id, direction: 'outbound' }),
    interactionData({
      occurredAt: '2026-03-10T07:30:00+08:00',
      threadKey: 'weibo:p1',
      source: 'weibo',
      channel: 'social',
      purpose: 'complaint',
    }),
  ];
  await pushAccepted(t.staff, items);
  const other = interactionData({ occurredAt: '2026-03-10T09:00:00+08:00', threadKey: 'gmail:t2' });
  await pushAccepted(t.staff2, [other]);
  return { s, items, other };
}

describe('interaction day counts', () => {
  it('equal a plain GROUP BY after pushes, edits and deletes', async () => {
    const { items } = await pushSome();
    await expectCountsRight('Asia/Shanghai');
    // An edit moves a message across midnight and changes its channel; a delete takes one away.
    await pushAccepted(t.staff, [{ ...items[0]!, occurredAt: '2026-03-11T01:00:00+08:00', purpose: 'complaint' }]);
    const res = await t.staff.caller.sync.push({ items: [{ op: 'delete', entity: 'interaction', id: items[1]!.id }] });
    expect(res.rejected).toEqual([]);
    await expectCountsRight('Asia/Shanghai');
    const [{ n } = { n: 0 }] = await handle.db.all<{ n: number }>(
      sql`SELECT sum(n) AS n FROM interaction_day_counts WHERE org_id = ${t.org.id}`,
    );
    expect(n).toBe(3);
  });

  it('follow a merge into a stakeholder of another type, and an erasure', async () => {
    const { s } = await pushSome();
    const partner = await t.manager.caller.directory.create({ name: 'Acme', type: 'partner', identities: [] });
    await pushAccepted(t.staff, [
      interactionData({
        occurredAt: '2026-03-12T10:00:00+08:00',
        stakeholderId: partner.id,
        stakeholderType: 'partner',
      }),
    ]);
    await t.manager.caller.directory.merge({ keepId: partner.id, mergeId: s.id });
    await expectCountsRight('Asia/Shanghai');
    await t.admin.caller.privacy.erase({ stakeholderId: partner.id });
    const plain = await plainCounts(t.org.id, 'Asia/Shanghai');
    expect(await storedCounts(t.org.id)).toEqual(plain);
  });

  it('follow any writer, such as a reassignment in SQL', async () => {
    await pushSome();
    await handle.db.run(sql`UPDATE interactions SET user_id = ${t.manager.user.id} WHERE org_id = ${t.org.id}`);
    await expectCountsRight('Asia/Shanghai');
    await handle.db.run(sql`DELETE FROM interactions WHERE org_id = ${t.org.id} AND channel = 'social'`);
    await expectCountsRight('Asia/Shanghai');
  });

  it('are counted again in the new zone when the plan moves, and stay apart per org', async () => {
    await pushSome();
    await t.admin.caller.settings.update({ timeZone: 'Europe/London' });
    await expectCountsRight('Europe/London');
    const other = await createTestOrg(handle, { timeZone: 'UTC' });
    await pushAccepted(other.staff, [interactionData({ occurredAt: '2026-03-09T23:30:00Z' })]);
    await expectCountsRight('UTC', other.org.id);
    await expectCountsRight('Europe/London');
  });

  it('move from the UTC days of their migration to the plan zone at start', async () => {
    await pushSome();
    // As the migration leaves an org that existed before it: one UTC offset, days counted in UTC.
    await replaceZoneOffsets(handle.db, t.org.id, 'UTC', [{ startMs: 0, offsetMs: 0 }]);
    await rebuildDayCounts(handle.db, t.org.id);
    await expectCountsRight('UTC');
    await syncDayCountsZones(handle.db);
    await expectCountsRight('Asia/Shanghai');
  });

  it('keep local days across a DST switch', async () => {
    await t.admin.caller.settings.update({ timeZone: 'America/New_York' });
    // 2026-03-08 02:00 EST → 03:00 EDT; 2026-11-01 02:00 EDT → 01:00 EST: messages near both local midnights.
    const times = [
      '2026-03-07T23:30:00-05:00',
      '2026-03-08T00:30:00-05:00',
      '2026-03-08T23:30:00-04:00',
      '2026-03-09T00:10:00-04:00',
      '2026-10-31T23:50:00-04:00',
      '2026-11-01T01:30:00-05:00',
      '2026-11-01T23:59:00-05:00',
    ];
    await pushAccepted(
      t.staff,
      times.map((at, k) => interactionData({ occurredAt: at, threadKey: `gmail:dst${k}` })),
    );
    await expectCountsRight('America/New_York');
    const totals = await t.manager.caller.metrics.totals({
      filter: { from: '2026-03-07T12:00:00-05:00', to: '2026-11-01T12:00:00-05:00' },
      groupBy: ['day'],
    });
    expect(totals.total).toBe(6);
    expect(totals.rows.map((r) => [r.key.day, r.count])).toEqual([
      ['2026-03-07', 1],
      ['2026-03-08', 2],
      ['2026-03-09', 1],
      ['2026-10-31', 1],
      ['2026-11-01', 1],
    ]);
  });
});

describe('metrics.totals over the day counts', () => {
  it('equals the raw rows when the range starts and ends inside a day, and with filters they cannot answer', async () => {
    const { s } = await pushSome();
    const filter = { from: '2026-03-09T12:00:00+08:00', to: '2026-03-10T08:00:00+08:00' };
    const byDay = await t.manager.caller.metrics.totals({ filter, groupBy: ['day', 'channel'] });
    expect(byDay.total).toBe(3);
    expect(byDay.rows.map((r) => [r.key.day, r.key.channel, r.count])).toEqual([
      ['2026-03-09', 'email', 1],
      ['2026-03-10', 'email', 1],
      ['2026-03-10', 'social', 1],
    ]);
    const wide = { from: '2026-03-01T00:00:00+08:00', to: '2026-03-31T00:00:00+08:00' };
    const byPurpose = await t.manager.caller.metrics.totals({ filter: { ...wide, purpose: null }, groupBy: [] });
    expect(byPurpose.total).toBe(3);
    const byStakeholder = await t.manager.caller.metrics.totals({ filter: wide, groupBy: ['stakeholder'] });
    expect(byStakeholder.rows.find((r) => r.key.stakeholder === s.id)?.count).toBe(2);
    // The counts come from the roll-up: a row changed behind the triggers' back shows in whole days only.
    await handle.db.run(sql`UPDATE interaction_day_counts SET n = n + 100 WHERE org_id = ${t.org.id}`);
    expect((await t.manager.caller.metrics.totals({ filter: wide, groupBy: [] })).total).toBe(4 + 400);
    expect(
      (await t.manager.caller.metrics.totals({ filter: { ...wide, stakeholderId: [s.id] }, groupBy: [] })).total,
    ).toBe(2);
  });
});

it('the upsert of an unchanged row leaves the counts alone', async () => {
  const { items } = await pushSome();
  await pushAccepted(t.staff, [items[2]!]);
  await expectCountsRight('Asia/Shanghai');
});
