import { describe, expect, it, vi } from 'vitest';
import { ulid } from 'ulid';
import type { DbHandle } from '../db/client';
import { ITEM_NOT_STORED } from '../services/sync/item-by-item';
import { createTestOrg, freshOrgPerTest, interactionData, upsert, type TestOrg } from '../testing/test-org';

let handle: DbHandle;
let t: TestOrg;

freshOrgPerTest((h, org) => {
  handle = h;
  t = org;
});

describe('sync.push', () => {
  it('is idempotent: pushing the same batch twice stores one copy and changes nothing the second time', async () => {
    const items = [
      upsert(interactionData({ externalId: 'm1' })),
      upsert(
        interactionData({
          externalId: 'm2',
          direction: 'outbound',
          occurredAt: '2026-03-09T13:00:00+08:00',
          author: { name: 'Sam', handle: 'sam@us.test' },
        }),
      ),
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
    const reply = interactionData({
      direction: 'outbound',
      occurredAt: '2026-03-09T13:00:00+08:00',
      author: { name: 'Sam', handle: null },
    });
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
    expect((await t.manager.caller.sync.pull({ cursor: 0 })).interactions.map((i) => i.id).sort()).toEqual(
      [mine.id, theirs.id].sort(),
    );
  });

  it('pages by cursor', async () => {
    const items = Array.from({ length: 5 }, (_, n) =>
      upsert(interactionData({ id: ulid(), threadKey: `gmail:p${n}` })),
    );
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

describe('sync.push rules', () => {
  it('does not let staff change or delete someone else’s interaction; managers may', async () => {
    const a = interactionData();
    await t.staff.caller.sync.push({ items: [upsert(a)] });
    const edit = await t.staff2.caller.sync.push({ items: [upsert({ ...a, title: 'hijacked' })] });
    expect(edit.rejected).toEqual([{ id: a.id, reason: 'you can only change interactions you logged' }]);
    const del = await t.staff2.caller.sync.push({ items: [{ op: 'delete', entity: 'interaction', id: a.id }] });
    expect(del.rejected[0]!.reason).toMatch(/only delete/);
    const byManager = await t.manager.caller.sync.push({ items: [upsert({ ...a, title: 'Fixed title' })] });
    expect(byManager.rejected).toEqual([]);
    const [row] = (await t.staff.caller.sync.pull({ cursor: 0 })).interactions;
    expect(row).toMatchObject({ title: 'Fixed title', userId: t.staff.user.id });
  });

  it('deletes as a tombstone that pull reports, and clears the wait it started', async () => {
    const a = interactionData();
    await t.staff.caller.sync.push({ items: [upsert(a)] });
    const { cursor, interactions } = await t.staff.caller.sync.pull({ cursor: 0 });
    expect(interactions[0]!.waitStart).toBe(true);
    await t.staff.caller.sync.push({ items: [{ op: 'delete', entity: 'interaction', id: a.id }] });
    const changes = await t.staff.caller.sync.pull({ cursor });
    expect(changes.interactions).toHaveLength(1);
    expect(changes.interactions[0]).toMatchObject({ id: a.id, deleted: true, waitStart: false });
  });

  it('counts a logged call with the stakeholder as the reply to an email wait (cross-channel)', async () => {
    const s = await t.staff.caller.directory.create({ name: 'Acme', type: 'customer' });
    const email = interactionData({ stakeholderId: s.id, occurredAt: '2026-03-09T10:00:00+08:00' });
    await t.staff.caller.sync.push({ items: [upsert(email)] });
    const call = interactionData({
      source: 'manual',
      threadKey: 'manual:call-1',
      channel: 'phone',
      direction: 'outbound',
      stakeholderId: s.id,
      occurredAt: '2026-03-09T11:30:00+08:00',
      author: { name: 'Tao', handle: null },
      durationMin: 12,
    });
    await t.staff2.caller.sync.push({ items: [upsert(call)] });
    const row = (await t.manager.caller.sync.pull({ cursor: 0 })).interactions.find((i) => i.id === email.id)!;
    expect(row).toMatchObject({
      waitStart: true,
      repliedBy: t.staff2.user.id,
      responseMs: 90 * 60_000,
      onTime: 'on_time',
    });
    // Deleting the call reopens the wait.
    await t.staff2.caller.sync.push({ items: [{ op: 'delete', entity: 'interaction', id: call.id }] });
    const reopened = (await t.manager.caller.sync.pull({ cursor: 0 })).interactions.find((i) => i.id === email.id)!;
    expect(reopened).toMatchObject({ repliedAt: null, repliedBy: null, responseMs: null });
  });

  it('stores the acceptance scenario’s figures: a Friday-evening wait answered Monday is 3 working hours, 66 calendar hours', async () => {
    const fri1 = interactionData({ threadKey: 'gmail:fri', occurredAt: '2026-03-13T17:00:00+08:00' });
    const fri2 = interactionData({ threadKey: 'gmail:fri', occurredAt: '2026-03-13T17:30:00+08:00' });
    const mon = interactionData({
      threadKey: 'gmail:fri',
      direction: 'outbound',
      occurredAt: '2026-03-16T11:00:00+08:00',
    });
    const tue = interactionData({ threadKey: 'gmail:tue', occurredAt: '2026-03-10T09:00:00+08:00' });
    await t.staff.caller.sync.push({ items: [upsert(fri2), upsert(mon), upsert(fri1), upsert(tue)] });
    const rows = (await t.staff.caller.sync.pull({ cursor: 0 })).interactions;
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(fri1.id)).toMatchObject({
      waitStart: true,
      responseMs: 66 * 3600_000,
      responseWorkMs: 3 * 3600_000,
      onTime: 'on_time',
    });
    expect(byId.get(fri2.id)!.waitStart).toBe(false);
    // Unanswered and long past its 4-working-hour deadline: late when read.
    expect(byId.get(tue.id)).toMatchObject({ waitStart: true, repliedAt: null, onTime: 'late' });
  });

  it('rejects an id used by another org instead of overwriting it', async () => {
    const otherOrg = await createTestOrg(handle);
    const a = interactionData();
    await t.staff.caller.sync.push({ items: [upsert(a)] });
    const res = await otherOrg.staff.caller.sync.push({ items: [upsert(a)] });
    expect(res.rejected[0]!.reason).toMatch(/already used/);
    expect((await otherOrg.manager.caller.sync.pull({ cursor: 0 })).interactions).toEqual([]);
  });

  it('refuses more than 500 items', async () => {
    const items = Array.from({ length: 501 }, () => upsert(interactionData()));
    await expect(t.staff.caller.sync.push({ items })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('applies a batch atomically: a failure while writing leaves nothing of the failed attempt behind', async () => {
    const a = interactionData({ threadKey: 'gmail:atomic' });
    const b = interactionData({
      threadKey: 'gmail:atomic',
      direction: 'outbound',
      occurredAt: '2026-03-09T11:00:00+08:00',
    });
    const f = { id: ulid(), dueAt: '2026-03-20T09:00:00+08:00' };
    // Follow-ups are written after the interactions: failing there undoes the interactions already written, then the
    // items apply one by one (docs/sync.md "Atomicity") and only the follow-up is rejected.
    await handle.client.execute(
      "CREATE TRIGGER fail_followup BEFORE INSERT ON followups BEGIN SELECT RAISE(ABORT, 'boom'); END",
    );
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const failed = await t.staff.caller.sync.push({
      items: [upsert(a), upsert(b), { op: 'upsert', entity: 'followup', id: f.id, data: f }],
    });
    logged.mockRestore();
    expect(failed.rejected).toEqual([{ id: f.id, reason: ITEM_NOT_STORED }]);
    await handle.client.execute('DROP TRIGGER fail_followup');
    const first = await t.manager.caller.sync.pull({ cursor: 0 });
    // Each interaction once, and the failed attempt (and the failed follow-up) took no change-sequence numbers: a, then
    // b, then a again as b answers it — three.
    expect(first.interactions.map((i) => i.id).sort()).toEqual([a.id, b.id].sort());
    expect(first.cursor).toBe(3);
    expect(first.followups).toEqual([]);
    expect(failed.cursor).toBe(first.cursor);
    const again = await t.staff.caller.sync.push({
      items: [upsert(a), upsert(b), { op: 'upsert', entity: 'followup', id: f.id, data: f }],
    });
    expect(again.rejected).toEqual([]);
    const pulled = await t.manager.caller.sync.pull({ cursor: 0 });
    expect(pulled.interactions).toHaveLength(2);
    expect(pulled.followups.map((x) => x.id)).toEqual([f.id]);
    // The cursor a push returns is the change counter it leaves (interactions and follow-ups both reserved numbers).
    expect(again.cursor).toBe(pulled.cursor);
    expect(again.cursor).toBe(
      Math.max(...pulled.interactions.map((i) => i.seq), ...pulled.followups.map((x) => x.seq)),
    );
  });
});

describe('follow-ups through sync', () => {
  const followup = (over: Record<string, unknown> = {}) => ({
    id: ulid(),
    dueAt: '2026-03-20T09:00:00+08:00',
    note: 'Call back about the invoice',
    ...over,
  });

  it('upserts, pulls and deletes follow-ups, only the owner’s for staff', async () => {
    const f = followup();
    const res = await t.staff.caller.sync.push({ items: [{ op: 'upsert', entity: 'followup', id: f.id, data: f }] });
    expect(res.applied).toEqual([{ id: f.id, entity: 'followup', mergedInto: null }]);
    const pulled = await t.staff.caller.sync.pull({ cursor: 0 });
    expect(pulled.followups).toEqual([
      expect.objectContaining({
        id: f.id,
        note: f.note,
        status: 'open',
        dueAt: '2026-03-20T01:00:00.000Z',
        userId: t.staff.user.id,
        deleted: false,
      }),
    ]);
    expect((await t.staff2.caller.sync.pull({ cursor: 0 })).followups).toEqual([]);
    const steal = await t.staff2.caller.sync.push({
      items: [{ op: 'upsert', entity: 'followup', id: f.id, data: { ...f, status: 'done' } }],
    });
    expect(steal.rejected[0]!.reason).toMatch(/your own follow-ups/);
    await t.staff.caller.sync.push({ items: [{ op: 'delete', entity: 'followup', id: f.id }] });
    const after = await t.staff.caller.sync.pull({ cursor: pulled.cursor });
    expect(after.followups[0]).toMatchObject({ id: f.id, deleted: true });
  });

  it('rejects an invalid follow-up by id with the field', async () => {
    const f = followup({ dueAt: 'soon' });
    const res = await t.staff.caller.sync.push({ items: [{ op: 'upsert', entity: 'followup', id: f.id, data: f }] });
    expect(res.rejected).toEqual([{ id: f.id, reason: expect.stringContaining('dueAt') }]);
  });
});
