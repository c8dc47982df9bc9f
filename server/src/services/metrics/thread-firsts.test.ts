import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { DbHandle } from '../../db/client';
import { resolutionThreadRows } from '../../db/queries/evaluation-metrics';
import {
  createTestOrg,
  freshOrgPerTest,
  interactionData,
  pushAccepted,
  testStakeholder,
  type TestOrg,
} from '../../testing/test-org';

/*
 * Each thread's first live message (`thread_firsts`, docs/metrics.md "Roll-ups") against the same found on the raw
 * rows after every kind of write, and the readers of threads opened in a period against the test they replaced
 * (no earlier live message in the thread).
 */

let handle: DbHandle;
let t: TestOrg;

freshOrgPerTest((h, org) => {
  handle = h;
  t = org;
});

type Firsts = Record<string, [string, number]>;

/** The first live message of each thread, by time then id, found on the raw rows. */
async function plainFirsts(orgId: string): Promise<Firsts> {
  const rows = await handle.db.all<{ thread_key: string; id: string; occurred_at: number }>(sql`
    SELECT thread_key, id, occurred_at FROM interactions WHERE org_id = ${orgId} AND deleted = 0 ORDER BY occurred_at, id`);
  const out: Firsts = {};
  for (const r of rows) out[r.thread_key] ??= [r.id, r.occurred_at];
  return out;
}

async function storedFirsts(orgId: string): Promise<Firsts> {
  const rows = await handle.db.all<{ thread_key: string; first_id: string; first_at: number }>(
    sql`SELECT thread_key, first_id, first_at FROM thread_firsts WHERE org_id = ${orgId}`,
  );
  return Object.fromEntries(rows.map((r) => [r.thread_key, [r.first_id, r.first_at]]));
}

async function expectFirstsRight(orgId = t.org.id) {
  const plain = await plainFirsts(orgId);
  expect(Object.keys(plain).length).toBeGreaterThan(0);
  expect(await storedFirsts(orgId)).toEqual(plain);
}

/** Three threads, one of two messages at the same instant (the id decides), by two people. */
async function pushSome() {
  const s = await testStakeholder(handle, t, Date.parse('2026-01-01T00:00:00Z'), 'Wang');
  const items = [
    interactionData({ id: '01J00000000000000000000002', occurredAt: '2026-03-09T10:00:00+08:00', stakeholderId: s.id }),
    interactionData({
      id: '01J00000000000000000000001',
      occurredAt: '2026-03-09T10:00:00+08:00',
      direction: 'outbound',
    }),
    interactionData({ occurredAt: '2026-03-10T09:00:00+08:00', threadKey: 'gmail:t2', stakeholderId: s.id }),
    interactionData({ occurredAt: '2026-03-11T09:00:00+08:00', threadKey: 'gmail:t2', channel: 'phone' }),
  ];
  await pushAccepted(t.staff, items);
  const other = interactionData({
    occurredAt: '2026-03-12T09:00:00+08:00',
    threadKey: 'gmail:t3',
    purpose: 'complaint',
  });
  await pushAccepted(t.staff2, [other]);
  return { s, items, other };
}

describe('thread firsts', () => {
  it('equal the raw rows after pushes, edits that move the first message, and deletes', async () => {
    const { items } = await pushSome();
    await expectFirstsRight();
    expect((await storedFirsts(t.org.id))['gmail:t1']?.[0]).toBe('01J00000000000000000000001');
    // The first of t2 moves after the second; then the first of t1 is deleted, then every message of t3.
    await pushAccepted(t.staff, [{ ...items[2]!, occurredAt: '2026-03-12T09:00:00+08:00' }]);
    await expectFirstsRight();
    expect((await storedFirsts(t.org.id))['gmail:t2']?.[0]).toBe(items[3]!.id);
    const res = await t.staff.caller.sync.push({ items: [{ op: 'delete', entity: 'interaction', id: items[1]!.id }] });
    expect(res.rejected).toEqual([]);
    await expectFirstsRight();
    // An earlier message pushed later becomes the first.
    await pushAccepted(t.staff, [interactionData({ occurredAt: '2026-03-01T09:00:00+08:00', threadKey: 'gmail:t2' })]);
    await expectFirstsRight();
  });

  it('follow a merge, an erasure and any writer in SQL, and stay apart per org', async () => {
    const { s } = await pushSome();
    const partner = await t.manager.caller.directory.create({ name: 'Acme', type: 'partner', identities: [] });
    await pushAccepted(t.staff, [
      interactionData({ occurredAt: '2026-03-08T10:00:00+08:00', stakeholderId: partner.id }),
    ]);
    await t.manager.caller.directory.merge({ keepId: partner.id, mergeId: s.id });
    await expectFirstsRight();
    await t.admin.caller.privacy.erase({ stakeholderId: partner.id });
    expect(await storedFirsts(t.org.id)).toEqual(await plainFirsts(t.org.id));
    await handle.db.run(sql`UPDATE interactions SET thread_key = 'gmail:t1' WHERE org_id = ${t.org.id}`);
    await expectFirstsRight();
    await handle.db.run(sql`UPDATE interactions SET deleted = 1 WHERE org_id = ${t.org.id} AND channel = 'phone'`);
    await handle.db.run(sql`DELETE FROM interactions WHERE org_id = ${t.org.id} AND direction = 'outbound'`);
    await expectFirstsRight();
    const other = await createTestOrg(handle, { timeZone: 'UTC' });
    await pushAccepted(other.staff, [interactionData({ occurredAt: '2026-03-09T09:00:00+08:00' })]);
    await expectFirstsRight(other.org.id);
    await expectFirstsRight();
  });

  it('are left alone by an upsert of an unchanged row, and a zone change does not touch them', async () => {
    const { items } = await pushSome();
    const before = await storedFirsts(t.org.id);
    await pushAccepted(t.staff, [items[0]!]);
    await t.admin.caller.settings.update({ timeZone: 'Europe/London' });
    expect(await storedFirsts(t.org.id)).toEqual(before);
    await expectFirstsRight();
  });
});

/** The threads opened in `[from, to)` as the readers counted them before `thread_firsts`. */
async function plainOpened(from: string, to: string, where = sql`1 = 1`): Promise<number> {
  return (await plainOpenedIds(from, to, where)).length;
}

async function plainOpenedIds(from: string, to: string, where = sql`1 = 1`): Promise<string[]> {
  const rows = await handle.db.all<{ id: string }>(sql`
    SELECT i.id FROM interactions i WHERE i.org_id = ${t.org.id} AND i.deleted = 0
      AND i.occurred_at >= ${Date.parse(from)} AND i.occurred_at < ${Date.parse(to)} AND ${where}
      AND NOT EXISTS (SELECT 1 FROM interactions e WHERE e.org_id = i.org_id AND e.thread_key = i.thread_key
        AND e.deleted = 0 AND (e.occurred_at < i.occurred_at OR (e.occurred_at = i.occurred_at AND e.id < i.id)))
    ORDER BY i.id`);
  return rows.map((r) => r.id);
}

describe('the opened-threads readers over thread firsts', () => {
  it('count, list and page the threads the old test found', async () => {
    await pushSome();
    await pushAccepted(t.staff, [interactionData({ occurredAt: '2026-03-13T09:00:00+08:00', threadKey: 'gmail:t4' })]);
    const from = '2026-03-09T10:00:00+08:00';
    const to = '2026-03-13T09:00:00+08:00';
    const all = await t.manager.caller.metrics.threads({ filter: { from, to }, limit: 2 });
    expect(all.total).toBe(await plainOpened(from, to));
    expect(all.total).toBe(3);
    // Counted on the index alone without a filter; through the first messages with one that keeps every thread.
    const states = ['open', 'resolved', 'reopened'] as const;
    expect((await t.manager.caller.metrics.threads({ filter: { from, to }, state: [...states], limit: 2 })).total).toBe(
      3,
    );
    const next = await t.manager.caller.metrics.threads({ filter: { from, to }, limit: 2, cursor: all.nextCursor! });
    expect([...all.items, ...next.items].map((i) => i.threadKey)).toEqual(['gmail:t3', 'gmail:t2', 'gmail:t1']);
    expect(next.nextCursor).toBeNull();
    const phone = await t.manager.caller.metrics.threads({ filter: { from, to, channel: ['email'] }, limit: 50 });
    expect(phone.total).toBe(await plainOpened(from, to, sql`i.channel = 'email'`));
    const mine = await t.staff2.caller.metrics.threads({ filter: { from, to }, limit: 50 });
    expect(mine.items.map((i) => i.threadKey)).toEqual(['gmail:t3']);
    // The resolution figures' read (period report, goals) finds the same first messages, with a type filter too.
    const read = async (f: object) =>
      (await resolutionThreadRows(handle.db, t.org.id, { from, to, ...f })).map((r) => r.id).sort();
    expect(await read({})).toEqual(await plainOpenedIds(from, to));
    expect(await read({ stakeholderType: ['customer'] })).toEqual(
      await plainOpenedIds(from, to, sql`i.stakeholder_type = 'customer'`),
    );
    // The thread_firsts rows are what the readers read: a row taken away behind the triggers' back is not counted.
    await handle.db.run(sql`DELETE FROM thread_firsts WHERE org_id = ${t.org.id} AND thread_key = 'gmail:t3'`);
    expect((await t.manager.caller.metrics.threads({ filter: { from, to }, limit: 50 })).total).toBe(2);
  });
});
