import { beforeEach, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/client';
import {
  createTestOrg,
  freshOrgPerTest,
  interactionData,
  pushAccepted,
  testStakeholder,
  type TestOrg,
} from '../testing/test-org';

/*
 * Who a user filter may name (docs/api.md "Staff filters"): staff only themselves (anyone else is refused, never
 * answered with their own figures under the filter); nobody another org's users or stakeholders (answered with
 * nothing, or NOT_FOUND).
 */

let handle: DbHandle;
let t: TestOrg;
let other: TestOrg;
freshOrgPerTest((h, org) => {
  handle = h;
  t = org;
});

const at = Date.parse('2026-03-01T00:00:00+08:00');
const filter = { from: '2026-03-01T00:00:00+08:00', to: '2026-04-01T00:00:00+08:00' };
const asOf = '2026-03-20T00:00:00+08:00';
const FORBIDDEN = { code: 'FORBIDDEN', message: 'Staff see only their own figures.' };

let otherStakeholderId: string;
beforeEach(async () => {
  other = await createTestOrg(handle);
  otherStakeholderId = (await testStakeholder(handle, other, at, 'Their Customer')).id;
  await pushAccepted(other.staff, [interactionData({ stakeholderId: otherStakeholderId })]);
  await other.staff.caller.followups.create({ id: '01JQ0000000000000000000001', dueAt: '2026-03-10T09:00:00+08:00' });
  await pushAccepted(t.staff, [interactionData()]);
});

/** Every procedure that takes a user filter, naming `userId`, as `who` calls it. */
const userFiltered = (who: TestOrg['staff'], userId: string) => ({
  'metrics.totals': () => who.caller.metrics.totals({ filter: { ...filter, userId: [userId] } }),
  'metrics.responseTimes': () => who.caller.metrics.responseTimes({ filter: { ...filter, userId: [userId] }, asOf }),
  'metrics.interactions': () => who.caller.metrics.interactions({ filter: { ...filter, userId: [userId] } }),
  'metrics.threads': () => who.caller.metrics.threads({ filter: { ...filter, userId: [userId] } }),
  'metrics.cadence': () => who.caller.metrics.cadence({ asOf, ownerUserId: [userId] }),
  'reports.period': () => who.caller.reports.period({ filter: { ...filter, userId: [userId] } }),
  'reports.goals': () => who.caller.reports.goals({ filter: { ...filter, userId: [userId] } }),
  'followups.overdue': () => who.caller.followups.overdue({ asOf, userId }),
  'followups.list': () => who.caller.followups.list({ userId }),
});

describe('staff filters', () => {
  it('refuses a user filter naming a colleague or someone of another org, on every procedure that takes one', async () => {
    for (const userId of [t.staff2.user.id, t.manager.user.id, other.staff.user.id]) {
      for (const [path, call] of Object.entries(userFiltered(t.staff, userId)))
        await expect(call(), `${path} naming ${userId}`).rejects.toMatchObject(FORBIDDEN);
    }
  });

  it('answers a user filter naming the caller', async () => {
    for (const [path, call] of Object.entries(userFiltered(t.staff, t.staff.user.id)))
      await expect(call(), path).resolves.toBeDefined();
    expect((await t.staff.caller.metrics.totals({ filter: { ...filter, userId: [t.staff.user.id] } })).total).toBe(1);
  });
});

describe("another org's users and stakeholders", () => {
  it("answer nothing, or NOT_FOUND, when a manager names another org's user", async () => {
    const calls = userFiltered(t.manager, other.staff.user.id);
    expect((await calls['metrics.totals']()).total).toBe(0);
    expect((await calls['metrics.responseTimes']()).total.waits).toBe(0);
    expect((await calls['metrics.interactions']()).items).toEqual([]);
    expect((await calls['metrics.threads']()).items).toEqual([]);
    expect((await calls['metrics.cadence']()).items).toEqual([]);
    expect((await calls['reports.period']()).overview.total).toBe(0);
    expect((await calls['reports.goals']()).goals.every((g) => g.count === 0)).toBe(true);
    await expect(calls['followups.overdue']()).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(calls['followups.list']()).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await t.manager.caller.followups.closures({ userId: [other.staff.user.id] })).items).toEqual([]);
  });

  it("answer nothing, or NOT_FOUND, when anyone names another org's stakeholder", async () => {
    for (const who of [t.manager, t.staff]) {
      const stakeholderId = [otherStakeholderId];
      expect((await who.caller.metrics.totals({ filter: { ...filter, stakeholderId } })).total).toBe(0);
      expect((await who.caller.metrics.interactions({ filter: { ...filter, stakeholderId } })).items).toEqual([]);
      expect((await who.caller.metrics.cadence({ asOf, stakeholderId })).items).toEqual([]);
      expect((await who.caller.reports.period({ filter: { ...filter, stakeholderId } })).overview.total).toBe(0);
      expect((await who.caller.evaluations.listSurveys({ stakeholderId: otherStakeholderId })).items).toEqual([]);
      expect((await who.caller.evaluations.listCoverage({ outletStakeholderId: otherStakeholderId })).items).toEqual(
        [],
      );
      await expect(who.caller.directory.get({ id: otherStakeholderId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
  });
});
