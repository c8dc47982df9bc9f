import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ulid } from 'ulid';
import type { DbHandle } from '../db/client';
import { createTestDb, createTestOrg, interactionData, upsert, type TestOrg } from '../testing/test-org';

let handle: DbHandle;
let t: TestOrg;

beforeEach(async () => {
  handle = await createTestDb();
  t = await createTestOrg(handle);
});
afterEach(() => handle.close());

describe('sync.push', () => {
  it('is idempotent: pushing the same batch twice stores one copy and changes nothing the second time', async () => {
    const items = [
      upsert(interactionData({ externalId: 'm1' })),
      upsert(interactionData({ externalId: 'm2', direction: 'outbound', occurredAt: '2026-03-09T13:00:00+08:00', author: { name: 'Sam', handle: 'sam@us.test' } })),
    ];
    const first = await t.staff.caller.sync.push({ items });
    expect(first.rejected).toEqual([]);
    expect(first.applied.map((a) => a.mergedInto)).toEqual([null, null]);
    const afterFirst = await t.staff.caller.sync.pull({ cursor: 0 });
    const second = await t.staff.caller.sync.push({ items });
    expect(second.rejected).toEqual([]);
    expect(second.cursor).toBe(first.cursor);
    const all = await t.manager.caller.sync.pull({ cursor: 0 });
    expect(all.interactions).toHaveLength(2);
    expect(all.interactions.map((i) => i.seq)).toEqual(afterFirst.interactions.map((i) => i.seq));
  });

  it('merges two users logging the same Gmail message into one interaction', async () => {
    const a = interactionData({ externalId: 'gmail-msg-42' });
    const b = interactionData({ externalId: 'gmail-msg-42', stakeholderId: null });
    const r1 = await t.staff.caller.sync.push({ items: [upsert(a)] });
    const r2 = await t.staff2.caller.sync.push({ items: [upsert(b)] });
    expect(r1.applied[0]).toEqual({ id: a.id, entity: 'interaction', mergedInto: null });
    expect(r2.applied[0]).toEqual({ id: b.id, entity: 'interaction', mergedInto: a.id });
    const all = await t.manager.caller.sync.pull({ cursor: 0 });
    expect(all.interactions.map((i) => i.id)).toEqual([a.id]);
    expect(all.interactions[0]!.userId).toBe(t.staff.user.id);
  });

  it('stores the valid items of a batch and rejects the invalid one by id with a reason naming the field', async () => {
    const good1 = interactionData();
    const bad = interactionData({ occurredAt: 'yesterday' });
    const good2 = interactionData({ direction: 'outbound', occurredAt: '2026-03-09T11:00:00+08:00' });
    const res = await t.staff.caller.sync.push({ items: [upsert(good1), upsert(bad), upsert(good2)] });
    expect(res.applied.map((a) => a.id).sort()).toEqual([good1.id, good2.id].sort());
    expect(res.rejected).toHaveLength(1);
    expect(res.rejected[0]!.id).toBe(bad.id);
    expect(res.rejected[0]!.reason).toMatch(/occurredAt/);
    const mine = await t.staff.caller.sync.pull({ cursor: 0 });
    expect(mine.interactions.map((i) => i.id).sort()).toEqual([good1.id, good2.id].sort());
  });

  it('writes derived response fields on the wait start', async () => {
    const inbound = interactionData({ occurredAt: '2026-03-09T10:00:00+08:00' });
    const reply = interactionData({ direction: 'outbound', occurredAt: '2026-03-09T13:00:00+08:00', author: { name: 'Sam', handle: null } });
    await t.staff.caller.sync.push({ items: [upsert(inbound), upsert(reply)] });
    const { interactions } = await t.staff.caller.sync.pull({ cursor: 0 });
    const start = interactions.find((i) => i.id === inbound.id)!;
    expect(start.waitStart).toBe(true);
    expect(start.repliedAt).toBe('2026-03-09T05:00:00.000Z');
    expect(start.repliedBy).toBe(t.staff.user.id);
    expect(start.responseMs).toBe(3 * 3600_000);
    expect(start.responseWorkMs).toBe(3 * 3600_000);
    expect(start.onTime).toBe('on_time');
    expect(interactions.find((i) => i.id === reply.id)!.waitStart).toBe(false);
  });
});

describe('sync.pull', () => {
  it('gives staff only their own interactions; managers see the org', async () => {
    const mine = interactionData();
    const theirs = interactionData({ threadKey: 'gmail:t2' });
    await t.staff.caller.sync.push({ items: [upsert(mine)] });
    await t.staff2.caller.sync.push({ items: [upsert(theirs)] });
    expect((await t.staff.caller.sync.pull({ cursor: 0 })).interactions.map((i) => i.id)).toEqual([mine.id]);
    expect((await t.manager.caller.sync.pull({ cursor: 0 })).interactions.map((i) => i.id).sort()).toEqual([mine.id, theirs.id].sort());
  });

  it('pages by cursor', async () => {
    const items = Array.from({ length: 5 }, (_, n) => upsert(interactionData({ id: ulid(), threadKey: `gmail:p${n}` })));
    await t.staff.caller.sync.push({ items });
    const seen: string[] = [];
    let cursor = 0;
    for (let guard = 0; guard < 10; guard++) {
      const page = await t.staff.caller.sync.pull({ cursor, limit: 2 });
      seen.push(...page.interactions.map((i) => i.id));
      cursor = page.cursor;
      if (!page.hasMore) break;
    }
    expect(seen.sort()).toEqual(items.map((i) => i.id).sort());
    expect((await t.staff.caller.sync.pull({ cursor })).interactions).toEqual([]);
  });
});
