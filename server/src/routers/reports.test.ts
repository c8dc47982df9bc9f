import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MetricsFilter, PeriodReport } from '@comms-log/shared';
import { authenticate } from '../auth/tokens';
import { createInnerContext } from '../context';
import type { DbHandle } from '../db/client';
import { seedDemo } from '../demo/seed';
import { createTestDb, createTestOrg, interactionData, upsert } from '../testing/test-org';
import { createCaller } from './_app';

const NOW = Date.parse('2026-03-20T12:00:00+08:00');

type Caller = ReturnType<typeof createCaller>;

/** Every figure of the report against the `metrics.*` procedure that computes the same thing. */
async function expectReportMatchesMetrics(caller: Caller, report: PeriodReport, filter: MetricsFilter) {
  const asOf = report.meta.asOf;
  const totals = (groupBy: ('stakeholderType' | 'channel' | 'day' | 'user' | 'direction')[], f = filter) =>
    caller.metrics.totals({ filter: f, groupBy });

  const byType = await totals(['stakeholderType']);
  expect(report.overview.total).toBe(byType.total);
  expect(report.overview.byType).toEqual(byType.rows.map((r) => ({ key: r.key.stakeholderType, count: r.count })));
  expect(report.overview.byChannel).toEqual(
    (await totals(['channel'])).rows.map((r) => ({ key: r.key.channel, count: r.count })),
  );
  const byDay = await totals(['day']);
  expect(report.overview.perDay.filter((d) => d.count > 0)).toEqual(
    byDay.rows.map((r) => ({ key: r.key.day, count: r.count })),
  );
  const byUser = await totals(['user']);
  expect(Object.fromEntries(report.overview.perPerson.map((p) => [p.userId, p.count]))).toEqual(
    Object.fromEntries(byUser.rows.map((r) => [r.key.user, r.count])),
  );
  const byDirection = await totals(['direction']);
  expect(report.overview.inbound).toBe(byDirection.rows.find((r) => r.key.direction === 'inbound')?.count ?? 0);
  expect(report.overview.outbound).toBe(byDirection.rows.find((r) => r.key.direction === 'outbound')?.count ?? 0);

  const working = await caller.metrics.responseTimes({
    filter,
    asOf,
    basis: 'working',
    groupBy: ['stakeholderType', 'channel'],
  });
  expect(report.response.total).toEqual(working.total);
  expect(
    report.response.byTypeChannel.map((r) => ({
      key: { stakeholderType: r.stakeholderType, channel: r.channel },
      stats: r.stats,
    })),
  ).toEqual(working.rows);
  const calendar = await caller.metrics.responseTimes({ filter, asOf, basis: 'calendar' });
  expect(report.response.totalCalendar).toEqual(calendar.total);
  expect(report.coverage).toEqual((await caller.metrics.coverage({ asOf })).rows);

  const len = Date.parse(filter.to) - Date.parse(filter.from);
  const prev = {
    ...filter,
    from: new Date(Date.parse(filter.from) - len).toISOString(),
    to: new Date(Date.parse(filter.from)).toISOString(),
  };
  expect(report.comparison.previous.total).toBe((await totals([], prev)).total);
  expect(report.comparison.previous.response).toEqual(
    (await caller.metrics.responseTimes({ filter: prev, asOf, basis: 'working' })).total,
  );

  for (const goal of report.goals) {
    if (goal.metric !== 'on_time_rate' || !goal.scope.stakeholderType) continue;
    const stats = await caller.metrics.responseTimes({
      filter: { ...filter, stakeholderType: [goal.scope.stakeholderType] },
      asOf,
    });
    expect(goal.actual).toBe(stats.total.onTimeRate);
    expect(goal.count).toBe(stats.total.onTime + stats.total.late);
  }
}

describe('reports.period over the demo org', () => {
  let handle: DbHandle;
  let manager: Caller;
  let staff: Caller;
  let staffId: string;
  // 90 whole local days ending at the start of the seed's last day.
  const filter: MetricsFilter = { from: '2025-12-20T00:00:00+08:00', to: '2026-03-20T00:00:00+08:00' };

  beforeAll(async () => {
    handle = await createTestDb();
    const demo = await seedDemo(handle.db, { now: NOW, interactions: 2000 });
    const as = async (role: 'manager' | 'staff') => {
      const user = await authenticate(handle.db, demo.users.find((u) => u.role === role)!.token, NOW);
      return { user: user!, caller: createCaller(createInnerContext({ db: handle.db, user: user! })) };
    };
    manager = (await as('manager')).caller;
    const s = await as('staff');
    staff = s.caller;
    staffId = s.user.id;
  }, 120_000);
  afterAll(() => handle.close());

  it('gives the same figures as metrics.* for the same period', async () => {
    const report = await manager.reports.period({ filter, language: 'en' });
    expect(report.meta.scope).toBe('team');
    expect(report.overview.total).toBeGreaterThan(500);
    expect(report.response.total.waits).toBeGreaterThan(50);
    expect(report.overview.perDay).toHaveLength(90);
    await expectReportMatchesMetrics(manager, report, filter);
  });

  it('gives a staff token only its own figures', async () => {
    const mine = await staff.reports.period({ filter, language: 'zh-CN' });
    const team = await manager.reports.period({ filter, language: 'zh-CN' });
    expect(mine.meta.scope).toBe('own');
    expect(mine.overview.total).toBeGreaterThan(0);
    expect(mine.overview.total).toBeLessThan(team.overview.total);
    expect(mine.overview.perPerson.map((p) => p.userId)).toEqual([staffId]);
    expect(mine.gaps.worstWaits.every((w) => w.userId === staffId)).toBe(true);
    await expectReportMatchesMetrics(staff, mine, filter);
    // Asking for someone else's figures is refused, in the report and in its goals.
    const forced = { filter: { ...filter, userId: ['someone-else'] }, language: 'en' as const };
    await expect(staff.reports.period(forced)).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'Staff see only their own figures.',
    });
    await expect(staff.reports.goals(forced)).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'Staff see only their own figures.',
    });
  });

  it('reports.goals gives exactly the period report’s goals, for the team and for a staff member', async () => {
    for (const [caller, scope] of [
      [manager, 'team'],
      [staff, 'own'],
    ] as const) {
      for (const language of ['en', 'zh-CN'] as const) {
        const report = await caller.reports.period({ filter, language });
        const goals = await caller.reports.goals({ filter, language });
        expect(goals.goals.length).toBeGreaterThan(0);
        expect(goals.goals).toEqual(report.goals);
        expect(goals.meta).toEqual({
          language,
          from: report.meta.from,
          to: report.meta.to,
          asOf: report.meta.asOf,
          scope,
          planVersion: report.meta.planVersion,
        });
      }
    }
    // Evaluated at another instant, as the period report would be.
    const asOf = '2026-02-01T00:00:00+08:00';
    expect((await manager.reports.goals({ filter, language: 'en', asOf })).goals).toEqual(
      (await manager.reports.period({ filter, language: 'en', asOf })).goals,
    );
  });
});

describe('reports.period', () => {
  it('rates goals against the plan, lists the gaps and suggests actions in both languages', async () => {
    const handle = await createTestDb();
    try {
      const t = await createTestOrg(handle);
      const items = [
        interactionData({ threadKey: 'gmail:a', occurredAt: '2026-03-09T10:00:00+08:00' }),
        interactionData({
          threadKey: 'gmail:a',
          occurredAt: '2026-03-09T13:00:00+08:00',
          direction: 'outbound',
          author: { name: 'Sam', handle: null },
        }),
        interactionData({ threadKey: 'gmail:b', occurredAt: '2026-03-13T17:00:00+08:00' }),
        interactionData({ threadKey: 'gmail:b', occurredAt: '2026-03-13T17:30:00+08:00' }),
        interactionData({
          threadKey: 'gmail:b',
          occurredAt: '2026-03-16T11:00:00+08:00',
          direction: 'outbound',
          author: { name: 'Sam', handle: null },
        }),
        interactionData({ threadKey: 'gmail:c', occurredAt: '2026-03-10T09:00:00+08:00', title: 'Refund?' }),
      ];
      const pushed = await t.staff.caller.sync.push({ items: items.map((d) => upsert(d)) });
      expect(pushed.rejected).toEqual([]);
      const filter = { from: '2026-03-09T00:00:00+08:00', to: '2026-03-16T00:00:00+08:00' };
      const asOf = '2026-03-17T09:00:00+08:00';
      const en = await t.manager.caller.reports.period({ filter, asOf, language: 'en' });

      const onTime = en.goals.find((g) => g.id === 'customer-on-time')!;
      expect(onTime).toMatchObject({ actual: 2 / 3, count: 3, status: 'missed', target: 0.98 });
      const mean = en.goals.find((g) => g.id === 'customer-mean-response')!;
      // Working mean 3 h ≤ 4 h.
      expect(mean).toMatchObject({ actual: 3, count: 2, status: 'met' });
      // Media have no waits: no data, not a miss.
      expect(en.goals.find((g) => g.id === 'media-on-time')!.status).toBe('no_data');
      // 12 posts a month prorated to 7 days.
      const posts = en.goals.find((g) => g.id === 'social-posts')!;
      expect(posts.periodTarget).toBeCloseTo((12 * 7) / (365.25 / 12), 6);
      expect(posts).toMatchObject({ actual: 0, status: 'missed' });
      expect(en.gaps.missedGoals.map((g) => g.id)).toContain('customer-on-time');

      expect(en.gaps.worstWaits.map((w) => [w.id, w.status])).toEqual([
        [items[5]!.id, 'late'],
        // Both answered in 3 working hours: the longer calendar wait (over the weekend) ranks first.
        [items[2]!.id, 'on_time'],
        [items[0]!.id, 'on_time'],
      ]);
      // Tue 09:00 → Tue 09:00 a week later: five working days of 9 h.
      expect(en.gaps.worstWaits[0]).toMatchObject({
        title: 'Refund?',
        userName: 'Sam',
        waitedWorkMs: 5 * 9 * 3_600_000,
      });

      expect(en.actions.map((a) => a.kind)).toEqual(expect.arrayContaining(['missed_goal', 'late_backlog']));
      expect(en.actions.find((a) => a.kind === 'late_backlog')!.text).toMatch(
        /1 waits went past their SLA and 1 of them are still unanswered/,
      );
      expect(en.actions.find((a) => a.kind === 'missed_goal')!.text).toMatch(/Goal missed/);

      const zh = await t.manager.caller.reports.period({ filter, asOf, language: 'zh-CN' });
      expect(zh.goals.find((g) => g.id === 'customer-on-time')!.label).toBe('客户咨询按时响应率 ≥ 98%');
      expect(zh.actions.find((a) => a.kind === 'missed_goal')!.text).toMatch(
        /未达成目标「客户咨询按时响应率 ≥ 98%」：实际 66.7%/,
      );
      // The same figures whatever the language.
      expect(zh.response).toEqual(en.response);
      expect(zh.comparison.previous.total).toBe(0);
    } finally {
      handle.close();
    }
  });
});
