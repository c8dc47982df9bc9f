import { describe, expect, it } from 'vitest';
import { createApp } from '../app';
import type { DbHandle } from '../db/client';
import { createOrg } from '../services/org/orgs';
import { currentPlan, readStoredPlan } from '../services/plans';
import { callProcedure } from '../testing/http';
import { freshOrgPerTest, interactionData, pushAccepted, type TestOrg } from '../testing/test-org';

let handle: DbHandle;
let t: TestOrg;

freshOrgPerTest((h, org) => {
  handle = h;
  t = org;
});

describe('plan.update', () => {
  it('changes only the sections given', async () => {
    const before = await t.manager.caller.plan.get();
    const saved = await t.manager.caller.plan.update({ version: before.version, dueSoonWorkingHours: 5 });
    expect(saved.version).toBe(before.version + 1);
    expect(saved.plan).toEqual({ ...before.plan, dueSoonWorkingHours: 5 });
    expect((await t.staff.caller.plan.get()).plan.dueSoonWorkingHours).toBe(5);
  });

  it('refuses a change made on a version that is no longer current, saying so', async () => {
    const read = await t.manager.caller.plan.get();
    await t.admin.caller.plan.update({ version: read.version, dueSoonWorkingHours: 4 });
    const app = createApp({ db: handle.db, logError: () => {} });
    const res = await callProcedure(app, 'plan.update', { version: read.version, goals: [] }, t.manager.token);
    expect(res.status).toBe(409);
    expect(JSON.parse(res.text).error.message).toMatch(
      /^The plan changed since it was read: this change was made on version 1, the current one is version 2 \(saved .*\)\. Read the plan again/,
    );
    const now = await t.manager.caller.plan.get();
    expect(now.version).toBe(2);
    expect(now.plan.goals).toEqual(read.plan.goals);
  });

  it('checks the plan the sections make, and refuses an empty change', async () => {
    const { plan } = await t.manager.caller.plan.get();
    const breakOutside = { ...plan.calendar, breaks: [{ start: '07:00', end: '08:00' }] };
    await expect(t.manager.caller.plan.update({ calendar: breakOutside })).rejects.toThrow(/a break lies inside/);
    await expect(t.manager.caller.plan.update({ version: 1 })).rejects.toThrow(/give at least one section/);
    expect((await t.manager.caller.plan.get()).version).toBe(1);
  });
});

describe('stored plans', () => {
  it('reads a stored plan with a key the schema no longer has', () => {
    const { plan } = { plan: readStoredPlan({ calendar: oldCalendar(), sla: [], cadence: [], goals: [], retired: 1 }) };
    expect(plan.calendar).toEqual({ ...oldCalendar(), holidays: [], extraWorkDays: [] });
    expect('retired' in plan).toBe(false);
  });
});

function oldCalendar() {
  return { timeZone: 'Asia/Shanghai', workDays: [1, 2, 3, 4, 5], start: '09:00', end: '18:00' };
}

describe('public holidays', () => {
  it('are preloaded into a new org’s plan for its country', async () => {
    const org = await createOrg(handle.db, { name: 'Preloaded', timeZone: 'Asia/Shanghai' }, Date.parse('2026-01-05'));
    const { calendar } = (await currentPlan(handle.db, org.id)).plan;
    expect(calendar.holidays).toEqual(expect.arrayContaining(['2025-10-01', '2026-02-16']));
    expect(calendar.extraWorkDays).toEqual(expect.arrayContaining(['2026-02-14', '2026-02-28']));
  });

  it('loaded into a Chinese org’s calendar put the Spring Festival outside working time', async () => {
    const days = await t.manager.caller.plan.publicHolidays({ from: 2026, to: 2026 });
    expect(days).toMatchObject({ country: 'CN', source: 'chinese-days' });
    const read = await t.manager.caller.plan.get();
    const calendar = { ...read.plan.calendar, holidays: days.holidays, extraWorkDays: days.extraWorkDays };
    await t.manager.caller.plan.update({ version: read.version, calendar });
    // The evening before the holiday (a make-up Saturday) and that Saturday's morning.
    const evening = interactionData({ threadKey: 'gmail:eve', occurredAt: '2026-02-14T19:00:00+08:00' });
    const saturday = interactionData({ threadKey: 'gmail:sat', occurredAt: '2026-02-14T10:00:00+08:00' });
    await pushAccepted(t.staff, [evening, saturday]);
    const filter = { from: '2026-02-14T00:00:00+08:00', to: '2026-02-15T00:00:00+08:00' };
    const waits = await t.manager.caller.metrics.interactions({ filter, waitsOnly: true });
    const deadline = new Map(waits.items.map((i) => [i.id, i.deadlineAt]));
    expect(deadline.get(evening.id)).toBe(new Date('2026-02-24T13:00:00+08:00').toISOString());
    expect(deadline.get(saturday.id)).toBe(new Date('2026-02-14T14:00:00+08:00').toISOString());
  });

  it('of another country come from date-holidays; an unknown country is refused', async () => {
    const de = await t.manager.caller.plan.publicHolidays({ country: 'de', from: 2026, to: 2026 });
    expect(de).toMatchObject({ country: 'DE', source: 'date-holidays', extraWorkDays: [] });
    expect(de.holidays).toContain('2026-10-03');
    await expect(t.manager.caller.plan.publicHolidays({ country: 'QQ', from: 2026, to: 2026 })).rejects.toThrow(
      /QQ is not a country/,
    );
  });
});
