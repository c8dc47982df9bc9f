import { describe, expect, it } from 'vitest';
import { costEntryInputSchema, revenueInputSchema } from './cost';

const messages = (schema: { safeParse: (v: unknown) => { error?: { issues: { message: string }[] } } }, v: unknown) =>
  schema.safeParse(v).error?.issues.map((i) => i.message) ?? [];

describe('cost and revenue', () => {
  it('take a month, a non-negative amount and an ISO 4217 currency', () => {
    const cost = { id: '01JQ6Z7YV3K4M5N6P7Q8R9S0TV', month: '2026-03', category: 'agency', amount: 0, currency: 'CNY' };
    expect(messages(costEntryInputSchema, cost)).toEqual([]);
    expect(messages(costEntryInputSchema, { ...cost, month: '2026-13', amount: -1, currency: 'rmb' })).toEqual([
      'must be a month, YYYY-MM',
      'an amount cannot be negative',
      'must be an ISO 4217 currency code such as CNY',
    ]);
    expect(messages(revenueInputSchema, { month: '2026-03', amount: 1e6, currency: 'CNY' })).toEqual([]);
  });

  it('take a month of the accepted range only', () => {
    const revenue = (month: string) => messages(revenueInputSchema, { month, amount: 1, currency: 'CNY' });
    expect(revenue('1970-01')).toEqual([]);
    expect(revenue('2100-12')).toEqual([]);
    expect(revenue('0000-01')).toEqual(['must lie between 1970-01 and 2100-12']);
    expect(revenue('9999-12')).toEqual(['must lie between 1970-01 and 2100-12']);
  });
});
