import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MetricsFilter, MetricsGroupBy } from '@comms-log/shared';
import { authenticate } from '../../auth/tokens';
import type { DbHandle } from '../../db/client';
import { seedDemo } from '../../demo/seed';
import { createTestDb } from '../../testing/test-org';
import type { ServiceCtx } from '../service-ctx';
import { codedResponseTimes, metricsResponseTimes, responseScope } from './response-times';
import { scannedResponseTimes } from './response-times-scan';
import { loadEnv } from './scope';

/*
 * `metrics.responseTimes` reads the waits as codes worked out in SQL (docs/metrics.md "Roll-ups"): for every
 * grouping, filter, basis and `asOf` its figures must be those the shared accumulator folds from the waits read
 * whole, and a wait the codes cannot carry must send the whole figure to that read.
 */

const NOW = Date.parse('2026-03-20T12:00:00+08:00');
const period: MetricsFilter = { from: '2025-12-20T00:00:00+08:00', to: '2026-03-20T00:00:00+08:00' };
/** Inside the period: later replies and closures have not happened yet, later deadlines not passed. */
const PAST = '2026-02-10T10:30:00+08:00';

let handle: DbHandle;
let manager: ServiceCtx;
let staff: ServiceCtx;

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
}, 120_000);
afterAll(() => handle.close());

type Input = Parameters<typeof metricsResponseTimes>[1];

/** The coded figures, compared with the accumulator's over the waits read whole; returns them. */
async function expectSame(ctx: ServiceCtx, input: Input) {
  const scope = responseScope(ctx, input, await loadEnv(ctx));
  const coded = await codedResponseTimes(ctx, scope);
  expect(coded).toEqual(await scannedResponseTimes(ctx, scope));
  return coded;
}

const input = (over: Partial<Input>): Input => ({
  filter: period,
  groupBy: [],
  basis: 'working',
  firstResponseOnly: false,
  ...over,
});

describe('response figures from the waits’ codes', () => {
  it('equal the accumulator’s for every grouping, basis and asOf, waits open and settled', async () => {
    const groupings: MetricsGroupBy[][] = [
      [],
      ['stakeholderType', 'channel'],
      ['channel', 'direction', 'stakeholderType'],
      ['user', 'week'],
      ['stakeholder'],
      ['purpose', 'day'],
      ['week', 'month'],
      ['month', 'purpose', 'user'],
    ];
    for (const asOf of [PAST, undefined, '2025-12-01T00:00:00Z'])
      for (const basis of ['working', 'calendar'] as const)
        for (const groupBy of groupings) await expectSame(manager, input({ groupBy, basis, asOf }));
    // The demo's waits are of every kind as of the past instant: the statuses above were all exercised.
    const past = await expectSame(manager, input({ asOf: PAST }));
    for (const n of [past.total.onTime, past.total.late, past.total.pending, past.total.closed])
      expect(n).toBeGreaterThan(0);
    expect(past.total.answered).toBeLessThan((await expectSame(manager, input({}))).total.answered);
  });

  it('equal the accumulator’s for every filter, first responses only, and staff’s own', async () => {
    const [some] = await handle.db.all<{ t: string; c: string; u: string; s: string; p: string }>(sql`
      SELECT stakeholder_type AS t, channel AS c, user_id AS u, stakeholder_id AS s, purpose AS p FROM interactions
      WHERE org_id = ${manager.user.orgId} AND wait_start = 1 AND purpose IS NOT NULL AND stakeholder_id IS NOT NULL LIMIT 1`);
    const filters: MetricsFilter[] = [
      { ...period, stakeholderType: [some!.t as 'customer'] },
      { ...period, channel: [some!.c as 'email', 'phone'] },
      { ...period, userId: [some!.u] },
      { ...period, stakeholderId: [some!.s] },
      { ...period, tier: ['standard'] },
      { ...period, direction: 'inbound' },
      { ...period, purpose: some!.p },
      { ...period, purpose: null },
    ];
    for (const filter of filters) {
      const res = await expectSame(manager, input({ filter, groupBy: ['channel', 'purpose'], asOf: PAST }));
      expect(res.total.waits).toBeGreaterThan(0);
    }
    await expectSame(manager, input({ groupBy: ['stakeholderType'], firstResponseOnly: true }));
    const own = await expectSame(staff, input({ groupBy: ['user', 'channel'] }));
    expect(new Set(own.rows.map((r) => r.key.user))).toEqual(new Set([staff.user.id]));
  });

  it('send a figure with a wait the codes cannot carry to the waits read whole', async () => {
    const orgId = manager.user.orgId;
    const [a, b, c] = await handle.db.all<{ id: string }>(
      sql`SELECT id FROM interactions WHERE org_id = ${orgId} AND wait_start = 1 AND replied_at IS NOT NULL
        AND occurred_at >= ${Date.parse(period.from)} AND occurred_at < ${Date.parse(period.to)} ORDER BY id LIMIT 3`,
    );
    // Written by hand, past the API's checks: a channel outside the list, a fractional time, a control character.
    await handle.db.run(sql`UPDATE interactions SET channel = 'fax' WHERE id = ${a!.id}`);
    await handle.db.run(sql`UPDATE interactions SET response_work_ms = 1000.5 WHERE id = ${b!.id}`);
    await handle.db.run(sql`UPDATE interactions SET purpose = ${'odd\u001epurpose'} WHERE id = ${c!.id}`);
    for (const groupBy of [['channel'], [], ['purpose']] as MetricsGroupBy[][]) {
      const scope = responseScope(manager, input({ groupBy }), await loadEnv(manager));
      await expect(codedResponseTimes(manager, scope)).rejects.toThrow();
      const res = await metricsResponseTimes(manager, input({ groupBy }));
      expect(res).toEqual(await scannedResponseTimes(manager, scope));
    }
    const byChannel = await metricsResponseTimes(manager, input({ groupBy: ['channel'] }));
    expect(byChannel.rows.find((r) => r.key.channel === 'fax')?.stats.waits).toBe(1);
  });
});
