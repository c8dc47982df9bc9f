import { describe, expect, it } from 'vitest';
import { ulid } from 'ulid';
import type { DbHandle } from '../db/client';
import {
  createTestOrg,
  freshOrgPerTest,
  interactionData,
  pushAccepted,
  testStakeholder,
  type TestOrg,
} from '../testing/test-org';

let handle: DbHandle;
let t: TestOrg;

freshOrgPerTest((h, org) => {
  handle = h;
  t = org;
});

const asOf = '2026-03-17T09:00:00+08:00';
const created = Date.parse('2026-01-01T00:00:00+08:00');
const lateUrl = 'https://mail.google.com/mail/u/0/#inbox/late';

/** One late customer email, one partner past cadence, one due reminder (for Sam); a late wait for Tao too. */
async function seed() {
  const stakeholder = (name: string, type: 'customer' | 'partner', ownerUserId: string) =>
    testStakeholder(handle, t, created, name, { type, ownerUserId });
  const acme = await stakeholder('Acme', 'customer', t.staff.user.id);
  const partner = await stakeholder('Pangu Partners', 'partner', t.staff.user.id);
  const other = await stakeholder('Tao Customer', 'customer', t.staff2.user.id);
  const late = interactionData({
    threadKey: 'gmail:late',
    occurredAt: '2026-03-16T10:00:00+08:00',
    stakeholderId: acme.id,
    url: lateUrl,
  });
  await pushAccepted(t.staff, [
    // Acme was written to last week (cadence fine); its new email is unanswered past 4 working hours.
    interactionData({
      threadKey: 'gmail:old',
      occurredAt: '2026-03-10T10:00:00+08:00',
      direction: 'outbound',
      stakeholderId: acme.id,
      author: { name: 'Sam', handle: null },
    }),
    late,
    // The partner last heard from us on Feb 1 10:00: 43 full days before asOf, > 30.
    interactionData({
      threadKey: 'gmail:p',
      occurredAt: '2026-02-01T10:00:00+08:00',
      direction: 'outbound',
      stakeholderId: partner.id,
      stakeholderType: 'partner',
      author: { name: 'Sam', handle: null },
    }),
  ]);
  const taoWait = interactionData({
    threadKey: 'gmail:tao',
    occurredAt: '2026-03-16T10:00:00+08:00',
    stakeholderId: other.id,
  });
  await pushAccepted(t.staff2, [
    taoWait,
    interactionData({
      threadKey: 'gmail:tao0',
      occurredAt: '2026-03-12T10:00:00+08:00',
      direction: 'outbound',
      stakeholderId: other.id,
      author: { name: 'Tao', handle: null },
    }),
  ]);
  const reminder = await t.staff.caller.followups.create({
    id: ulid(),
    dueAt: '2026-03-17T08:00:00+08:00',
    note: 'Send the revised quote',
    stakeholderId: acme.id,
  });
  await t.staff.caller.followups.create({ id: ulid(), dueAt: '2026-03-24T08:00:00+08:00', note: 'Next week' });
  return { acme, partner, late, taoWait, reminder };
}

describe('followups.overdue', () => {
  it('lists exactly one late email wait, one partner past cadence and one due reminder, most urgent first', async () => {
    const s = await seed();
    const res = await t.staff.caller.followups.overdue({ asOf });
    expect(res.items.map((i) => [i.kind, i.id, i.state])).toEqual([
      ['wait', s.late.id, 'late'],
      ['cadence', s.partner.id, 'overdue'],
      ['reminder', s.reminder.id, 'due'],
    ]);
    expect(res.counts).toEqual({ late: 1, dueSoon: 0, cadenceOverdue: 1, cadenceDue: 0, reminders: 1 });
    const wait = res.items[0]!;
    if (wait.kind !== 'wait') throw new Error('expected a wait');
    expect(wait).toMatchObject({
      stakeholderName: 'Acme',
      channel: 'email',
      url: lateUrl,
      sla: { value: 4, unit: 'working_hours' },
    });
    expect(wait.deadline).toBe('2026-03-16T06:00:00.000Z');
    expect(wait.waitedWorkMs).toBe(8 * 3_600_000);
    const cadence = res.items[1]!;
    if (cadence.kind !== 'cadence') throw new Error('expected cadence');
    expect(cadence).toMatchObject({ stakeholderName: 'Pangu Partners', daysSince: 43, maxDays: 30 });
  });

  it('scopes the list: staff their own only, managers any user or the team', async () => {
    const s = await seed();
    await expect(t.staff.caller.followups.overdue({ asOf, team: true })).rejects.toThrow(
      "Staff see only their own follow-ups. Ask a manager for the team's list.",
    );
    await expect(t.staff.caller.followups.overdue({ asOf, userId: t.staff2.user.id })).rejects.toThrow(
      'Staff see only their own figures.',
    );
    // Naming themselves is their own list.
    expect((await t.staff.caller.followups.overdue({ asOf, userId: t.staff.user.id })).items.length).toBeGreaterThan(0);
    const tao = await t.manager.caller.followups.overdue({ asOf, userId: t.staff2.user.id });
    expect(tao.items.map((i) => i.id)).toEqual([s.taoWait.id]);
    const team = await t.manager.caller.followups.overdue({ asOf, team: true });
    expect(team.counts).toEqual({ late: 2, dueSoon: 0, cadenceOverdue: 1, cadenceDue: 0, reminders: 1 });
    const other = await createTestOrg(handle);
    await expect(other.manager.caller.followups.overdue({ asOf, userId: t.staff.user.id })).rejects.toThrow(/no user/);
  });

  it("runs a never-contacted stakeholder's cadence from its creation, and sends that createdAt to clients", async () => {
    // Created on 1 January, renamed later, never contacted: a customer (30 days) was due by 31 January.
    const quiet = await testStakeholder(handle, t, created, 'Quiet Co');
    const renamed = await t.manager.caller.directory.update({ id: quiet.id, name: 'Quiet Co Ltd' });
    const createdAt = new Date(created).toISOString();
    expect(renamed.createdAt).toBe(createdAt);
    expect(renamed.updatedAt).not.toBe(createdAt);
    expect((await t.staff.caller.directory.get({ id: quiet.id })).createdAt).toBe(createdAt);
    // The offline list (extension/src/lib/followups/local.ts) takes it from the pulled directory.
    expect((await t.staff.caller.sync.pull({ cursor: 0 })).stakeholders.find((x) => x.id === quiet.id)?.createdAt).toBe(
      createdAt,
    );

    const res = await t.staff.caller.followups.overdue({ asOf });
    expect(res.items.map((i) => [i.kind, i.id, i.state])).toEqual([['cadence', quiet.id, 'overdue']]);
    expect(res.items[0]).toMatchObject({ dueBy: '2026-01-30T16:00:00.000Z', lastContactAt: null, daysSince: null });
  });

  it('shows a wait as due soon before it is late', async () => {
    await pushAccepted(t.staff, [
      interactionData({ threadKey: 'gmail:soon', occurredAt: '2026-03-17T09:00:00+08:00' }),
    ]);
    const res = await t.staff.caller.followups.overdue({ asOf: '2026-03-17T11:30:00+08:00' });
    expect(res.items.map((i) => [i.kind, i.state])).toEqual([['wait', 'due_soon']]);
  });

  it('hides a snoozed item until its time, and completing a reminder persists', async () => {
    const s = await seed();
    await t.staff.caller.followups.snooze({ kind: 'wait', id: s.late.id, until: '2026-03-17T12:00:00+08:00' });
    await t.staff.caller.followups.snooze({ kind: 'cadence', id: s.partner.id, until: '2026-03-20T09:00:00+08:00' });
    await t.staff.caller.followups.snooze({ kind: 'followup', id: s.reminder.id, until: '2026-03-17T10:00:00+08:00' });
    expect((await t.staff.caller.followups.overdue({ asOf })).items).toEqual([]);
    const noon = await t.staff.caller.followups.overdue({ asOf: '2026-03-17T12:30:00+08:00' });
    expect(noon.items.map((i) => i.id)).toEqual([s.late.id, s.reminder.id]);
    // The manager's team list is hidden by anyone's snooze; another user's snoozes do not touch it otherwise.
    expect((await t.manager.caller.followups.overdue({ asOf, userId: t.staff.user.id })).items).toEqual([]);

    const done = await t.staff.caller.followups.complete({ id: s.reminder.id });
    expect(done.status).toBe('done');
    const after = await t.staff.caller.followups.overdue({ asOf: '2026-03-17T12:30:00+08:00' });
    expect(after.items.map((i) => i.id)).toEqual([s.late.id]);
    const listed = await t.staff.caller.followups.list({ status: 'done' });
    expect(listed.items.map((f) => f.id)).toEqual([s.reminder.id]);
    // The change reaches other devices through sync.pull.
    const pulled = await t.staff.caller.sync.pull({ cursor: 0 });
    expect(pulled.followups.find((f) => f.id === s.reminder.id)).toMatchObject({
      status: 'done',
      snoozedUntil: '2026-03-17T02:00:00.000Z',
    });
  });

  it('closes a wait as "no reply needed": it leaves the list, counts as neither, and managers see the reason', async () => {
    const s = await seed();
    // Closed before `asOf`: a closure after it would leave the wait open (late) as of then.
    await t.staff.caller.followups.closeWait({
      interactionId: s.late.id,
      reason: 'Newsletter reply, nothing to answer',
      closedAt: '2026-03-16T16:00:00+08:00',
    });
    const res = await t.staff.caller.followups.overdue({ asOf });
    expect(res.items.map((i) => i.kind)).toEqual(['cadence', 'reminder']);
    const figures = await t.manager.caller.metrics.responseTimes({
      filter: { from: '2026-03-16T00:00:00+08:00', to: '2026-03-17T00:00:00+08:00' },
    });
    expect(figures.total).toMatchObject({ waits: 2, closed: 1, late: 1 });
    const closures = await t.manager.caller.followups.closures({});
    expect(closures.items).toHaveLength(1);
    expect(closures.items[0]).toMatchObject({
      interactionId: s.late.id,
      reason: 'Newsletter reply, nothing to answer',
      closedByName: 'Sam',
      stakeholderName: 'Acme',
      userId: t.staff.user.id,
    });
    await expect(t.staff.caller.followups.closures({})).rejects.toThrow(/manager/);
    await expect(t.staff.caller.followups.closeWait({ interactionId: s.late.id, reason: 'again' })).rejects.toThrow(
      /already closed/,
    );
  });

  it("refuses to let staff act on another user's items", async () => {
    const s = await seed();
    await expect(t.staff2.caller.followups.complete({ id: s.reminder.id })).rejects.toThrow(/your own/);
    await expect(
      t.staff2.caller.followups.snooze({ kind: 'followup', id: s.reminder.id, until: '2026-03-18T09:00:00+08:00' }),
    ).rejects.toThrow(/your own/);
    await expect(
      t.staff2.caller.followups.snooze({ kind: 'wait', id: s.late.id, until: '2026-03-18T09:00:00+08:00' }),
    ).rejects.toThrow(/assigned to you/);
    await expect(
      t.staff2.caller.followups.snooze({ kind: 'cadence', id: s.partner.id, until: '2026-03-18T09:00:00+08:00' }),
    ).rejects.toThrow(/own/);
    await expect(t.staff2.caller.followups.closeWait({ interactionId: s.late.id, reason: 'not mine' })).rejects.toThrow(
      /assigned to you/,
    );
    await expect(t.staff2.caller.followups.list({ userId: t.staff.user.id })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'Staff see only their own figures.',
    });
    // Another org cannot see the items at all.
    const other = await createTestOrg(handle);
    await expect(other.manager.caller.followups.complete({ id: s.reminder.id })).rejects.toThrow(/no follow-up/);
    await expect(other.manager.caller.followups.closeWait({ interactionId: s.late.id, reason: 'x' })).rejects.toThrow(
      /no wait/,
    );
    // A manager may act for the team.
    expect((await t.manager.caller.followups.complete({ id: s.reminder.id })).status).toBe('done');
  });

  it('makes create idempotent for the same id and refuses an id taken by someone else', async () => {
    const id = ulid();
    const a = await t.staff.caller.followups.create({ id, dueAt: '2026-03-17T08:00:00+08:00', note: 'x' });
    const b = await t.staff.caller.followups.create({ id, dueAt: '2026-03-17T08:00:00+08:00', note: 'x' });
    expect(b).toEqual(a);
    await expect(t.staff2.caller.followups.create({ id, dueAt: '2026-03-17T08:00:00+08:00' })).rejects.toThrow(
      /already used/,
    );
  });
});
