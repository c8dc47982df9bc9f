import { describe, expect, it } from 'vitest';
import type { MetricsFilter, MetricsGroupBy } from '@comms-log/shared';
import type { DbHandle } from '../../db/client';
import { freshOrgPerTest, interactionData, pushAccepted, type TestOrg } from '../../testing/test-org';
import { loadEnv } from '../metrics/scope';
import { metricsTotals } from '../metrics/totals';
import type { ServiceCtx } from '../service-ctx';
import { reportFigures } from './figures';
import { readFineCounts } from './fine-counts';
import { fineBase, totalsFromFine } from './fine-totals';

/*
 * The report's counts summed from one read of the fine counts (whole days as day counts, the edges grouped from the
 * raw rows) against `metrics.totals` grouping the same filter in SQL: every grouping the report asks and more, every
 * narrowing, periods on and off midnight, for a manager and for staff.
 */

let h: DbHandle;
let t: TestOrg;

freshOrgPerTest((handle, org) => {
  h = handle;
  t = org;
});

const TYPES = ['customer', 'partner', 'media'] as const;
const CHANNELS = ['email', 'social', 'phone'] as const;
const PURPOSES = [null, 'complaint', 'product_feedback'] as const;

/** 90 interactions over 1–24 March 2026 in Shanghai at every hour, mixing each dimension by a different step. */
async function seed() {
  const items = (k0: number) =>
    Array.from({ length: 45 }, (_, j) => {
      const k = k0 + j;
      const day = String(1 + ((k * 7) % 24)).padStart(2, '0');
      const hour = String((k * 5) % 24).padStart(2, '0');
      return interactionData({
        threadKey: `gmail:f${k}`,
        occurredAt: `2026-03-${day}T${hour}:${k % 2 ? '59' : '00'}:00+08:00`,
        stakeholderType: TYPES[k % 3],
        channel: CHANNELS[Math.floor(k / 3) % 3],
        direction: k % 4 === 1 ? 'outbound' : 'inbound',
        ...(PURPOSES[(k % 5) % 3] ? { purpose: PURPOSES[(k % 5) % 3] } : {}),
      });
    });
  await pushAccepted(t.staff, items(0));
  await pushAccepted(t.manager, items(45));
}

const GROUPINGS: MetricsGroupBy[][] = [
  [],
  ['day'],
  ['week'],
  ['month'],
  ['user'],
  ['stakeholderType', 'channel', 'direction'],
  ['week', 'channel'],
  ['stakeholderType', 'purpose'],
  ['purpose', 'day', 'user'],
  ['direction', 'month', 'stakeholderType', 'channel'],
];

const PERIODS = [
  { from: '2026-03-01T00:00:00+08:00', to: '2026-03-25T00:00:00+08:00' },
  { from: '2026-03-02T07:30:00+08:00', to: '2026-03-20T16:00:00+08:00' },
  { from: '2026-03-05T22:00:00+08:00', to: '2026-03-06T03:00:00+08:00' },
];

const NARROWINGS: Partial<MetricsFilter>[] = [
  {},
  { stakeholderType: ['partner'] },
  { channel: ['social', 'phone'], direction: 'outbound' },
  { purpose: 'complaint' },
  { purpose: null, stakeholderType: ['customer', 'media'] },
];

describe('the fine counts', () => {
  it('sum to what metrics.totals counts, for every grouping, narrowing and period', async () => {
    await seed();
    let compared = 0;
    for (const who of ['manager', 'staff'] as const) {
      const ctx: ServiceCtx = { db: h.db, user: t[who].user };
      const env = await loadEnv(ctx);
      for (const period of PERIODS) {
        const fine = await readFineCounts(ctx, period, env.plan.calendar.timeZone);
        for (const narrowing of NARROWINGS)
          for (const groupBy of GROUPINGS) {
            const filter = { ...period, ...narrowing };
            const slow = await metricsTotals(ctx, { filter, groupBy }, env);
            expect(totalsFromFine(fine, filter, groupBy), JSON.stringify({ who, filter, groupBy })).toEqual(slow);
            compared++;
          }
      }
    }
    expect(compared).toBe(2 * PERIODS.length * NARROWINGS.length * GROUPINGS.length);
    const all = await metricsTotals({ db: h.db, user: t.manager.user }, { filter: PERIODS[0]!, groupBy: [] });
    expect(all.total).toBe(90);
  });

  it('answer a person’s filter, and the report’s figures give the same as metrics.totals', async () => {
    await seed();
    const ctx: ServiceCtx = { db: h.db, user: t.manager.user };
    const env = await loadEnv(ctx);
    const filter = { ...PERIODS[1]!, userId: [t.staff.user.id], channel: ['email' as const] };
    const figures = reportFigures(ctx, env);
    for (const groupBy of GROUPINGS) {
      const slow = await metricsTotals(ctx, { filter, groupBy }, env);
      expect(await figures.totals(filter, groupBy)).toEqual(slow);
    }
    const fine = await readFineCounts(ctx, fineBase(filter), env.plan.calendar.timeZone);
    expect(new Set(fine.values.user)).toEqual(new Set([t.staff.user.id]));
    expect(totalsFromFine(fine, filter, []).total).toBeGreaterThan(0);
  });
});
