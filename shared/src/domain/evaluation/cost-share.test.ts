import { describe, expect, it } from 'vitest';
import { costShare, type MonthAmount } from './cost-share';

const cny = (month: string, amount: number): MonthAmount => ({ month, amount, currency: 'CNY' });
const q1 = { from: '2026-01', to: '2026-03' };

describe('costShare', () => {
  const costs = [cny('2026-01', 10_000), cny('2026-01', 5_000), cny('2026-02', 15_000), cny('2025-12', 99_000)];
  const revenues = [cny('2026-01', 1_000_000), cny('2026-02', 1_200_000), cny('2026-03', 800_000)];

  it('is Σ cost ÷ Σ revenue over the months of the range', () => {
    expect(costShare(costs, revenues, q1)).toEqual({
      value: 30_000 / 3_000_000,
      cost: 30_000,
      revenue: 3_000_000,
      currency: 'CNY',
      missingRevenueMonths: [],
    });
  });

  it('is null while a month has no revenue, listing it', () => {
    const r = costShare(costs, revenues.slice(0, 2), q1);
    expect(r.value).toBeNull();
    expect(r.missingRevenueMonths).toEqual(['2026-03']);
    expect(costShare(costs, [], { from: '2025-11', to: '2026-02' }).missingRevenueMonths).toEqual([
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
    ]);
  });

  it('is null when revenue is 0', () => {
    const zero = [cny('2026-01', 0), cny('2026-02', 0), cny('2026-03', 0)];
    expect(costShare(costs, zero, q1)).toMatchObject({ value: null, cost: 30_000, revenue: 0 });
  });

  it('is 0 without costs, and has no currency without amounts', () => {
    expect(costShare([], revenues, q1).value).toBe(0);
    expect(costShare([], [], q1)).toEqual({
      value: null,
      cost: 0,
      revenue: 0,
      currency: null,
      missingRevenueMonths: ['2026-01', '2026-02', '2026-03'],
    });
  });

  it('throws when the amounts are in different currencies', () => {
    const usd = { month: '2026-02', amount: 2_000, currency: 'USD' };
    expect(() => costShare([...costs, usd], revenues, q1)).toThrow(
      'The cost share needs one currency, but the amounts are in CNY and USD',
    );
    // Outside the range it does not matter.
    expect(costShare([...costs, { ...usd, month: '2026-04' }], revenues, q1).currency).toBe('CNY');
  });
});
