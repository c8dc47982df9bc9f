import { sql } from 'drizzle-orm';
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

/*
 * Each stakeholder's last contact of ours per channel (`last_contacts`, kept by triggers) against the same found on
 * the raw rows after every kind of write: the latest contact ever, and the instant it counts from.
 */

let handle: DbHandle;
let t: TestOrg;

freshOrgPerTest((h, org) => {
  handle = h;
  t = org;
});

type Kept = Record<string, [number, number]>;

/** Per stakeholder × channel: the latest row of ours ever, and the earliest instant a row at that time counts. */
async function plainLastContacts(orgId: string): Promise<Kept> {
  const rows = await handle.db.all<{ stakeholder_id: string; channel: string; at: number; counts_from: number }>(sql`
    SELECT stakeholder_id, channel, occurred_at AS at,
      CASE WHEN direction = 'outbound' OR channel IN ('phone', 'video', 'in_person') THEN occurred_at
        ELSE max(occurred_at, replied_at) END AS counts_from
    FROM interactions WHERE org_id = ${orgId} AND stakeholder_id IS NOT NULL
      AND deleted = 0 AND automated = 0 AND internal = 0
      AND (direction = 'outbound' OR channel IN ('phone', 'video', 'in_person') OR (wait_start = 1 AND replied_at IS NOT NULL))
    ORDER BY occurred_at DESC, counts_from`);
  const out: Kept = {};
  for (const r of rows) out[`${r.stakeholder_id}|${r.channel}`] ??= [r.at, r.counts_from];
  return out;
}

async function keptLastContacts(orgId: string): Promise<Kept> {
  const rows = await handle.db.all<{ stakeholder_id: string; channel: string; at: number; counts_from: number }>(
    sql`SELECT stakeholder_id, channel, at, counts_from FROM last_contacts WHERE org_id = ${orgId}`,
  );
  return Object.fromEntries(rows.map((r) => [`${r.stakeholder_id}|${r.channel}`, [r.at, r.counts_from]]));
}

async function expectKeptRight(orgId = t.org.id, atLeast = 1) {
  const plain = await plainLastContacts(orgId);
  expect(Object.keys(plain).length).toBeGreaterThanOrEqual(atLeast);
  expect(await keptLastContacts(orgId)).toEqual(plain);
}

/** One stakeholder: an email answered a day later, an unanswered one, a call, an automated and an internal message. */
async function pushSome() {
  const s = await testStakeholder(handle, t, Date.parse('2026-01-01T00:00:00Z'), 'Wang');
  const on = { stakeholderId: s.id, stakeholderType: s.type };
  const items = [
    interactionData({ ...on, occurredAt: '2026-03-09T10:00:00+08:00', threadKey: 'gmail:a' }),
    interactionData({ ...on, occurredAt: '2026-03-10T10:00:00+08:00', threadKey: 'gmail:a', direction: 'outbound' }),
    interactionData({ ...on, occurredAt: '2026-03-11T10:00:00+08:00', threadKey: 'gmail:b' }),
    interactionData({ ...on, occurredAt: '2026-03-08T10:00:00+08:00', threadKey: 'call:c', channel: 'phone' }),
    interactionData({
      ...on,
      occurredAt: '2026-03-12T10:00:00+08:00',
      threadKey: 'gmail:d',
      direction: 'outbound',
      automated: true,
    }),
    interactionData({
      ...on,
      occurredAt: '2026-03-12T11:00:00+08:00',
      threadKey: 'gmail:e',
      direction: 'outbound',
      internal: true,
    }),
  ];
  await pushAccepted(t.staff, items);
  return { s, items };
}

describe('last contacts kept by triggers', () => {
  it('equal the raw rows after pushes, edits and deletes', async () => {
    const { items } = await pushSome();
    await expectKeptRight(t.org.id, 2);
    // The reply moves to the unanswered thread (its inbound counts from the reply), then to another channel.
    await pushAccepted(t.staff, [{ ...items[1]!, threadKey: 'gmail:b', occurredAt: '2026-03-13T10:00:00+08:00' }]);
    await expectKeptRight();
    await pushAccepted(t.staff, [{ ...items[1]!, channel: 'im', threadKey: 'wechat:b' }]);
    await expectKeptRight();
    // The automated message becomes ours; then the reply is deleted and the call moves to a later time.
    await pushAccepted(t.staff, [{ ...items[4]!, automated: false }]);
    await expectKeptRight();
    const res = await t.staff.caller.sync.push({ items: [{ op: 'delete', entity: 'interaction', id: items[1]!.id }] });
    expect(res.rejected).toEqual([]);
    await pushAccepted(t.staff, [{ ...items[3]!, occurredAt: '2026-03-20T10:00:00+08:00' }]);
    await expectKeptRight();
  });

  it('follow a merge, an erasure and any writer in SQL, and stay apart per org', async () => {
    const { s } = await pushSome();
    const partner = await t.manager.caller.directory.create({ name: 'Acme', type: 'partner', identities: [] });
    await pushAccepted(t.staff, [
      interactionData({
        occurredAt: '2026-03-07T10:00:00+08:00',
        stakeholderId: partner.id,
        stakeholderType: 'partner',
        direction: 'outbound',
      }),
    ]);
    await t.manager.caller.directory.merge({ keepId: partner.id, mergeId: s.id });
    await expectKeptRight();
    expect(Object.keys(await keptLastContacts(t.org.id)).every((k) => k.startsWith(`${partner.id}|`))).toBe(true);
    await t.admin.caller.privacy.erase({ stakeholderId: partner.id });
    expect(await keptLastContacts(t.org.id)).toEqual({});
    const { items } = await pushSome();
    await handle.db.run(
      sql`UPDATE interactions SET channel = 'im' WHERE org_id = ${t.org.id} AND id = ${items[1]!.id}`,
    );
    await expectKeptRight();
    await handle.db.run(sql`UPDATE interactions SET replied_at = NULL WHERE org_id = ${t.org.id}`);
    await handle.db.run(sql`DELETE FROM interactions WHERE org_id = ${t.org.id} AND channel = 'phone'`);
    await expectKeptRight();
    const other = await createTestOrg(handle, { timeZone: 'UTC' });
    const elsewhere = await testStakeholder(handle, other, Date.parse('2026-01-01T00:00:00Z'), 'Li');
    await pushAccepted(other.staff, [
      interactionData({ occurredAt: '2026-03-09T09:00:00+08:00', stakeholderId: elsewhere.id, direction: 'outbound' }),
    ]);
    await expectKeptRight(other.org.id);
    await expectKeptRight();
  });
});
