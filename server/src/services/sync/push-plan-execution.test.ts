import { describe, expect, it } from 'vitest';
import { freshOrgPerTest, interactionData, pushAccepted, upsert, type TestOrg } from '../../testing/test-org';

/* The meeting, project and own-post fields of interactions: validated, merged to the latest capture, pulled. */

let t: TestOrg;

freshOrgPerTest((_handle, org) => {
  t = org;
});

const pulled = async () => (await t.manager.caller.sync.pull({ cursor: 0 })).interactions;

describe('sync.push: evaluation fields of interactions', () => {
  it('stores a meeting’s headcounts and series and pulls them back', async () => {
    const meeting = interactionData({
      source: 'manual',
      threadKey: 'manual:m1',
      channel: 'in_person',
      direction: 'outbound',
      invited: 12,
      attended: 10,
      series: 'weekly cross-department meeting',
    });
    await pushAccepted(t.staff, [meeting]);
    expect((await pulled())[0]).toMatchObject({
      invited: 12,
      attended: 10,
      series: 'weekly cross-department meeting',
      dueAt: null,
      reposts: null,
    });
  });

  it('refuses more attended than invited, negative or fractional counts and dates without an offset, storing nothing', async () => {
    const bad = [
      interactionData({ invited: 5, attended: 6 }),
      interactionData({ attended: 3 }),
      interactionData({ likes: -1 }),
      interactionData({ reads: 2.5 }),
      interactionData({ dueAt: '2026-03-20T18:00:00' }),
    ];
    const res = await t.staff.caller.sync.push({ items: bad.map(upsert) });
    expect(res.applied).toEqual([]);
    const reasons = res.rejected.map((r) => r.reason);
    expect(reasons[0]).toMatch(/^invalid interaction: attended: More attended than invited/);
    expect(reasons[1]).toMatch(/More attended than invited/);
    expect(reasons[2]).toMatch(/likes: a count cannot be negative/);
    expect(reasons[3]).toMatch(/reads: a count must be a whole number/);
    expect(reasons[4]).toMatch(/^invalid interaction: dueAt/);
    expect(await pulled()).toEqual([]);
  });

  it('keeps the latest status and dates of a re-captured project item, whoever logs it', async () => {
    const issue = interactionData({
      source: 'jira',
      externalId: 'PRJ-7',
      threadKey: 'jira:PRJ-7',
      channel: 'project',
      stakeholderType: 'partner',
      projectStatus: 'In Progress',
      dueAt: '2026-03-20T00:00:00+08:00',
      doneAt: null,
    });
    await pushAccepted(t.staff, [issue]);
    // A colleague logs it again once done: the status and done date are the latest capture's.
    await pushAccepted(t.staff2, [
      interactionData({
        ...issue,
        id: interactionData().id,
        projectStatus: 'Done',
        doneAt: '2026-03-19T17:00:00+08:00',
      }),
    ]);
    // A capture without project fields (a comment logged from elsewhere) leaves them as they are.
    await pushAccepted(t.staff, [{ ...issue, projectStatus: null, dueAt: null, title: 'Renamed' }]);
    const [row] = await pulled();
    expect(row).toMatchObject({
      id: issue.id,
      userId: t.staff.user.id,
      projectStatus: 'Done',
      dueAt: '2026-03-19T16:00:00.000Z',
      doneAt: '2026-03-19T09:00:00.000Z',
    });
  });

  it('keeps the latest counts of a re-captured own post', async () => {
    const post = interactionData({
      source: 'weibo',
      externalId: 'wb-1',
      threadKey: 'weibo:wb-1',
      channel: 'social',
      direction: 'outbound',
      reposts: 3,
      comments: 4,
      likes: 10,
      reads: 1000,
      followers: 50000,
    });
    await pushAccepted(t.staff, [post]);
    await pushAccepted(t.staff, [{ ...post, reposts: 5, comments: 9, likes: 30, reads: null, followers: 50100 }]);
    expect((await pulled())[0]).toMatchObject({ reposts: 5, comments: 9, likes: 30, reads: null, followers: 50100 });
  });
});
