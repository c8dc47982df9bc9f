import { describe, expect, it } from 'vitest';
import { freshOrgPerTest, interactionData, pushAccepted, type TestOrg } from '../testing/test-org';

/* `purpose` as a filter of every interaction figure and follow-up list, and as a grouping of `metrics.totals`. */

let t: TestOrg;

freshOrgPerTest((_h, org) => {
  t = org;
});

const period = { from: '2026-03-09T00:00:00+08:00', to: '2026-03-16T00:00:00+08:00' };
const asOf = '2026-03-17T09:00:00+08:00';

const inbound = (thread: string, at: string, purpose: string | null) =>
  interactionData({ threadKey: `gmail:${thread}`, occurredAt: at, purpose });
const reply = (thread: string, at: string, purpose: string | null) =>
  interactionData({
    threadKey: `gmail:${thread}`,
    occurredAt: at,
    direction: 'outbound',
    author: { name: 'Sam', handle: 'sam@us.test' },
    purpose,
  });

/**
 * Sam: a complaint answered in 3 h, product feedback never answered, an email without a purpose never answered.
 * Tao: one complaint, never answered.
 */
async function seed() {
  const items = {
    complaint: inbound('a', '2026-03-09T10:00:00+08:00', 'complaint'),
    complaintReply: reply('a', '2026-03-09T13:00:00+08:00', 'complaint'),
    feedback: inbound('b', '2026-03-10T09:00:00+08:00', 'product_feedback'),
    unsorted: inbound('c', '2026-03-11T10:00:00+08:00', null),
    taoComplaint: inbound('d', '2026-03-12T10:00:00+08:00', 'complaint'),
  };
  await pushAccepted(t.staff, [items.complaint, items.complaintReply, items.feedback, items.unsorted]);
  await pushAccepted(t.staff2, [items.taoComplaint]);
  return items;
}

describe('purpose in metrics', () => {
  it('filters totals by a purpose, or by none (null), and groups them by purpose with null as its own group', async () => {
    await seed();
    const total = (purpose: string | null | undefined) =>
      t.manager.caller.metrics.totals({ filter: { ...period, purpose } }).then((r) => r.total);
    expect(await total(undefined)).toBe(5);
    expect(await total('complaint')).toBe(3);
    expect(await total('product_feedback')).toBe(1);
    expect(await total(null)).toBe(1);
    expect(await total('market_research')).toBe(0);

    const grouped = await t.manager.caller.metrics.totals({ filter: period, groupBy: ['purpose'] });
    expect(grouped.rows).toEqual([
      { key: { purpose: 'complaint' }, count: 3 },
      { key: { purpose: 'product_feedback' }, count: 1 },
      { key: { purpose: null }, count: 1 },
    ]);
    const byUser = await t.manager.caller.metrics.totals({ filter: period, groupBy: ['user', 'purpose'] });
    expect(byUser.rows).toContainEqual({ key: { user: t.staff2.user.id, purpose: 'complaint' }, count: 1 });
  });

  it('gives staff their own interactions of the purpose only', async () => {
    await seed();
    const mine = await t.staff.caller.metrics.totals({
      filter: { ...period, purpose: 'complaint' },
      groupBy: ['purpose'],
    });
    expect(mine).toEqual({ total: 2, rows: [{ key: { purpose: 'complaint' }, count: 2 }] });
    const theirs = await t.staff2.caller.metrics.totals({ filter: { ...period, purpose: 'complaint' } });
    expect(theirs.total).toBe(1);
  });

  it('filters response times and their drill-down by purpose', async () => {
    const items = await seed();
    const stats = (purpose: string | null) =>
      t.manager.caller.metrics.responseTimes({ filter: { ...period, purpose }, asOf }).then((r) => r.total);
    expect(await stats('complaint')).toMatchObject({ waits: 2, answered: 1, onTime: 1, late: 1 });
    expect(await stats('product_feedback')).toMatchObject({ waits: 1, answered: 0, late: 1 });
    expect(await stats(null)).toMatchObject({ waits: 1, late: 1 });
    const grouped = await t.manager.caller.metrics.responseTimes({ filter: period, asOf, groupBy: ['purpose'] });
    expect(grouped.rows.map((r) => [r.key.purpose, r.stats.waits])).toEqual([
      ['complaint', 2],
      ['product_feedback', 1],
      [null, 1],
    ]);

    const drill = await t.manager.caller.metrics.interactions({
      filter: { ...period, purpose: 'complaint' },
      waitsOnly: true,
      asOf,
    });
    expect(drill.items.map((i) => i.id)).toEqual([items.taoComplaint.id, items.complaint.id]);
    // One row of the grouped figure: the waits without a purpose.
    const none = await t.manager.caller.metrics.interactions({
      filter: period,
      key: { purpose: null },
      onTime: 'late',
      asOf,
    });
    expect(none.items.map((i) => i.id)).toEqual([items.unsorted.id]);
    const all = await t.manager.caller.metrics.interactions({ filter: { ...period, purpose: 'complaint' } });
    expect(all.total).toBe(3);
  });

  it('refuses a purpose that is not a purpose id', async () => {
    await expect(t.manager.caller.metrics.totals({ filter: { ...period, purpose: 'Not A Slug' } })).rejects.toThrow(
      /purpose/,
    );
  });
});

describe('purpose in the follow-up lists', () => {
  it('lists only the late waits of the purpose, without cadence or reminders', async () => {
    const items = await seed();
    const team = await t.manager.caller.followups.overdue({ team: true, asOf });
    expect(team.items.filter((i) => i.kind === 'wait').map((i) => i.id)).toEqual(
      expect.arrayContaining([items.feedback.id, items.unsorted.id, items.taoComplaint.id]),
    );
    const complaints = await t.manager.caller.followups.overdue({ team: true, asOf, purpose: 'complaint' });
    expect(complaints.items.map((i) => [i.kind, i.id])).toEqual([['wait', items.taoComplaint.id]]);
    const none = await t.staff.caller.followups.overdue({ asOf, purpose: null });
    expect(none.items.map((i) => i.id)).toEqual([items.unsorted.id]);
    // Staff still see only their own list.
    const staffComplaints = await t.staff.caller.followups.overdue({ asOf, purpose: 'complaint' });
    expect(staffComplaints.items).toEqual([]);
  });

  it('lists the "no reply needed" closures of one purpose', async () => {
    const items = await seed();
    await t.staff.caller.followups.closeWait({ interactionId: items.unsorted.id, reason: 'Newsletter' });
    await t.staff.caller.followups.closeWait({ interactionId: items.feedback.id, reason: 'Thanks only' });
    const ids = (purpose: string | null | undefined) =>
      t.manager.caller.followups.closures({ purpose }).then((r) => r.items.map((c) => c.interactionId));
    expect(await ids(undefined)).toHaveLength(2);
    expect(await ids(null)).toEqual([items.unsorted.id]);
    expect(await ids('product_feedback')).toEqual([items.feedback.id]);
    expect(await ids('complaint')).toEqual([]);
  });
});
