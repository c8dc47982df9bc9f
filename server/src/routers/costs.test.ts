import { describe, expect, it } from 'vitest';
import { ulid } from 'ulid';
import { freshOrgPerTest, type TestOrg } from '../testing/test-org';

/* evaluations.recordCost / setRevenue / listCosts: managers and admins only; staff never reach cost. */

let t: TestOrg;

freshOrgPerTest((_handle, org) => {
  t = org;
});

const cost = (over: Record<string, unknown> = {}) => ({
  id: ulid(),
  month: '2026-03',
  category: 'Press events',
  amount: 12000,
  currency: 'CNY',
  ...over,
});

describe('cost and revenue', () => {
  it('managers and admins record cost and set revenue; a month’s revenue is replaced; listed by month', async () => {
    const entry = await t.manager.caller.evaluations.recordCost(cost());
    expect(entry).toMatchObject({ month: '2026-03', amount: 12000, recordedBy: t.manager.user.id });
    // A replay of the same id changes nothing.
    await t.manager.caller.evaluations.recordCost(cost({ id: entry.id, amount: 1 }));
    await t.admin.caller.evaluations.recordCost(cost({ month: '2026-04', category: 'Agency fee', amount: 5000 }));
    await t.admin.caller.evaluations.setRevenue({ month: '2026-03', amount: 900000, currency: 'CNY' });
    await t.manager.caller.evaluations.setRevenue({ month: '2026-03', amount: 1000000, currency: 'CNY' });
    const march = await t.manager.caller.evaluations.listCosts({ from: '2026-03', to: '2026-03' });
    expect(march.costs.map((c) => [c.category, c.amount])).toEqual([['Press events', 12000]]);
    expect(march.revenues).toMatchObject([{ month: '2026-03', amount: 1000000, updatedBy: t.manager.user.id }]);
    expect((await t.admin.caller.evaluations.listCosts({})).costs).toHaveLength(2);
  });

  it('refuses staff: FORBIDDEN for every cost procedure, nothing stored', async () => {
    await expect(t.staff.caller.evaluations.recordCost(cost())).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      t.staff.caller.evaluations.setRevenue({ month: '2026-03', amount: 1, currency: 'CNY' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(t.staff.caller.evaluations.listCosts({})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await t.manager.caller.evaluations.listCosts({})).toEqual({ costs: [], revenues: [] });
  });

  it('refuses a negative cost or revenue, a bad month or currency, with a clear error and nothing stored', async () => {
    await expect(t.manager.caller.evaluations.recordCost(cost({ amount: -5 }))).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('an amount cannot be negative'),
    });
    await expect(
      t.manager.caller.evaluations.setRevenue({ month: '2026-03', amount: -1, currency: 'CNY' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('an amount cannot be negative') });
    await expect(t.manager.caller.evaluations.recordCost(cost({ month: '2026-13' }))).rejects.toMatchObject({
      message: expect.stringContaining('must be a month, YYYY-MM'),
    });
    await expect(t.manager.caller.evaluations.recordCost(cost({ currency: 'rmb' }))).rejects.toMatchObject({
      message: expect.stringContaining('ISO 4217'),
    });
    await expect(t.manager.caller.evaluations.listCosts({ from: '2026-05', to: '2026-01' })).rejects.toMatchObject({
      message: expect.stringContaining('the first month must not come after the last'),
    });
    expect(await t.manager.caller.evaluations.listCosts({})).toEqual({ costs: [], revenues: [] });
  });
});
