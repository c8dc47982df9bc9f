import { describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/client';
import { createTestOrg, freshOrgPerTest, interactionData, pushAccepted, type TestOrg } from '../testing/test-org';

let handle: DbHandle;
let t: TestOrg;

freshOrgPerTest((h, org) => {
  handle = h;
  t = org;
});

/** A complaint thread logged by staff: their inbound at 10:00, our reply at 11:00 (Shanghai), 9 March 2026. */
async function complaintThread(threadKey = 'gmail:complaint-1') {
  await pushAccepted(t.staff, [
    interactionData({ threadKey, occurredAt: '2026-03-09T10:00:00+08:00', purpose: 'complaint' }),
    interactionData({
      threadKey,
      direction: 'outbound',
      occurredAt: '2026-03-09T11:00:00+08:00',
      author: { name: 'Sam', handle: 'sam@us.test' },
    }),
  ]);
  return threadKey;
}

/** What a refused call must leave unchanged: the thread's history and the org's change sequence. */
async function unchanged(threadKey: string) {
  const [detail, pulled] = await Promise.all([
    t.manager.caller.threads.get({ threadKey }),
    t.manager.caller.sync.pull({ cursor: 0 }),
  ]);
  return { events: detail.events, cursor: pulled.cursor };
}

describe('threads.resolve / reopen / get', () => {
  it('resolves, reopens and resolves again, keeping who, when and the note', async () => {
    const threadKey = await complaintThread();
    const opened = await t.staff.caller.threads.get({ threadKey });
    expect(opened).toMatchObject({ openedAt: '2026-03-09T02:00:00.000Z', resolved: false, resolvedAt: null });
    expect(opened.events).toEqual([]);

    const resolved = await t.staff.caller.threads.resolve({
      threadKey,
      resolvedAt: '2026-03-09T12:00:00+08:00',
      note: 'Refund sent',
    });
    expect(resolved).toMatchObject({ resolved: true, resolvedAt: '2026-03-09T04:00:00.000Z' });
    expect(resolved.events).toMatchObject([
      {
        event: 'resolved',
        at: '2026-03-09T04:00:00.000Z',
        userId: t.staff.user.id,
        userName: 'Sam',
        note: 'Refund sent',
      },
    ]);

    const reopened = await t.manager.caller.threads.reopen({ threadKey, reopenedAt: '2026-03-10T09:00:00+08:00' });
    expect(reopened).toMatchObject({ resolved: false, resolvedAt: null });
    const again = await t.staff.caller.threads.resolve({ threadKey, resolvedAt: '2026-03-11T09:00:00+08:00' });
    expect(again).toMatchObject({ resolved: true, resolvedAt: '2026-03-11T01:00:00.000Z' });
    expect(again.events.map((e) => [e.event, e.userName, e.note])).toEqual([
      ['resolved', 'Sam', 'Refund sent'],
      ['reopened', 'Mia', null],
      ['resolved', 'Sam', null],
    ]);
  });

  it('reopens now when no time is given', async () => {
    const threadKey = await complaintThread();
    await t.staff.caller.threads.resolve({ threadKey, resolvedAt: '2026-03-09T12:00:00+08:00' });
    const before = Date.now();
    const reopened = await t.staff.caller.threads.reopen({ threadKey });
    const at = Date.parse(reopened.events[1]!.at);
    expect(at).toBeGreaterThanOrEqual(before - 1);
    expect(at).toBeLessThanOrEqual(Date.now());
  });

  it('refuses bad outcomes with a clear error and changes nothing', async () => {
    const threadKey = await complaintThread();
    const s = t.staff.caller.threads;
    const before = await unchanged(threadKey);

    await expect(s.resolve({ threadKey: 'gmail:nope', resolvedAt: '2026-03-09T12:00:00+08:00' })).rejects.toMatchObject(
      {
        code: 'NOT_FOUND',
        message: expect.stringContaining('No conversation gmail:nope in your org'),
      },
    );
    await expect(s.resolve({ threadKey, resolvedAt: '2099-01-01T00:00:00Z' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('cannot be resolved in the future'),
    });
    await expect(s.resolve({ threadKey, resolvedAt: '2026-03-09T09:59:00+08:00' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining("is before the conversation's first message (2026-03-09T02:00:00.000Z)"),
    });
    await expect(s.reopen({ threadKey })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('not resolved'),
    });
    await expect(
      s.resolve({ threadKey, resolvedAt: '2026-03-09T12:00:00+08:00', extra: 1 } as never),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(await unchanged(threadKey)).toEqual(before);

    await s.resolve({ threadKey, resolvedAt: '2026-03-09T12:00:00+08:00' });
    const resolved = await unchanged(threadKey);
    await expect(s.resolve({ threadKey, resolvedAt: '2026-03-09T13:00:00+08:00' })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('already resolved (2026-03-09T04:00:00.000Z): reopen it first'),
    });
    await expect(s.reopen({ threadKey, reopenedAt: '2026-03-09T11:30:00+08:00' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('is before the resolution it reopens'),
    });
    expect(await unchanged(threadKey)).toEqual(resolved);

    await s.reopen({ threadKey, reopenedAt: '2026-03-10T09:00:00+08:00' });
    await expect(s.resolve({ threadKey, resolvedAt: '2026-03-09T15:00:00+08:00' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('is before it was reopened'),
    });
  });

  it('lets staff act on threads they logged in, managers on any of the org', async () => {
    const threadKey = await complaintThread();
    const at = { threadKey, resolvedAt: '2026-03-09T12:00:00+08:00' };
    await expect(t.staff2.caller.threads.resolve(at)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(t.staff2.caller.threads.get({ threadKey })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await t.manager.caller.threads.resolve(at)).resolved).toBe(true);
    expect((await t.admin.caller.threads.reopen({ threadKey })).resolved).toBe(false);
    const now = new Date().toISOString();
    expect((await t.staff.caller.threads.resolve({ threadKey, resolvedAt: now })).events).toHaveLength(3);
  });

  it('knows only the threads of the caller’s org', async () => {
    const threadKey = await complaintThread();
    const other = await createTestOrg(handle);
    await expect(
      other.manager.caller.threads.resolve({ threadKey, resolvedAt: '2026-03-09T12:00:00+08:00' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
