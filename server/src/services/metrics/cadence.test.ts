import { sql } from 'drizzle-orm';
import { channels, liveChannels } from '@comms-log/shared';
import { describe, expect, it } from 'vitest';
import type { DbHandle } from '../../db/client';
import {
  cadenceInputsOfListOwner,
  cadenceInputsOfScope,
  lastInboundOutbound,
  type LastContact,
} from '../../db/queries/cadence';
import { inList, int } from '../../db/sql-values';
import { freshOrgPerTest, interactionData, pushAccepted, testStakeholder, type TestOrg } from '../../testing/test-org';

/*
 * The last contact of ours per stakeholder and channel is read by one index seek per pair; these tests compare it
 * with the plain way, grouping every counted row of the org, over a history mixing every case cadence tells apart.
 */

let handle: DbHandle;
let t: TestOrg;

freshOrgPerTest((h, org) => {
  handle = h;
  t = org;
});

const created = Date.parse('2026-01-01T00:00:00+08:00');
const HOUR = 3_600_000;
const at0 = Date.parse('2026-03-01T09:00:00+08:00');

/** The plain way: every counted row of the org's active stakeholders, grouped. */
async function groupedLastContacts(atMs: number): Promise<LastContact[]> {
  const rows = await handle.db.all<{ stakeholder_id: string; channel: LastContact['channel']; at: number }>(sql`
    SELECT i.stakeholder_id, i.channel, max(i.occurred_at) AS at FROM interactions i
    WHERE i.org_id = ${t.org.id} AND i.stakeholder_id IN (SELECT s.id FROM stakeholders s WHERE s.org_id = ${t.org.id} AND s.active = 1)
      AND i.deleted = 0 AND i.automated = 0 AND i.internal = 0 AND i.occurred_at <= ${int(atMs)}
      AND (i.direction = 'outbound' OR i.channel IN (${inList(liveChannels)}) OR (i.wait_start = 1 AND i.replied_at <= ${int(atMs)}))
    GROUP BY i.stakeholder_id, i.channel`);
  return rows.map((r) => ({ stakeholderId: r.stakeholder_id, channel: r.channel, atMs: r.at }));
}

const sorted = (list: LastContact[]) =>
  [...list].sort((a, b) => `${a.stakeholderId}|${a.channel}`.localeCompare(`${b.stakeholderId}|${b.channel}`));

/** Four stakeholders (one inactive) with messages of every channel, direction and kind over 30 days. */
async function seedHistory() {
  const people = [
    await testStakeholder(handle, t, created, 'Alpha Co'),
    await testStakeholder(handle, t, created, 'Beta Co', { type: 'partner', tier: 'core' }),
    await testStakeholder(handle, t, created, 'Gamma Co', { ownerUserId: null }),
    await testStakeholder(handle, t, created, 'Gone Co', { active: false }),
  ];
  const items: Record<string, unknown>[] = [];
  let n = 0;
  for (let day = 0; day < 30; day++)
    for (const [k, p] of people.entries()) {
      n++;
      const channel = channels[(day + k) % channels.length]!;
      const base = at0 + day * 24 * HOUR + k * HOUR;
      const thread = `gmail:${p.id}-${day}`;
      const common = { threadKey: thread, stakeholderId: p.id, stakeholderType: p.type, channel };
      items.push(interactionData({ ...common, occurredAt: new Date(base).toISOString() }));
      // Every other inbound is answered, some only days later (after some of the instants asked).
      if (n % 2 === 0)
        items.push(
          interactionData({
            ...common,
            direction: 'outbound',
            occurredAt: new Date(base + (n % 3) * 50 * HOUR).toISOString(),
            automated: n % 5 === 0,
            internal: n % 7 === 0,
          }),
        );
    }
  await pushAccepted(t.staff, items);
  // A deleted reply must not count either.
  const reply = items.find((i) => i.direction === 'outbound' && !i.automated && !i.internal)!;
  await t.staff.caller.sync.push({ items: [{ op: 'delete', entity: 'interaction', id: reply.id as string }] });
  return people;
}

describe('last contacts of ours by index seeks', () => {
  it('equal the grouped read at instants before, within and after the history', async () => {
    await seedHistory();
    for (const days of [-1, 3, 10, 17.5, 29, 40]) {
      const atMs = at0 + days * 24 * HOUR;
      const expected = sorted(await groupedLastContacts(atMs));
      const { contacts } = await cadenceInputsOfScope(handle.db, t.org.id, { ownedBy: null }, atMs);
      expect(sorted(contacts)).toEqual(expected);
      if (days >= 10) expect(expected.length).toBeGreaterThan(4);
    }
  });

  it('equal the grouped read for a scope and for a follow-ups list', async () => {
    const people = await seedHistory();
    const atMs = at0 + 20 * 24 * HOUR;
    const all = sorted(await groupedLastContacts(atMs));
    const partners = await cadenceInputsOfScope(
      handle.db,
      t.org.id,
      { ownedBy: null, stakeholderType: ['partner'] },
      atMs,
    );
    expect(sorted(partners.contacts)).toEqual(all.filter((c) => c.stakeholderId === people[1]!.id));
    const team = await cadenceInputsOfListOwner(handle.db, t.org.id, null, atMs);
    expect(sorted(team.contacts)).toEqual(all);
  });

  it('read the stakeholders packed as JSON exactly as a plain select of their rows', async () => {
    await seedHistory();
    await testStakeholder(handle, t, created + 1, 'Quote "Co" \\ 客户 🚀', {
      cadenceOverride: { idealDays: 3, maxDays: 9 },
      ownerUserId: null,
    });
    const plain = await handle.db.all<{
      id: string;
      name: string;
      type: string;
      tier: string;
      owner_user_id: string | null;
      cadence_ideal_days: number | null;
      cadence_max_days: number | null;
      created_at: number;
    }>(sql`SELECT * FROM stakeholders WHERE org_id = ${t.org.id} AND active = 1 ORDER BY id`);
    const { people } = await cadenceInputsOfScope(handle.db, t.org.id, { ownedBy: null }, at0);
    expect([...people].sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      plain.map((r) => ({
        id: r.id,
        name: r.name,
        type: r.type,
        tier: r.tier,
        ownerUserId: r.owner_user_id,
        cadenceOverride:
          r.cadence_ideal_days === null ? null : { idealDays: r.cadence_ideal_days, maxDays: r.cadence_max_days },
        createdAtMs: r.created_at,
      })),
    );
    expect(people.some((p) => p.name === 'Quote "Co" \\ 客户 🚀' && p.cadenceOverride?.maxDays === 9)).toBe(true);
  });

  it("read each stakeholder's last inbound and outbound as grouping their histories does", async () => {
    const people = await seedHistory();
    const silent = await testStakeholder(handle, t, created, 'Silent Co');
    const ids = [...people.map((p) => p.id), silent.id];
    for (const days of [-1, 3, 17.5, 40]) {
      const atMs = at0 + days * 24 * HOUR;
      const grouped = await handle.db.all<{
        stakeholder_id: string;
        last_in: number | null;
        last_out: number | null;
      }>(sql`
        SELECT i.stakeholder_id, max(CASE WHEN i.direction = 'inbound' THEN i.occurred_at END) AS last_in,
          max(CASE WHEN i.direction = 'outbound' THEN i.occurred_at END) AS last_out
        FROM interactions i
        WHERE i.org_id = ${t.org.id} AND i.stakeholder_id IN (${inList(ids)})
          AND i.deleted = 0 AND i.automated = 0 AND i.internal = 0 AND i.occurred_at <= ${int(atMs)}
        GROUP BY i.stakeholder_id`);
      const expected = new Map(grouped.map((r) => [r.stakeholder_id, { lastIn: r.last_in, lastOut: r.last_out }]));
      expect(await lastInboundOutbound(handle.db, t.org.id, ids, atMs)).toEqual(expected);
      if (days >= 17.5) expect(expected.size).toBe(people.length);
    }
  });
});
