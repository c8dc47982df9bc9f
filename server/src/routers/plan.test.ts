import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_PURPOSES, defaultPlan } from '@comms-log/shared';
import type { DbHandle } from '../db/client';
import { createTestDb, createTestOrg, interactionData, upsert, type TestOrg } from '../testing/test-org';

let handle: DbHandle;
let t: TestOrg;

beforeEach(async () => {
  handle = await createTestDb();
  t = await createTestOrg(handle, { timeZone: 'Europe/Berlin' });
});
afterEach(() => handle.close());

describe('plan', () => {
  it('is seeded with the default plan on the org’s time zone', async () => {
    const stored = await t.staff.caller.plan.get();
    expect(stored.version).toBe(1);
    expect(stored.plan.calendar.timeZone).toBe('Europe/Berlin');
    expect(stored.plan.sla).toEqual(defaultPlan.sla);
  });

  it('stores each update as a new version without recomputing history until asked', async () => {
    // Mon 2026-03-09 10:00 Berlin inbound, answered 16:00: 6 working hours, late against 4 working hours.
    const inbound = interactionData({ occurredAt: '2026-03-09T10:00:00+01:00' });
    const reply = interactionData({ direction: 'outbound', occurredAt: '2026-03-09T16:00:00+01:00' });
    await t.staff.caller.sync.push({ items: [upsert(inbound), upsert(reply)] });
    const statusOf = async () =>
      (await t.manager.caller.sync.pull({ cursor: 0 })).interactions.find((i) => i.id === inbound.id)!.onTime;
    expect(await statusOf()).toBe('late');

    const { plan } = await t.manager.caller.plan.get();
    const relaxed = {
      ...plan,
      sla: plan.sla.map((r) =>
        r.stakeholderType === 'customer' && r.channel === 'email'
          ? { ...r, limit: { value: 8, unit: 'working_hours' as const } }
          : r,
      ),
    };
    const saved = await t.manager.caller.plan.update(relaxed);
    expect(saved.version).toBe(2);
    expect((await t.staff.caller.plan.get()).plan.sla).toEqual(relaxed.sla);
    expect(await statusOf()).toBe('late');

    expect(await t.manager.caller.plan.recomputePreview()).toMatchObject({ version: 2, changed: 1, total: 2 });
    expect(await t.manager.caller.plan.recompute()).toMatchObject({ changed: 1 });
    expect(await statusOf()).toBe('on_time');
    expect((await t.manager.caller.plan.recomputePreview()).changed).toBe(0);
  });

  it('refuses an invalid plan with the field path', async () => {
    const { plan } = await t.manager.caller.plan.get();
    await expect(
      t.manager.caller.plan.update({ ...plan, calendar: { ...plan.calendar, start: '18:00', end: '09:00' } }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('working hours must end after they start'),
    });
  });
});

describe('plan purposes', () => {
  it('start from the default purposes and low-score thresholds', async () => {
    const { plan } = await t.staff.caller.plan.get();
    expect(plan.purposes).toEqual(DEFAULT_PURPOSES);
    expect(plan.evaluation).toEqual({ lowScore: { csat: 2, nps: 6, score100: 60 } });
  });

  it('refuses a purpose id listed twice', async () => {
    const { plan } = await t.manager.caller.plan.get();
    await expect(
      t.manager.caller.plan.update({ ...plan, purposes: [...plan.purposes, plan.purposes[0]!] }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('the purpose id product_feedback is listed twice: ids must be unique'),
    });
  });

  it('keeps a purpose that interactions carry: retire it, do not remove it', async () => {
    await t.staff.caller.sync.push({ items: [upsert(interactionData({ purpose: 'complaint' }))] });
    const { plan } = await t.manager.caller.plan.get();
    const without = (id: string) => plan.purposes.filter((p) => p.id !== id);
    await expect(t.manager.caller.plan.update({ ...plan, purposes: without('complaint') })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message:
        'purposes: interactions carry complaint (1 interactions): a purpose in use cannot be removed; retire it instead (retired: true).',
    });
    expect((await t.manager.caller.plan.get()).version).toBe(1);

    const retired = plan.purposes.map((p) =>
      p.id === 'complaint' ? { ...p, retired: true, label: { ...p.label, en: 'Complaints' } } : p,
    );
    expect((await t.manager.caller.plan.update({ ...plan, purposes: retired })).version).toBe(2);
    expect(
      (await t.manager.caller.plan.update({ ...plan, purposes: without('media_enquiry') })).plan.purposes,
    ).toHaveLength(11);
  });
});
