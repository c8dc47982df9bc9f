import { describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/client';
import { freshOrgPerTest, interactionData, pushAccepted, testStakeholder, type TestOrg } from '../testing/test-org';

let handle: DbHandle;
let t: TestOrg;

freshOrgPerTest((h, org) => {
  handle = h;
  t = org;
});

/*
 * A closure recorded afterwards (docs/metrics.md "On time"): the wait is open until the time given, so the
 * follow-ups list and the response figures agree on it at every `asOf`.
 */

const day = { from: '2026-03-16T00:00:00+08:00', to: '2026-03-17T00:00:00+08:00' };

/** Acme's email at Monday 10:00 (4 working hours: due 14:00), closed at 16:00 that day but recorded later. */
async function backdatedClosure() {
  const acme = await testStakeholder(handle, t, Date.parse('2026-01-01T00:00:00+08:00'), 'Acme', {
    ownerUserId: t.staff.user.id,
  });
  const wait = interactionData({
    threadKey: 'gmail:backdated',
    occurredAt: '2026-03-16T10:00:00+08:00',
    stakeholderId: acme.id,
  });
  await pushAccepted(t.staff, [wait]);
  await t.staff.caller.followups.closeWait({
    interactionId: wait.id,
    reason: 'Answered by phone from home',
    closedAt: '2026-03-16T16:00:00+08:00',
  });
  return wait;
}

async function viewsAt(asOf: string, id: string) {
  const list = await t.staff.caller.followups.overdue({ asOf });
  const listed = list.items.find((i) => i.id === id);
  const figures = await t.manager.caller.metrics.responseTimes({ filter: { ...day, userId: [t.staff.user.id] }, asOf });
  const drill = await t.manager.caller.metrics.interactions({ filter: day, waitsOnly: true, asOf });
  return {
    listed: listed?.kind === 'wait' ? listed.state : null,
    total: figures.total,
    status: drill.items.find((i) => i.id === id)?.status,
  };
}

describe('followups.closeWait with closedAt', () => {
  it('is open before the closure time and closed after it, in the list and the figures alike', async () => {
    const wait = await backdatedClosure();
    const beforeDeadline = await viewsAt('2026-03-16T12:30:00+08:00', wait.id);
    expect(beforeDeadline.listed).toBe('due_soon');
    expect(beforeDeadline.status).toBe('pending');
    expect(beforeDeadline.total).toMatchObject({ waits: 1, pending: 1, late: 0, closed: 0 });

    const pastDeadline = await viewsAt('2026-03-16T15:00:00+08:00', wait.id);
    expect(pastDeadline.listed).toBe('late');
    expect(pastDeadline.status).toBe('late');
    expect(pastDeadline.total).toMatchObject({ waits: 1, pending: 0, late: 1, closed: 0 });

    const afterClosure = await viewsAt('2026-03-17T09:00:00+08:00', wait.id);
    expect(afterClosure.listed).toBeNull();
    expect(afterClosure.status).toBe('closed');
    expect(afterClosure.total).toMatchObject({ waits: 1, pending: 0, late: 0, closed: 1 });

    const closures = await t.manager.caller.followups.closures({});
    expect(closures.items[0]?.closedAt).toBe('2026-03-16T08:00:00.000Z');
  });

  it('refuses a closure time in the future or before the wait started', async () => {
    const acme = await testStakeholder(handle, t, 0, 'Acme', { ownerUserId: t.staff.user.id });
    const wait = interactionData({ occurredAt: '2026-03-16T10:00:00+08:00', stakeholderId: acme.id });
    await pushAccepted(t.staff, [wait]);
    const close = (closedAt: string) =>
      t.staff.caller.followups.closeWait({ interactionId: wait.id, reason: 'x', closedAt });
    await expect(close('2099-01-01T00:00:00+08:00')).rejects.toThrow(/in the future/);
    await expect(close('2026-03-16T09:59:00+08:00')).rejects.toThrow(/before the wait started/);
    const list = await t.staff.caller.followups.overdue({ asOf: '2026-03-17T09:00:00+08:00' });
    expect(list.items.map((i) => i.id)).toContain(wait.id);
  });
});
