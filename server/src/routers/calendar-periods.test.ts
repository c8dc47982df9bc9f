import { describe, expect, it } from 'vitest';
import { freshOrgPerTest, interactionData, pushAccepted, type TestOrg } from '../testing/test-org';

let t: TestOrg;

freshOrgPerTest((_h, org) => {
  t = org;
});

/*
 * A calendar with a lunch break and a short Friday, stored as the org's plan: the deadlines and working response
 * times the server derives follow it (docs/metrics.md "Working time").
 */

const lunchAndShortFriday = {
  breaks: [{ start: '12:00', end: '13:30' }],
  weekdays: {
    '5': [
      { start: '09:00', end: '12:00' },
      { start: '13:30', end: '16:00' },
    ],
  },
};

describe('working periods in a stored plan', () => {
  it('give the deadlines and working response times of a week', async () => {
    const read = await t.manager.caller.plan.get();
    await t.manager.caller.plan.update({
      version: read.version,
      calendar: { ...read.plan.calendar, ...lunchAndShortFriday },
    });
    const thread = (key: string, asked: string, answered: string) => [
      interactionData({ threadKey: key, occurredAt: `${asked}+08:00` }),
      interactionData({ threadKey: key, occurredAt: `${answered}+08:00`, direction: 'outbound' }),
    ];
    // Monday 11:00, answered 14:00 (lunch in between); Friday 14:00, answered Monday 10:00.
    const monday = thread('gmail:mon', '2026-03-09T11:00:00', '2026-03-09T14:00:00');
    const friday = thread('gmail:fri', '2026-03-13T14:00:00', '2026-03-16T10:00:00');
    await pushAccepted(t.staff, [...monday, ...friday]);
    const filter = { from: '2026-03-09T00:00:00+08:00', to: '2026-03-16T00:00:00+08:00' };
    const waits = await t.manager.caller.metrics.interactions({ filter, waitsOnly: true });
    const byId = new Map(waits.items.map((i) => [i.id, i]));
    const H = 3_600_000;
    // 4 working hours (customer e-mail): Monday 11:00 → 16:30; Friday 14:00 → Monday 11:00.
    expect(byId.get(monday[0]!.id)).toMatchObject({
      deadlineAt: new Date('2026-03-09T16:30:00+08:00').toISOString(),
      responseWorkMs: 1.5 * H,
      status: 'on_time',
    });
    expect(byId.get(friday[0]!.id)).toMatchObject({
      deadlineAt: new Date('2026-03-16T11:00:00+08:00').toISOString(),
      responseWorkMs: 3 * H,
      status: 'on_time',
    });
    const figures = await t.manager.caller.metrics.responseTimes({ filter });
    expect(figures.total).toMatchObject({ waits: 2, onTime: 2, meanMs: 2.25 * H });
  });
});
