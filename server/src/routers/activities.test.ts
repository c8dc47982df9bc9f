import { describe, expect, it } from 'vitest';
import { ulid } from 'ulid';
import type { ActivityInput } from '@comms-log/shared';
import { freshOrgPerTest, interactionData, pushAccepted, type TestOrg } from '../testing/test-org';

/* activities.create / update / list: the communication calendar, per role, with its refusals. */

let t: TestOrg;

freshOrgPerTest((_handle, org) => {
  t = org;
});

const activity = (over: Partial<ActivityInput> = {}): ActivityInput => ({
  id: ulid(),
  title: 'Quarterly partner review',
  stakeholderType: 'partner',
  channel: 'video',
  ownerUserId: t.staff.user.id,
  startAt: '2026-03-10T10:00:00+08:00',
  endAt: '2026-03-10T11:00:00+08:00',
  milestones: [{ title: 'Agenda sent', dueAt: '2026-03-05T18:00:00+08:00' }],
  recurrence: 'quarterly',
  ...over,
});

const listAll = async () => (await t.manager.caller.activities.list({})).items;

describe('activities', () => {
  it('staff plan their own and see only theirs; managers plan for anyone and see all', async () => {
    const mine = await t.staff.caller.activities.create(activity());
    expect(mine).toMatchObject({
      title: 'Quarterly partner review',
      ownerUserId: t.staff.user.id,
      status: 'planned',
      recurrence: 'quarterly',
      heldInteractionId: null,
      createdBy: t.staff.user.id,
      startAt: '2026-03-10T02:00:00.000Z',
    });
    await t.manager.caller.activities.create(activity({ ownerUserId: t.staff2.user.id, title: 'Press day' }));
    await expect(t.staff.caller.activities.create(activity({ ownerUserId: t.staff2.user.id }))).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'you can only plan activities you own',
    });
    expect((await t.staff.caller.activities.list({})).items.map((a) => a.title)).toEqual(['Quarterly partner review']);
    await expect(t.staff.caller.activities.list({ ownerUserId: t.staff2.user.id })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect((await listAll()).map((a) => a.title).sort()).toEqual(['Press day', 'Quarterly partner review']);
    expect((await t.manager.caller.activities.list({ ownerUserId: t.staff2.user.id })).items).toHaveLength(1);
    // Staff cannot change a colleague's activity.
    const [press] = (await t.manager.caller.activities.list({ ownerUserId: t.staff2.user.id })).items;
    await expect(t.staff.caller.activities.update({ id: press!.id, title: 'Mine now' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('lists by range: a recurring activity that started earlier is kept, a past one-off is not', async () => {
    await t.staff.caller.activities.create(
      activity({ recurrence: 'weekly', startAt: '2026-01-05T10:00:00+08:00', endAt: '2026-01-05T11:00:00+08:00' }),
    );
    await t.staff.caller.activities.create(
      activity({
        recurrence: 'none',
        title: 'Old one-off',
        startAt: '2026-01-06T10:00:00+08:00',
        endAt: '2026-01-06T11:00:00+08:00',
      }),
    );
    const res = await t.manager.caller.activities.list({
      from: '2026-03-01T00:00:00+08:00',
      to: '2026-04-01T00:00:00+08:00',
    });
    expect(res.items.map((a) => a.title)).toEqual(['Quarterly partner review']);
  });

  it('marking one held links the org’s interaction and takes its attendance', async () => {
    const a = await t.staff.caller.activities.create(activity());
    const meeting = interactionData({
      source: 'manual',
      threadKey: 'manual:review',
      channel: 'video',
      direction: 'outbound',
      occurredAt: '2026-03-10T10:05:00+08:00',
      invited: 8,
      attended: 7,
      series: 'quarterly partner review',
    });
    await pushAccepted(t.staff, [meeting]);
    const held = await t.staff.caller.activities.update({ id: a.id, status: 'held', heldInteractionId: meeting.id });
    expect(held).toMatchObject({
      status: 'held',
      heldInteractionId: meeting.id,
      invited: 8,
      attended: 7,
      heldAt: '2026-03-10T02:05:00.000Z',
      title: 'Quarterly partner review',
      milestones: [{ title: 'Agenda sent', dueAt: '2026-03-05T18:00:00+08:00' }],
    });
    // Renaming keeps the link; setting it back to planned drops the link and its headcounts.
    const renamed = await t.staff.caller.activities.update({ id: a.id, title: 'Q1 partner review' });
    expect(renamed).toMatchObject({ status: 'held', heldInteractionId: meeting.id, attended: 7 });
    const replanned = await t.staff.caller.activities.update({ id: a.id, status: 'planned' });
    expect(replanned).toMatchObject({ status: 'planned', heldInteractionId: null, heldAt: null, attended: null });
  });

  it('refuses bad input with a clear error and changes nothing', async () => {
    const a = await t.staff.caller.activities.create(activity());
    const before = await listAll();
    await expect(
      t.staff.caller.activities.create(
        activity({ startAt: '2026-03-10T10:00:00+08:00', endAt: '2026-03-10T09:00:00+08:00' }),
      ),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('An activity cannot end before it starts'),
    });
    await expect(
      t.staff.caller.activities.create(activity({ recurrence: 'fortnightly' as never })),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('recurrence') });
    // An update that would end it before it starts, given only the end.
    await expect(
      t.staff.caller.activities.update({ id: a.id, endAt: '2026-03-01T00:00:00+08:00' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: 'endAt: An activity cannot end before it starts' });
    await expect(
      t.staff.caller.activities.update({ id: a.id, status: 'held', heldInteractionId: ulid() }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringMatching(/^heldInteractionId: no interaction/),
    });
    await expect(t.staff.caller.activities.update({ id: a.id, heldInteractionId: ulid() })).rejects.toMatchObject({
      message: 'heldInteractionId: only an activity marked held links the interaction logged for it',
    });
    await expect(t.staff.caller.activities.create(activity({ stakeholderIds: ['nobody'] }))).rejects.toMatchObject({
      message: 'stakeholderIds: no stakeholder nobody in your org',
    });
    await expect(t.staff.caller.activities.update({ id: ulid(), title: 'x' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await listAll()).toEqual(before);
  });
});

describe('overdue planned activities in followups.overdue', () => {
  it('lists an activity past its date and still planned for its owner, and not once held or for others', async () => {
    const past = await t.staff.caller.activities.create(
      activity({
        recurrence: 'none',
        title: 'Press briefing',
        startAt: '2026-03-05T09:00:00+08:00',
        endAt: '2026-03-05T10:00:00+08:00',
      }),
    );
    // Still to come, and later the same day as the list: not overdue.
    await t.staff.caller.activities.create(
      activity({
        recurrence: 'none',
        title: 'Later today',
        startAt: '2026-03-09T08:00:00+08:00',
        endAt: '2026-03-09T09:00:00+08:00',
      }),
    );
    const asOf = '2026-03-09T12:00:00+08:00';
    const own = await t.staff.caller.followups.overdue({ asOf });
    const activityItems = own.items.filter((i) => i.kind === 'activity');
    expect(activityItems).toEqual([
      {
        kind: 'activity',
        id: past.id,
        state: 'overdue',
        ownerUserId: t.staff.user.id,
        title: 'Press briefing',
        channel: 'video',
        startAt: '2026-03-05T01:00:00.000Z',
        endAt: '2026-03-05T02:00:00.000Z',
      },
    ]);
    expect(own.counts.reminders).toBe(1);
    expect((await t.staff2.caller.followups.overdue({ asOf })).items.filter((i) => i.kind === 'activity')).toEqual([]);
    expect((await t.manager.caller.followups.overdue({ asOf, team: true })).items.some((i) => i.id === past.id)).toBe(
      true,
    );

    await t.staff.caller.activities.update({ id: past.id, status: 'not_held' });
    expect((await t.staff.caller.followups.overdue({ asOf })).items.filter((i) => i.kind === 'activity')).toEqual([]);
  });

  it('lists a recurring activity still planned by its latest past occurrence', async () => {
    // Weekly on Mondays from 5 January, 10:00–11:00 in Shanghai, never marked held.
    const series = await t.staff.caller.activities.create(
      activity({
        recurrence: 'weekly',
        title: 'Weekly partner sync',
        startAt: '2026-01-05T10:00:00+08:00',
        endAt: '2026-01-05T11:00:00+08:00',
      }),
    );
    const listed = async (asOf: string) =>
      (await t.staff.caller.followups.overdue({ asOf })).items.filter((i) => i.id === series.id);
    // Monday 9 March at noon: that day's meeting is not over for the day yet, so the one of 2 March is overdue.
    expect(await listed('2026-03-09T12:00:00+08:00')).toMatchObject([
      { kind: 'activity', startAt: '2026-03-02T02:00:00.000Z', endAt: '2026-03-02T03:00:00.000Z' },
    ]);
    // A week on, the next repetition has gone by too.
    expect(await listed('2026-03-17T09:00:00+08:00')).toMatchObject([
      { kind: 'activity', startAt: '2026-03-16T02:00:00.000Z', endAt: '2026-03-16T03:00:00.000Z' },
    ]);
    // Before the day of its first occurrence is over, nothing.
    expect(await listed('2026-01-05T20:00:00+08:00')).toEqual([]);
    await t.staff.caller.activities.update({ id: series.id, status: 'held' });
    expect(await listed('2026-03-17T09:00:00+08:00')).toEqual([]);
  });
});
