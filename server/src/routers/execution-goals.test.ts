import { describe, expect, it } from 'vitest';
import { ulid } from 'ulid';
import { freshOrgPerTest, interactionData, pushAccepted, type TestMember, type TestOrg } from '../testing/test-org';

/*
 * The execution and reach goals of the default plan in `reports.goals` (docs/metrics.md "Goals"): on-time
 * delivery as a streak of three quarters, the interaction rate of our posts, attendance of a meeting series,
 * execution of planned activities and the cost share, which staff never see.
 */

let t: TestOrg;

freshOrgPerTest((_handle, org) => {
  t = org;
});

const march = { from: '2026-03-01T00:00:00+08:00', to: '2026-04-01T00:00:00+08:00' };
const asOf = '2026-03-31T20:00:00+08:00';

async function goalsOf(who: TestMember) {
  const res = await who.caller.reports.goals({ filter: march, language: 'en', asOf });
  return Object.fromEntries(res.goals.map((g) => [g.id, g]));
}

/** A partner project item (a Jira issue) as the extension captures it. */
const issue = (key: string, dueAt: string | null, doneAt: string | null) =>
  interactionData({
    source: 'jira',
    externalId: key,
    threadKey: `jira:${key}`,
    channel: 'project',
    stakeholderType: 'partner',
    occurredAt: '2025-07-01T10:00:00+08:00',
    projectStatus: doneAt ? 'Done' : 'In Progress',
    dueAt,
    doneAt,
  });

describe('partner delivery on time, three quarters running', () => {
  it('is missed when the middle quarter was late, and lists each quarter behind the status', async () => {
    await pushAccepted(t.staff, [
      issue('PRJ-1', '2025-08-15T00:00:00+08:00', '2025-08-14T17:00:00+08:00'),
      issue('PRJ-2', '2025-11-10T00:00:00+08:00', '2025-11-20T17:00:00+08:00'),
      issue('PRJ-3', '2026-02-10T00:00:00+08:00', '2026-02-09T17:00:00+08:00'),
      // Without a due date: not counted.
      issue('PRJ-4', null, null),
    ]);
    const goal = (await goalsOf(t.manager))['partner-delivery-on-time']!;
    expect(goal).toMatchObject({ metric: 'delivery_on_time_rate', actual: 1, count: 1, status: 'missed' });
    expect(goal.streak).toEqual({
      consecutivePeriods: 3,
      run: 1,
      periods: [
        { from: '2025-06-30T16:00:00.000Z', to: '2025-09-30T16:00:00.000Z', actual: 1, count: 1, met: true },
        { from: '2025-09-30T16:00:00.000Z', to: '2025-12-31T16:00:00.000Z', actual: 0, count: 1, met: false },
        { from: '2025-12-31T16:00:00.000Z', to: '2026-03-31T16:00:00.000Z', actual: 1, count: 1, met: true },
      ],
    });
  });

  it('is met once a later capture shows the middle quarter’s item done on time', async () => {
    await pushAccepted(t.staff, [
      issue('PRJ-1', '2025-08-15T00:00:00+08:00', '2025-08-14T17:00:00+08:00'),
      issue('PRJ-2', '2025-11-10T00:00:00+08:00', '2025-11-20T17:00:00+08:00'),
      issue('PRJ-3', '2026-02-10T00:00:00+08:00', '2026-02-09T17:00:00+08:00'),
    ]);
    // The due date was moved and the item recaptured: the latest values count.
    await pushAccepted(t.staff2, [issue('PRJ-2', '2025-11-25T00:00:00+08:00', '2025-11-20T17:00:00+08:00')]);
    const goal = (await goalsOf(t.manager))['partner-delivery-on-time']!;
    expect(goal.status).toBe('met');
    expect(goal.streak?.run).toBe(3);
  });
});

describe('reach and execution goals of the default plan', () => {
  it('rates our posts, a meeting series and the planned activities; cost share for managers only', async () => {
    const post = (id: string, counts: Record<string, number>) =>
      interactionData({
        source: 'weibo',
        externalId: id,
        threadKey: `weibo:${id}`,
        channel: 'social',
        direction: 'outbound',
        stakeholderType: 'customer',
        occurredAt: '2026-03-12T10:00:00+08:00',
        ...counts,
      });
    const meeting = (series: string, invited: number, attended: number, day: string) =>
      interactionData({
        source: 'manual',
        threadKey: `manual:${ulid()}`,
        channel: 'in_person',
        direction: 'outbound',
        occurredAt: `2026-03-${day}T10:00:00+08:00`,
        invited,
        attended,
        series,
      });
    const review = meeting('partner review', 4, 1, '10');
    await pushAccepted(t.staff, [
      post('wb-1', { reposts: 3, comments: 4, likes: 13, reads: 1000, followers: 50000 }),
      post('wb-2', { reposts: 10, comments: 20, likes: 30, reads: 1000, followers: 50000 }),
      meeting('weekly cross-department meeting', 10, 9, '02'),
      meeting('weekly cross-department meeting', 10, 8, '09'),
      review,
    ]);
    const held = await t.staff.caller.activities.create({
      id: ulid(),
      title: 'Partner review',
      stakeholderType: 'partner',
      channel: 'in_person',
      ownerUserId: t.staff.user.id,
      startAt: '2026-03-10T09:00:00+08:00',
      endAt: '2026-03-10T11:00:00+08:00',
    });
    await t.staff.caller.activities.update({ id: held.id, status: 'held', heldInteractionId: review.id });
    // Past its date and still planned: not held.
    await t.manager.caller.activities.create({
      id: ulid(),
      title: 'Press briefing',
      stakeholderType: 'media',
      channel: 'in_person',
      ownerUserId: t.staff2.user.id,
      startAt: '2026-03-05T09:00:00+08:00',
      endAt: '2026-03-05T10:00:00+08:00',
    });
    await t.manager.caller.evaluations.recordCost({
      id: ulid(),
      month: '2026-03',
      category: 'Press events',
      amount: 12000,
      currency: 'CNY',
    });
    await t.manager.caller.evaluations.setRevenue({ month: '2026-03', amount: 1_000_000, currency: 'CNY' });

    const manager = await goalsOf(t.manager);
    expect(manager['own-posts-interaction-rate']).toMatchObject({ actual: 80 / 2000, count: 2, status: 'missed' });
    expect(manager['cross-department-attendance']).toMatchObject({ actual: 17 / 20, count: 2, status: 'met' });
    expect(manager['cross-department-attendance']!.scope.series).toBe('weekly cross-department meeting');
    expect(manager['plan-execution']).toMatchObject({ actual: 0.5, count: 2, status: 'missed' });
    expect(manager['communication-cost-share']).toMatchObject({ actual: 0.012, count: 1, status: 'met' });

    // Staff: their own activities (the held one), and no cost figure at all.
    const staff = await goalsOf(t.staff);
    expect(staff['plan-execution']).toMatchObject({ actual: 1, count: 1, status: 'met' });
    expect(staff['communication-cost-share']).toMatchObject({ actual: null, count: 0, status: 'no_data' });
  });
});
