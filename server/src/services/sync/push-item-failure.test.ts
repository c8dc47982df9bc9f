import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ulid } from 'ulid';
import type { DbHandle } from '../../db/client';
import { freshOrgPerTest, interactionData, upsert, type TestOrg } from '../../testing/test-org';
import { ITEM_NOT_STORED } from './item-by-item';

let handle: DbHandle;
let t: TestOrg;
freshOrgPerTest((h, org) => {
  handle = h;
  t = org;
});

/*
 * The test-only seam: a trigger in this test's database that fails the write of one row, as an unexpected
 * database error would. Nothing in the API can create it.
 */
const failWritesOf = (table: 'interactions' | 'followups', threadKey: string) =>
  handle.client.execute(
    `CREATE TRIGGER fail_${table} BEFORE INSERT ON ${table} WHEN NEW.thread_key = '${threadKey}' ` +
      `BEGIN SELECT RAISE(ABORT, 'forced failure for the test'); END`,
  );

let logged: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  logged = vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(() => logged.mockRestore());

const followup = (threadKey: string) => {
  const data = { id: ulid(), dueAt: '2026-03-10T09:00:00+08:00', note: 'call back', threadKey };
  return { op: 'upsert' as const, entity: 'followup' as const, id: data.id, data };
};

describe('sync.push: an unexpected failure rejects only its item', () => {
  it('rejects the item whose write fails with a reason, logs it, and applies the rest of the batch', async () => {
    await failWritesOf('interactions', 'gmail:boom');
    const before = interactionData({ threadKey: 'gmail:a' });
    const boom = interactionData({ threadKey: 'gmail:boom' });
    const after = interactionData({ threadKey: 'gmail:b', direction: 'outbound' });
    const reminder = followup('gmail:a');
    const res = await t.staff.caller.sync.push({ items: [upsert(before), upsert(boom), reminder, upsert(after)] });

    expect(res.rejected).toEqual([{ id: boom.id, reason: ITEM_NOT_STORED }]);
    expect(res.applied.map((a) => a.id).sort()).toEqual([before.id, after.id, reminder.id].sort());
    expect(logged).toHaveBeenCalledWith(expect.stringContaining(boom.id), expect.anything());

    const pulled = await t.admin.caller.sync.pull({ cursor: 0 });
    expect(pulled.interactions.map((i) => i.id).sort()).toEqual([before.id, after.id].sort());
    expect(pulled.followups.map((f) => f.id)).toEqual([reminder.id]);
    expect(res.cursor).toBe(pulled.cursor);
    // The derived fields were written too: the inbound message starts a wait.
    expect(pulled.interactions.find((i) => i.id === before.id)?.waitStart).toBe(true);
  });

  it('keeps the batch rules when it falls back: the last item for an id wins, outcomes after interactions', async () => {
    await failWritesOf('followups', 'gmail:boom');
    const first = interactionData({ threadKey: 'gmail:a', title: 'first' });
    const resolved = {
      op: 'upsert' as const,
      entity: 'thread_outcome' as const,
      id: ulid(),
      data: { threadKey: 'gmail:a', event: 'resolved', at: '2026-03-09T11:00:00+08:00' },
    };
    const boom = followup('gmail:boom');
    const res = await t.staff.caller.sync.push({
      items: [resolved, boom, upsert(first), upsert({ ...first, title: 'second' })],
    });
    expect(res.rejected).toEqual([{ id: boom.id, reason: ITEM_NOT_STORED }]);
    expect(res.applied.map((a) => [a.id, a.entity])).toEqual([
      [first.id, 'interaction'],
      [resolved.id, 'thread_outcome'],
    ]);
    const pulled = await t.admin.caller.sync.pull({ cursor: 0 });
    expect(pulled.interactions.map((i) => i.title)).toEqual(['second']);
    expect(pulled.followups).toEqual([]);
    expect((await t.staff.caller.threads.get({ threadKey: 'gmail:a' })).resolved).toBe(true);
  });

  it('still fails the whole push when the database itself is gone, so that the client retries', async () => {
    const items = [upsert(interactionData())];
    handle.close();
    await expect(t.staff.caller.sync.push({ items })).rejects.toMatchObject({ code: 'INTERNAL_SERVER_ERROR' });
  });
});
