import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  classifyWait,
  summarizeWaits,
  workingMsBetween,
  type MetricsFilter,
  type MetricsGroupBy,
} from '@comms-log/shared';
import { authenticate } from '../../auth/tokens';
import type { DbHandle } from '../../db/client';
import { poolWait, reportWaitsIn, type ReportWait, type WaitPool } from '../../db/queries/report-waits';
import { scanWaits } from '../../db/queries/waits';
import { seedDemo } from '../../demo/seed';
import { createTestDb } from '../../testing/test-org';
import { metricsResponseTimes } from '../metrics/response-times';
import { loadEnv, scopeFilter, type MetricsEnv } from '../metrics/scope';
import type { ServiceCtx } from '../service-ctx';
import { responseFromWaits, waitsKept } from './wait-pool';
import { worstWaitsOf } from './worst-waits';

/*
 * The report splits one read of the waits in JavaScript: every filter and grouping must give exactly what
 * `metrics.responseTimes` gives in SQL, including local weeks across a daylight-saving change.
 */

const NOW = Date.parse('2026-03-20T12:00:00+08:00');
const range = { from: Date.parse('2025-09-01T00:00:00Z'), to: Date.parse('2026-03-21T00:00:00Z') };
const period: MetricsFilter = { from: '2025-12-20T00:00:00+08:00', to: '2026-03-20T00:00:00+08:00' };

let handle: DbHandle;
let manager: ServiceCtx;
let staff: ServiceCtx;
let pool: WaitPool;
let waits: ReportWait[];

beforeAll(async () => {
  handle = await createTestDb();
  const demo = await seedDemo(handle.db, { now: NOW, interactions: 2000 });
  const as = async (role: 'manager' | 'staff'): Promise<ServiceCtx> => ({
    db: handle.db,
    user: (await authenticate(handle.db, demo.users.find((u) => u.role === role)!.token, NOW))!,
    now: NOW,
  });
  manager = await as('manager');
  staff = await as('staff');
  pool = await reportWaitsIn(handle.db, manager.user.orgId, range);
  waits = Array.from({ length: pool.size }, (_, i) => poolWait(pool, i));
}, 120_000);
afterAll(() => handle.close());

async function expectSame(ctx: ServiceCtx, filter: MetricsFilter, groupBy: MetricsGroupBy[], zone?: string) {
  const stored = await loadEnv(ctx);
  const env: MetricsEnv = zone
    ? { ...stored, plan: { ...stored.plan, calendar: { ...stored.plan.calendar, timeZone: zone } } }
    : stored;
  const asOf = '2026-03-10T08:00:00Z';
  for (const basis of ['working', 'calendar'] as const) {
    const sql = await metricsResponseTimes(ctx, { filter, groupBy, basis, asOf }, env);
    const js = responseFromWaits(
      pool,
      { filter: scopeFilter(ctx.user, filter), groupBy, basis, asOfMs: Date.parse(asOf) },
      env.plan.calendar.timeZone,
    );
    expect(js).toEqual(sql);
  }
}

describe('response figures split from one read of the waits', () => {
  it('read every wait of the range', () => {
    expect(waits.length).toBeGreaterThan(200);
    expect(new Set(waits.map((w) => w.tier)).size).toBeGreaterThan(1);
  });

  it('keep each wait column by column as the scan reads it', async () => {
    const scanned: unknown[][] = [];
    const columns = ['id', 'occurredAt', 'stakeholderType', 'channel', 'userId', 'stakeholderId'] as const;
    const filter = { from: new Date(range.from).toISOString(), to: new Date(range.to).toISOString() };
    await scanWaits(handle.db, manager.user.orgId, filter, [...columns, 'repliedAt', 'closedAt'] as const, (rows) =>
      scanned.push(...rows),
    );
    const byId = new Map(waits.map((w) => [w.id, w]));
    expect(byId.size).toBe(scanned.length);
    for (const r of scanned) {
      const w = byId.get(r[0] as string)!;
      expect([
        w.id,
        w.occurredAt,
        w.stakeholderType,
        w.channel,
        w.userId,
        w.stakeholderId,
        w.replyAtMs,
        w.closedAtMs,
      ]).toEqual(r);
    }
    // Nulls come back as nulls, not as codes or NaN.
    expect(waits.some((w) => w.replyAtMs === null)).toBe(true);
    expect(waits.some((w) => w.purpose === null)).toBe(true);
  });

  it('equal metrics.responseTimes for every grouping', async () => {
    const groupings: MetricsGroupBy[][] = [
      [],
      ['stakeholderType', 'channel'],
      ['week'],
      ['day'],
      ['month', 'channel'],
      ['user'],
      ['stakeholder'],
      ['direction'],
      ['purpose'],
    ];
    for (const groupBy of groupings) await expectSame(manager, period, groupBy);
  });

  it('equal metrics.responseTimes for every filter, and for staff only their own', async () => {
    const some = waits.find((w) => w.tier !== null && w.purpose !== null)!;
    const filters: MetricsFilter[] = [
      { ...period, stakeholderType: [some.stakeholderType] },
      { ...period, channel: [some.channel, 'phone'] },
      { ...period, userId: [some.userId] },
      { ...period, stakeholderId: [some.stakeholderId!] },
      { ...period, tier: [some.tier!] },
      { ...period, direction: 'inbound' },
      { ...period, direction: 'outbound' },
      { ...period, purpose: some.purpose },
      { ...period, purpose: null },
      { from: '2025-10-01T00:00:00+08:00', to: '2026-01-01T00:00:00+08:00' },
    ];
    for (const filter of filters) await expectSame(manager, filter, ['stakeholderType', 'channel']);
    await expectSame(staff, period, ['week']);
  });

  it('put waits in the same local weeks as SQL across a daylight-saving change', async () => {
    const overDst = { from: '2025-10-01T00:00:00Z', to: '2026-03-20T00:00:00Z' };
    await expectSame(manager, overDst, ['week'], 'America/New_York');
    await expectSame(manager, overDst, ['day', 'channel'], 'Europe/Berlin');
  });

  it('fold as the shared accumulator, and with it when a time is below zero', () => {
    const asOfMs = Date.parse('2026-03-10T08:00:00Z');
    const filter = { ...period };
    const kept = [...waitsKept(pool, filter)].map((i) => poolWait(pool, i));
    const answered = kept.findIndex((w) => w.replyAtMs !== null && w.replyAtMs <= asOfMs && w.responseWorkMs! > 0);
    expect(answered).toBeGreaterThanOrEqual(0);
    // A negative time (a tally holds whole ms ≥ 0 only): the same pool but that one wait, folded by the accumulator.
    const negative = Float64Array.from(pool.times.responseWorkMs);
    negative[waitsKept(pool, filter)[answered]!] = -1000;
    const odd: WaitPool = { ...pool, times: { ...pool.times, responseWorkMs: negative } };
    for (const [p, figures] of [
      [pool, kept],
      [odd, kept.map((w, k) => (k === answered ? { ...w, responseWorkMs: -1000 } : w))],
    ] as const)
      for (const basis of ['working', 'calendar'] as const) {
        const js = responseFromWaits(p, { filter, groupBy: [], basis, asOfMs }, 'Asia/Shanghai');
        expect(js.total).toEqual(summarizeWaits(figures, { basis, asOfMs }));
      }
    expect(
      responseFromWaits(odd, { filter, groupBy: [], basis: 'working', asOfMs }, 'Asia/Shanghai').total.meanMs,
    ).not.toBe(
      responseFromWaits(pool, { filter, groupBy: [], basis: 'working', asOfMs }, 'Asia/Shanghai').total.meanMs,
    );
  });

  it('give the same worst waits as a scan of the period', async () => {
    const at = Date.parse('2026-03-10T08:00:00Z');
    for (const ctx of [manager, staff]) {
      const env = await loadEnv(ctx);
      const scoped = scopeFilter(ctx.user, period);
      const scanned = await worstWaitsOf(ctx, env, scoped, at);
      expect(scanned.worst).toHaveLength(10);
      expect(await worstWaitsOf(ctx, env, scoped, at, { pool, kept: waitsKept(pool, scoped) })).toEqual(scanned);
    }
  });

  it('rank as sorting every candidate wait would, past the point where candidates are cut back', async () => {
    const at = Date.parse('2026-03-10T08:00:00Z');
    const env = await loadEnv(manager);
    const kept = waitsKept(pool, scopeFilter(manager.user, period));
    const all = [...kept].map((i) => poolWait(pool, i));
    const ranked = all
      .map((w) => {
        const status = classifyWait(w, at);
        const answered = w.replyAtMs !== null && w.replyAtMs <= at;
        return {
          id: w.id,
          status,
          work: answered ? (w.responseWorkMs ?? 0) : workingMsBetween(w.occurredAt, at, env.plan.calendar),
          cal: answered ? (w.responseMs ?? 0) : at - w.occurredAt,
        };
      })
      .filter((r) => r.status === 'on_time' || r.status === 'late')
      .sort((a, b) => b.work - a.work || b.cal - a.cal || (a.id < b.id ? -1 : 1));
    // More candidates than are held before a cut (256), so the cutting is exercised.
    expect(ranked.length).toBeGreaterThan(300);
    const { worst } = await worstWaitsOf(manager, env, period, at, { pool, kept });
    expect(worst.map((w) => [w.id, w.waitedWorkMs, w.waitedMs])).toEqual(
      ranked.slice(0, 10).map((r) => [r.id, r.work, r.cal]),
    );
  });
});
