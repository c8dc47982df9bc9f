import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { MetricsFilter } from '@comms-log/shared';
import type { DbHandle } from '../../../db/client';
import { resolutionThreadsSql } from '../../../db/queries/evaluation-metrics';
import { at, period, seedThreads } from '../../../testing/evaluation-seed';
import { freshOrgPerTest, interactionData, pushAccepted, type TestOrg } from '../../../testing/test-org';
import { resolutionThreads } from '../../metrics/resolution';
import { loadEnv } from '../../metrics/scope';
import { metricsResponseTimes } from '../../metrics/response-times';
import { metricsTotals } from '../../metrics/totals';
import type { ServiceCtx } from '../../service-ctx';
import { reportFigures } from '../figures';
import { readFineCounts } from '../fine-counts';
import { fineBase, totalsFromFine } from '../fine-totals';
import { resolutionActual } from './evaluation-actuals';

/*
 * The goals read less than the report's general figures: resolution goals other than the rate only the threads
 * ever marked resolved, counting goals a narrow count when the report has no fine counts. Each must give exactly
 * what the general read gives.
 */

let h: DbHandle;
let t: TestOrg;

freshOrgPerTest((handle, org) => {
  h = handle;
  t = org;
});

const ctxOf = (who: 'manager' | 'staff'): ServiceCtx => ({ db: h.db, user: t[who].user });
const cal = async () => (await loadEnv(ctxOf('manager'))).plan.calendar;

describe('threads ever resolved', () => {
  it('give the same first-contact and resolution-time figures as every thread, for each scope and person', async () => {
    await seedThreads(t);
    const asOfs = [at('12T12:00'), at('20T09:00')];
    const scopes: MetricsFilter[] = [
      period,
      { ...period, stakeholderType: ['customer'] },
      { ...period, stakeholderType: ['partner'] },
      { ...period, purpose: 'complaint' },
    ];
    const range = { fromMs: Date.parse(period.from), toMs: Date.parse(period.to) };
    let compared = 0;
    for (const who of ['manager', 'staff'] as const)
      for (const f of scopes)
        for (const asOf of asOfs) {
          const all = await resolutionThreads(ctxOf(who), f, Date.parse(asOf));
          const resolved = await resolutionThreads(ctxOf(who), f, Date.parse(asOf), { resolvedOnly: true });
          expect(resolved.length).toBeLessThanOrEqual(all.length);
          for (const metric of ['first_contact_resolution_rate', 'resolution_working_days'] as const) {
            expect(resolutionActual(metric, resolved, range, await cal())).toEqual(
              resolutionActual(metric, all, range, await cal()),
            );
            compared++;
          }
        }
    expect(compared).toBe(32);
    // t4 and t9 were never resolved: the narrow read leaves them out.
    const all = await resolutionThreads(ctxOf('manager'), period, Date.parse(at('20T09:00')));
    const resolved = await resolutionThreads(ctxOf('manager'), period, Date.parse(at('20T09:00')), {
      resolvedOnly: true,
    });
    expect(all.length - resolved.length).toBeGreaterThanOrEqual(2);
  });

  it('are looked up by the thread before its first message is read', async () => {
    const stmt = resolutionThreadsSql(t.org.id, { ...period, stakeholderType: ['partner'] }, { resolvedOnly: true });
    const rows = await h.db.all<{ detail: string }>(sql`EXPLAIN QUERY PLAN ${stmt}`);
    const detail = rows.map((r) => r.detail);
    const list = detail.findIndex((d) => d.startsWith('LIST SUBQUERY'));
    const first = detail.findIndex((d) => /^SEARCH i USING INDEX sqlite_autoindex_interactions_1 \(id=\?\)/.test(d));
    expect(list).toBeGreaterThanOrEqual(0);
    expect(first).toBeGreaterThan(list);
    // Tested on the first message's id, which the time index holds: a thread not resolved reads no table row.
    expect(detail).toContain(
      'SEARCH t USING COVERING INDEX thread_firsts_org_first (org_id=? AND first_at>? AND first_at<?)',
    );
  });
});

describe('a counting goal', () => {
  it('counts alone as the fine counts and `metrics.totals` count it', async () => {
    const day = (d: string, over: Record<string, unknown>) =>
      interactionData({ threadKey: `gmail:${d}`, occurredAt: at(d), ...over });
    await pushAccepted(t.staff, [
      day('09T10:00', { channel: 'social', direction: 'outbound' }),
      day('10T23:59', { channel: 'social', direction: 'outbound' }),
      day('11T10:00', { channel: 'social', direction: 'inbound' }),
      day('12T10:00', { channel: 'video', direction: 'outbound' }),
      day('16T10:00', { channel: 'social', direction: 'outbound' }),
    ]);
    // A period that starts and ends inside a day: edges read raw, whole days from the day counts.
    const edges = { from: at('09T12:00'), to: at('15T20:00') };
    const filters: MetricsFilter[] = [period, edges].flatMap((p) => [
      { ...p, channel: ['social'], direction: 'outbound' },
      { ...p, channel: ['video'] },
      { ...p, stakeholderType: ['customer'] },
    ]);
    for (const who of ['manager', 'staff'] as const) {
      const ctx = ctxOf(who);
      const env = await loadEnv(ctx);
      for (const filter of filters) {
        const totals = await metricsTotals(ctx, { filter, groupBy: [] }, env);
        const fine = await readFineCounts(ctx, fineBase(filter), env.plan.calendar.timeZone);
        const alone = reportFigures(ctx, env);
        expect(await alone.count(filter)).toBe(totals.total);
        // In a report that read the fine counts for its overview, the count comes from them.
        const report = reportFigures(ctx, env);
        await report.totals(fineBase(filter), []);
        expect(await report.count(filter)).toBe(totalsFromFine(fine, filter, []).total);
        expect(totalsFromFine(fine, filter, []).total).toBe(totals.total);
      }
    }
    expect(await reportFigures(ctxOf('manager'), await loadEnv(ctxOf('manager'))).count(filters[0]!)).toBe(2);
  });

  it('counted together with the others of its base, gives what each counts alone', async () => {
    const day = (d: string, over: Record<string, unknown>) =>
      interactionData({ threadKey: `gmail:${d}`, occurredAt: at(d), ...over });
    await pushAccepted(t.staff, [
      day('09T10:00', { channel: 'social', direction: 'outbound' }),
      day('09T13:00', { channel: 'video', direction: 'inbound', stakeholderType: 'partner' }),
      day('10T23:59', { channel: 'social', direction: 'outbound', purpose: 'complaint' }),
      day('12T10:00', { channel: 'video', direction: 'outbound' }),
      day('15T19:00', { channel: 'social', direction: 'outbound', stakeholderType: 'media' }),
    ]);
    const edges = { from: at('09T12:00'), to: at('15T20:00') };
    const narrowings: Partial<MetricsFilter>[] = [
      { channel: ['social'], direction: 'outbound' },
      { channel: ['video'] },
      { stakeholderType: ['partner'], channel: ['video'] },
      { purpose: 'complaint' },
      { tier: ['standard'] },
    ];
    for (const who of ['manager', 'staff'] as const)
      for (const p of [period, edges]) {
        const ctx = ctxOf(who);
        const env = await loadEnv(ctx);
        const filters = narrowings.map((n) => ({ ...p, ...n }));
        const figures = reportFigures(ctx, env);
        await figures.countsOf(filters);
        // Every count of the base was read ahead: asking makes no statement.
        const execute = h.client.execute;
        let statements = 0;
        h.client.execute = ((...args: Parameters<typeof execute>) => {
          statements++;
          return execute.apply(h.client, args);
        }) as typeof execute;
        const counts = [];
        try {
          for (const f of filters.slice(0, 4)) counts.push(await figures.count(f));
        } finally {
          h.client.execute = execute;
        }
        expect(statements).toBe(0);
        const alone = [];
        for (const f of filters.slice(0, 4))
          alone.push((await metricsTotals(ctx, { filter: f, groupBy: [] }, env)).total);
        expect(counts).toEqual(alone);
        expect(await figures.count(filters[4]!)).toBe(
          (await metricsTotals(ctx, { filter: filters[4]!, groupBy: [] }, env)).total,
        );
      }
    const ctx = ctxOf('manager');
    const figures = reportFigures(ctx, await loadEnv(ctx));
    await figures.countsOf(narrowings.slice(0, 2).map((n) => ({ ...edges, ...n })));
    expect(await figures.count({ ...edges, ...narrowings[0] })).toBe(2);
    expect(await figures.count({ ...edges, ...narrowings[1] })).toBe(2);
  });
});

describe('response goals', () => {
  it('alike but for their stakeholder type, read their waits once and give what each reads alone', async () => {
    const msg = (thread: string, when: string, over: Record<string, unknown> = {}) =>
      interactionData({ threadKey: `gmail:${thread}`, occurredAt: at(when), ...over });
    const reply = { direction: 'outbound' };
    await pushAccepted(t.staff, [
      msg('c1', '09T10:00'),
      msg('c1', '09T11:00', reply),
      msg('c2', '13T09:00'),
      msg('m1', '10T10:00', { stakeholderType: 'media' }),
      msg('m1', '10T15:30', { stakeholderType: 'media', ...reply }),
      msg('m2', '11T10:00', { stakeholderType: 'media' }),
      msg('p1', '12T10:00', { stakeholderType: 'partner', channel: 'social' }),
      msg('p1', '12T10:20', { stakeholderType: 'partner', channel: 'social', ...reply }),
    ]);
    const asOf = at('14T12:00');
    const types = ['customer', 'media', 'partner', 'investor'] as const;
    const alike: MetricsFilter[] = types.map((type) => ({ ...period, stakeholderType: [type] }));
    const other: MetricsFilter = { ...period, stakeholderType: ['partner'], channel: ['social'] };
    for (const who of ['manager', 'staff'] as const) {
      const ctx = ctxOf(who);
      const env = await loadEnv(ctx);
      const figures = reportFigures(ctx, env);
      const execute = h.client.execute;
      let statements = 0;
      h.client.execute = ((...args: Parameters<typeof execute>) => {
        statements++;
        return execute.apply(h.client, args);
      }) as typeof execute;
      const read = [];
      try {
        await figures.responsesOf([...alike, other], 'working', asOf);
        for (const f of alike) read.push(await figures.response(f, [], 'working', asOf));
      } finally {
        h.client.execute = execute;
      }
      // One read for the four alike (one statement: the period is one month's window), and the investors' own
      // (no waits, so no row of theirs in the shared read); asked alone, each would be a read.
      expect(statements).toBe(2);
      const alone = [];
      for (const f of alike)
        alone.push(await metricsResponseTimes(ctx, { filter: f, groupBy: [], basis: 'working', asOf }, env));
      expect(read).toEqual(alone);
      expect(read.map((r) => r.total.waits)).toEqual([2, 2, 1, 0]);
      expect(read[1]!.total.answered).toBe(1);
      expect(await figures.response(other, [], 'working', asOf)).toEqual(
        await metricsResponseTimes(ctx, { filter: other, groupBy: [], basis: 'working', asOf }, env),
      );
    }
  });
});
