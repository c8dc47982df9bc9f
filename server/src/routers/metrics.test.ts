import { describe, expect, it } from 'vitest';
import { ulid } from 'ulid';
import type { DbHandle } from '../db/client';
import type { StakeholderFields } from '../services/directory/stakeholders';
import { rollUpTotals } from '../services/metrics/totals';
import {
  createTestOrg,
  freshOrgPerTest,
  interactionData,
  pushAccepted,
  testStakeholder,
  type TestOrg,
} from '../testing/test-org';

const H = 3_600_000;

let handle: DbHandle;
let t: TestOrg;

freshOrgPerTest((h, org) => {
  handle = h;
  t = org;
});

const inbound = (thread: string, at: string, over: Record<string, unknown> = {}) =>
  interactionData({ threadKey: `gmail:${thread}`, occurredAt: at, ...over });
const reply = (thread: string, at: string, over: Record<string, unknown> = {}) =>
  interactionData({
    threadKey: `gmail:${thread}`,
    occurredAt: at,
    direction: 'outbound',
    author: { name: 'Sam', handle: 'sam@us.test' },
    ...over,
  });

/** The issue-2 acceptance scenario: three customer email threads in Asia/Shanghai, Mon–Fri 09:00–18:00. */
function acceptanceScenario() {
  const a = inbound('a', '2026-03-09T10:00:00+08:00');
  const b1 = inbound('b', '2026-03-13T17:00:00+08:00');
  const b2 = inbound('b', '2026-03-13T17:30:00+08:00');
  const c = inbound('c', '2026-03-10T09:00:00+08:00');
  return {
    a,
    b1,
    b2,
    c,
    items: [a, reply('a', '2026-03-09T13:00:00+08:00'), b1, b2, reply('b', '2026-03-16T11:00:00+08:00'), c],
  };
}

const period = { from: '2026-03-09T00:00:00+08:00', to: '2026-03-16T00:00:00+08:00' };
const asOf = '2026-03-17T09:00:00+08:00';

describe('metrics.responseTimes', () => {
  it('gives the acceptance figures: 3 waits, 2 on time, 1 late, 66.7%, working median 3 h, calendar mean 34.5 h', async () => {
    await pushAccepted(t.staff, acceptanceScenario().items);

    const working = await t.manager.caller.metrics.responseTimes({ filter: period, asOf, basis: 'working' });
    expect(working.basis).toBe('working');
    expect(working.total).toMatchObject({ waits: 3, answered: 2, onTime: 2, late: 1, pending: 0, closed: 0 });
    expect(working.total.onTimeRate).toBeCloseTo(2 / 3, 10);
    expect(Math.round(working.total.onTimeRate! * 1000) / 10).toBe(66.7);
    expect(working.total.medianMs).toBe(3 * H);
    expect(working.total.buckets).toEqual({ lt1h: 0, '1to4h': 2, '4to24h': 0, '24to72h': 0, gt72h: 0 });

    const calendar = await t.manager.caller.metrics.responseTimes({ filter: period, asOf, basis: 'calendar' });
    expect(calendar.total.meanMs).toBe(34.5 * H);
    expect(calendar.total.medianMs).toBe(3 * H);
    expect(calendar.total.p90Ms).toBe(66 * H);
    expect(calendar.total.buckets).toEqual({ lt1h: 0, '1to4h': 1, '4to24h': 0, '24to72h': 1, gt72h: 0 });
  });

  it('counts a wait in the period in which it starts, and an unanswered one inside its SLA as pending', async () => {
    await pushAccepted(t.staff, acceptanceScenario().items);
    // Waits of the next week: none started (the Monday reply answers a wait of the week before).
    const next = await t.manager.caller.metrics.responseTimes({
      filter: { from: period.to, to: '2026-03-23T00:00:00+08:00' },
      asOf,
    });
    expect(next.total.waits).toBe(0);
    // As of Tue 10:00 the unanswered Tue 09:00 email is inside its 4 working hours: pending, in neither count.
    const early = await t.manager.caller.metrics.responseTimes({ filter: period, asOf: '2026-03-10T10:00:00+08:00' });
    expect(early.total).toMatchObject({ waits: 3, onTime: 1, late: 0, pending: 2, answered: 1 });
  });

  it('groups by day and channel in the org zone', async () => {
    await pushAccepted(t.staff, acceptanceScenario().items);
    const res = await t.manager.caller.metrics.responseTimes({ filter: period, asOf, groupBy: ['day'] });
    expect(res.rows.map((r) => [r.key.day, r.stats.waits, r.stats.onTime, r.stats.late])).toEqual([
      ['2026-03-09', 1, 1, 0],
      ['2026-03-10', 1, 0, 1],
      ['2026-03-13', 1, 1, 0],
    ]);
  });

  it('counts a wait closed as "no reply needed" as neither on time nor late', async () => {
    const s = acceptanceScenario();
    await pushAccepted(t.staff, s.items);
    await t.staff.caller.followups.closeWait({ interactionId: s.c.id, reason: 'Auto-reply from their ticket system' });
    // As of now (after the closure).
    const res = await t.manager.caller.metrics.responseTimes({ filter: period, basis: 'working' });
    expect(res.total).toMatchObject({ waits: 3, onTime: 2, late: 0, pending: 0, closed: 1 });
    expect(res.total.onTimeRate).toBe(1);
    // Evaluated as of an instant before it was closed, it was still late.
    const before = await t.manager.caller.metrics.responseTimes({ filter: period, asOf, basis: 'working' });
    expect(before.total).toMatchObject({ onTime: 2, late: 1, closed: 0 });
  });

  it('gives staff only the waits assigned to them', async () => {
    await pushAccepted(t.staff, acceptanceScenario().items);
    await pushAccepted(t.staff2, [inbound('z', '2026-03-11T10:00:00+08:00')]);
    const mine = await t.staff.caller.metrics.responseTimes({ filter: period, asOf });
    expect(mine.total.waits).toBe(3);
    await expect(
      t.staff.caller.metrics.responseTimes({ filter: { ...period, userId: [t.staff2.user.id] }, asOf }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN', message: 'Staff see only their own figures.' });
    const own = await t.staff.caller.metrics.responseTimes({ filter: { ...period, userId: [t.staff.user.id] }, asOf });
    expect(own.total.waits).toBe(3);
    const theirs = await t.staff2.caller.metrics.responseTimes({ filter: period, asOf });
    expect(theirs.total).toMatchObject({ waits: 1, late: 1 });
    const team = await t.manager.caller.metrics.responseTimes({ filter: period, asOf, groupBy: ['user'] });
    expect(team.total.waits).toBe(4);
    expect(Object.fromEntries(team.rows.map((r) => [r.key.user, r.stats.waits]))).toEqual({
      [t.staff.user.id]: 3,
      [t.staff2.user.id]: 1,
    });
  });
});

describe('metrics.totals', () => {
  it('counts interactions in [from, to) by day and ISO week in the org zone, and by direction', async () => {
    await pushAccepted(t.staff, acceptanceScenario().items);
    const byDay = await t.manager.caller.metrics.totals({ filter: period, groupBy: ['day'] });
    // The Monday 16th reply is outside the period.
    expect(byDay.total).toBe(5);
    expect(byDay.rows).toEqual([
      { key: { day: '2026-03-09' }, count: 2 },
      { key: { day: '2026-03-10' }, count: 1 },
      { key: { day: '2026-03-13' }, count: 2 },
    ]);
    const byWeek = await t.manager.caller.metrics.totals({
      filter: { ...period, to: '2026-03-23T00:00:00+08:00' },
      groupBy: ['week', 'direction'],
    });
    expect(byWeek.total).toBe(6);
    expect(byWeek.rows).toEqual([
      { key: { week: '2026-W11', direction: 'inbound' }, count: 4 },
      { key: { week: '2026-W11', direction: 'outbound' }, count: 1 },
      { key: { week: '2026-W12', direction: 'outbound' }, count: 1 },
    ]);
    const byMonth = await t.manager.caller.metrics.totals({ filter: period, groupBy: ['month'] });
    expect(byMonth.rows).toEqual([{ key: { month: '2026-03' }, count: 5 }]);
  });

  it('puts a message at 23:30 local time on its local day, not the UTC one', async () => {
    // 2026-03-10 23:30 in Shanghai is 15:30 UTC the same day; 00:30 on the 11th is still the 10th in UTC.
    await pushAccepted(t.staff, [
      inbound('late', '2026-03-10T23:30:00+08:00'),
      inbound('late', '2026-03-11T00:30:00+08:00'),
    ]);
    const res = await t.manager.caller.metrics.totals({ filter: period, groupBy: ['day'] });
    expect(res.rows).toEqual([
      { key: { day: '2026-03-10' }, count: 1 },
      { key: { day: '2026-03-11' }, count: 1 },
    ]);
  });

  it('follows daylight-saving changes of the org zone', async () => {
    const ny = await createTestOrg(handle, { timeZone: 'America/New_York' });
    // New York springs forward on Sun 2026-03-08 (UTC-5 → UTC-4).
    await pushAccepted(ny.staff, [
      inbound('n', '2026-03-07T23:30:00-05:00'),
      inbound('n', '2026-03-08T23:30:00-04:00'),
      inbound('n', '2026-03-09T00:30:00-04:00'),
      inbound('n', '2026-11-01T00:30:00-04:00'),
      inbound('n', '2026-11-01T23:30:00-05:00'),
    ]);
    const res = await ny.manager.caller.metrics.totals({
      filter: { from: '2026-03-01T00:00:00-05:00', to: '2026-12-01T00:00:00-05:00' },
      groupBy: ['day'],
    });
    expect(res.rows).toEqual([
      { key: { day: '2026-03-07' }, count: 1 },
      { key: { day: '2026-03-08' }, count: 1 },
      { key: { day: '2026-03-09' }, count: 1 },
      { key: { day: '2026-11-01' }, count: 2 },
    ]);
    // The other org's data never shows.
    expect(
      (await t.manager.caller.metrics.totals({ filter: { from: '2026-01-01T00:00:00Z', to: '2027-01-01T00:00:00Z' } }))
        .total,
    ).toBe(0);
  });

  it('groups by type, channel, user and stakeholder, and applies filters', async () => {
    await pushAccepted(t.staff, [
      inbound('a', '2026-03-09T10:00:00+08:00'),
      inbound('p', '2026-03-09T11:00:00+08:00', {
        stakeholderType: 'partner',
        channel: 'project',
        source: 'jira',
        threadKey: 'jira:P-1',
      }),
      reply('a', '2026-03-09T12:00:00+08:00'),
    ]);
    await pushAccepted(t.staff2, [
      inbound('m', '2026-03-10T10:00:00+08:00', {
        stakeholderType: 'media',
        channel: 'social',
        source: 'weibo',
        threadKey: 'weibo:1',
      }),
    ]);
    const res = await t.manager.caller.metrics.totals({ filter: period, groupBy: ['stakeholderType', 'channel'] });
    expect(res.rows).toEqual([
      { key: { stakeholderType: 'customer', channel: 'email' }, count: 2 },
      { key: { stakeholderType: 'media', channel: 'social' }, count: 1 },
      { key: { stakeholderType: 'partner', channel: 'project' }, count: 1 },
    ]);
    const emailOut = await t.manager.caller.metrics.totals({
      filter: { ...period, channel: ['email'], direction: 'outbound' },
    });
    expect(emailOut.total).toBe(1);
    const byUser = await t.manager.caller.metrics.totals({ filter: period, groupBy: ['user'] });
    expect(Object.fromEntries(byUser.rows.map((r) => [r.key.user, r.count]))).toEqual({
      [t.staff.user.id]: 3,
      [t.staff2.user.id]: 1,
    });
    const byStakeholder = await t.manager.caller.metrics.totals({ filter: period, groupBy: ['stakeholder'] });
    expect(byStakeholder.rows).toEqual([{ key: { stakeholder: null }, count: 4 }]);

    // Rolled up from a finer grouping: the same rows, in the same order, as asking for the coarser one.
    const fine = await t.manager.caller.metrics.totals({
      filter: period,
      groupBy: ['stakeholderType', 'channel', 'direction'],
    });
    for (const dims of [['channel'], ['stakeholderType'], ['direction'], ['channel', 'stakeholderType']] as const) {
      expect(rollUpTotals(fine, [...dims])).toEqual(
        await t.manager.caller.metrics.totals({ filter: period, groupBy: [...dims] }),
      );
    }
    expect(() => rollUpTotals(fine, ['user'])).toThrow(/not grouped by user/);
  });

  it('gives staff only their own totals, and refuses a user filter naming anyone else', async () => {
    await pushAccepted(t.staff, [inbound('a', '2026-03-09T10:00:00+08:00'), reply('a', '2026-03-09T11:00:00+08:00')]);
    await pushAccepted(t.staff2, [inbound('b', '2026-03-09T10:00:00+08:00', { threadKey: 'gmail:b' })]);
    expect((await t.staff.caller.metrics.totals({ filter: period })).total).toBe(2);
    await expect(
      t.staff.caller.metrics.totals({ filter: { ...period, userId: [t.staff.user.id, t.staff2.user.id] } }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN', message: 'Staff see only their own figures.' });
    expect((await t.staff2.caller.metrics.totals({ filter: period })).total).toBe(1);
    expect((await t.manager.caller.metrics.totals({ filter: period })).total).toBe(3);
  });

  it('does not count deleted interactions', async () => {
    const a = inbound('a', '2026-03-09T10:00:00+08:00');
    await pushAccepted(t.staff, [a, inbound('a', '2026-03-09T11:00:00+08:00')]);
    await t.staff.caller.sync.push({ items: [{ op: 'delete', entity: 'interaction', id: a.id }] });
    expect((await t.manager.caller.metrics.totals({ filter: period })).total).toBe(1);
  });
});

describe('metrics.coverage', () => {
  it('counts active stakeholders per type within cadence, due and overdue, from our last contact', async () => {
    const created = Date.parse('2026-01-01T00:00:00+08:00');
    const mk = (name: string, type: 'customer' | 'partner', over: Partial<StakeholderFields> = {}) =>
      testStakeholder(handle, t, created, name, { type, ...over });
    const fresh = await mk('Fresh Co', 'customer');
    const cooling = await mk('Cooling Co', 'customer');
    const cold = await mk('Cold Co', 'customer');
    const onlyInbound = await mk('Inbound Only', 'partner');
    await mk('Gone Co', 'customer', { active: false });
    await mk('Never Co', 'partner', { ownerUserId: t.staff2.user.id });
    await pushAccepted(t.staff, [
      reply('f', '2026-03-10T10:00:00+08:00', { stakeholderId: fresh.id }),
      reply('g', '2026-02-10T10:00:00+08:00', { stakeholderId: cooling.id }),
      reply('h', '2026-01-20T10:00:00+08:00', { stakeholderId: cold.id }),
      // An unanswered inbound is not our contact.
      inbound('i', '2026-03-12T10:00:00+08:00', { stakeholderId: onlyInbound.id, stakeholderType: 'partner' }),
    ]);
    const res = await t.manager.caller.metrics.coverage({ asOf });
    // Customers (ideal 21 d, max 30 d): fresh (7 d) ok; cooling (35 d) and cold (56 d) overdue.
    expect(res.rows).toEqual([
      { stakeholderType: 'customer', active: 3, covered: 1, due: 0, overdue: 2, rate: 1 / 3 },
      // Partners run from creation (2026-01-01) when never contacted by us: both overdue.
      { stakeholderType: 'partner', active: 2, covered: 0, due: 0, overdue: 2, rate: 0 },
    ]);
    const earlier = await t.manager.caller.metrics.coverage({ asOf: '2026-03-05T09:00:00+08:00' });
    // As of Mar 5: cooling (23 d) is due but covered; cold (44 d) overdue; fresh not yet contacted (63 d since creation).
    expect(earlier.rows[0]).toEqual({
      stakeholderType: 'customer',
      active: 3,
      covered: 1,
      due: 1,
      overdue: 2,
      rate: 1 / 3,
    });
    // Staff see the stakeholders they own.
    const staff2 = await t.staff2.caller.metrics.coverage({ asOf });
    expect(staff2.rows).toEqual([{ stakeholderType: 'partner', active: 1, covered: 0, due: 0, overdue: 1, rate: 0 }]);
  });
});

describe('metrics.interactions', () => {
  it('reads a period longer than a month window by window with the same figures and pages as one read', async () => {
    // 36 customer email waits every 4 days over ~5 months (several 31-day windows), some answered late, some never.
    const items: Record<string, unknown>[] = [];
    const start = Date.parse('2025-10-06T10:00:00+08:00');
    for (let k = 0; k < 36; k++) {
      const at = start + k * 4 * 86_400_000;
      const thread = `long${k}`;
      items.push(inbound(thread, new Date(at).toISOString()));
      if (k % 5 !== 4) items.push(reply(thread, new Date(at + (k % 3 === 0 ? 30 : 2) * H).toISOString()));
    }
    await pushAccepted(t.staff, items);
    const long = { from: '2025-10-01T00:00:00+08:00', to: '2026-03-01T00:00:00+08:00' };
    const asOfLong = '2026-03-01T00:00:00+08:00';
    const figures = await t.manager.caller.metrics.responseTimes({
      filter: long,
      asOf: asOfLong,
      basis: 'calendar',
      groupBy: ['month'],
    });
    expect(figures.total).toMatchObject({ waits: 36, answered: 29, pending: 0, closed: 0 });
    // Every wait is decided by then: the 7 unanswered ones are late, and so are some 30 h replies (4-working-hour SLA).
    expect(figures.total.onTime + figures.total.late).toBe(36);
    expect(figures.total.late).toBeGreaterThan(7);
    expect(figures.total.onTime).toBeGreaterThan(15);
    expect(figures.rows.map((r) => r.key.month)).toEqual(['2025-10', '2025-11', '2025-12', '2026-01', '2026-02']);
    expect(figures.rows.reduce((n, r) => n + r.stats.waits, 0)).toBe(36);
    // Month by month equals asking for each month alone.
    for (const row of figures.rows) {
      const [y, m] = row.key.month!.split('-').map(Number) as [number, number];
      const from = `${row.key.month}-01T00:00:00+08:00`;
      const to =
        m === 12 ? `${y + 1}-01-01T00:00:00+08:00` : `${y}-${String(m + 1).padStart(2, '0')}-01T00:00:00+08:00`;
      expect(
        (await t.manager.caller.metrics.responseTimes({ filter: { from, to }, asOf: asOfLong, basis: 'calendar' }))
          .total,
      ).toEqual(row.stats);
    }

    // The waits-only drill-down pages newest first across the windows, as many as the figure, each once.
    const seen: { id: string; occurredAt: string; status: string | null }[] = [];
    let cursor: string | null = null;
    do {
      const page = await t.manager.caller.metrics.interactions({
        filter: long,
        waitsOnly: true,
        asOf: asOfLong,
        limit: 7,
        ...(cursor ? { cursor } : {}),
      });
      expect(page.total).toBe(36);
      seen.push(...page.items.map((i) => ({ id: i.id, occurredAt: i.occurredAt, status: i.status })));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(36);
    expect(new Set(seen.map((i) => i.id)).size).toBe(36);
    expect(seen.map((i) => Date.parse(i.occurredAt))).toEqual(
      seen.map((i) => Date.parse(i.occurredAt)).sort((a, b) => b - a),
    );
    const late = await t.manager.caller.metrics.interactions({
      filter: long,
      onTime: 'late',
      asOf: asOfLong,
      limit: 100,
    });
    expect(late.total).toBe(figures.total.late);
    expect(late.items.map((i) => i.id).sort()).toEqual(
      seen
        .filter((i) => i.status === 'late')
        .map((i) => i.id)
        .sort(),
    );

    // The period report's ten longest waits, kept window by window: the 7 never answered (weeks by then), then the
    // longest answered ones.
    const report = await t.manager.caller.reports.period({ filter: long, language: 'en', asOf: asOfLong });
    const worst = report.gaps.worstWaits;
    expect(worst).toHaveLength(10);
    const waits = await t.manager.caller.metrics.interactions({
      filter: long,
      waitsOnly: true,
      asOf: asOfLong,
      limit: 100,
    });
    const unanswered = waits.items.filter((i) => i.repliedAt === null);
    expect(unanswered).toHaveLength(7);
    expect(
      worst
        .slice(0, 7)
        .map((w) => w.id)
        .sort(),
    ).toEqual(unanswered.map((i) => i.id).sort());
    const answeredLongest = waits.items
      .filter((i) => i.repliedAt !== null)
      .map((i) => i.responseWorkMs!)
      .sort((a, b) => b - a)
      .slice(0, 3);
    expect(worst.slice(7).map((w) => w.waitedWorkMs)).toEqual(answeredLongest);
    expect(worst.map((w) => w.waitedWorkMs)).toEqual(worst.map((w) => w.waitedWorkMs).sort((a, b) => b - a));
  });

  it('lists the interactions behind a figure, paged, with names, and the waits of one status', async () => {
    const s = acceptanceScenario();
    await pushAccepted(t.staff, s.items);
    const all = await t.manager.caller.metrics.interactions({ filter: period, limit: 2 });
    expect(all.total).toBe(5);
    expect(all.items).toHaveLength(2);
    expect(all.items[0]!.userName).toBe('Sam');
    const seen = [...all.items];
    let cursor = all.nextCursor;
    while (cursor) {
      const page = await t.manager.caller.metrics.interactions({ filter: period, limit: 2, cursor });
      seen.push(...page.items);
      cursor = page.nextCursor;
    }
    expect(seen).toHaveLength(5);
    expect(new Set(seen.map((i) => i.id)).size).toBe(5);
    expect(seen.map((i) => i.occurredAt)).toEqual([...seen.map((i) => i.occurredAt)].sort().reverse());

    const late = await t.manager.caller.metrics.interactions({ filter: period, onTime: 'late', asOf });
    expect(late.items.map((i) => i.id)).toEqual([s.c.id]);
    expect(late.items[0]!.status).toBe('late');
    const figures = await t.manager.caller.metrics.responseTimes({ filter: period, asOf });
    const onTime = await t.manager.caller.metrics.interactions({ filter: period, onTime: 'on_time', asOf });
    expect(onTime.total).toBe(figures.total.onTime);
    const waits = await t.manager.caller.metrics.interactions({ filter: period, waitsOnly: true, asOf });
    expect(waits.total).toBe(figures.total.waits);

    const day = await t.manager.caller.metrics.interactions({ filter: period, key: { day: '2026-03-13' } });
    expect(day.items.map((i) => i.id).sort()).toEqual([s.b1.id, s.b2.id].sort());
    const week = await t.manager.caller.metrics.interactions({
      filter: { ...period, to: '2026-03-23T00:00:00+08:00' },
      key: { week: '2026-W12' },
    });
    expect(week.total).toBe(1);
    await expect(t.manager.caller.metrics.interactions({ filter: period, key: { week: 'soon' } })).rejects.toThrow(
      /week key/,
    );
  });

  it('gives staff only their own interactions', async () => {
    await pushAccepted(t.staff, [inbound('a', '2026-03-09T10:00:00+08:00')]);
    await pushAccepted(t.staff2, [inbound('b', '2026-03-09T10:00:00+08:00', { threadKey: 'gmail:b', id: ulid() })]);
    const mine = await t.staff.caller.metrics.interactions({ filter: period });
    expect(mine.items.map((i) => i.userId)).toEqual([t.staff.user.id]);
    await expect(
      t.staff.caller.metrics.interactions({ filter: { ...period, userId: [t.staff2.user.id] } }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN', message: 'Staff see only their own figures.' });
    // A row of a figure grouped by user names a user too.
    await expect(
      t.staff.caller.metrics.interactions({ filter: period, key: { user: t.staff2.user.id } }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN', message: 'Staff see only their own figures.' });
  });

  it('names who wrote each message (the counterpart of an inbound one), in the plain and the waits-only lists', async () => {
    const s = acceptanceScenario();
    await pushAccepted(t.staff, [
      ...s.items,
      inbound('d', '2026-03-11T10:00:00+08:00', { author: { name: 'Walk-in', handle: null } }),
    ]);
    const all = await t.manager.caller.metrics.interactions({ filter: period, limit: 200 });
    const authors = new Map(all.items.map((i) => [i.id, [i.direction, i.authorName, i.authorHandle]]));
    expect(authors.get(s.a.id)).toEqual(['inbound', 'Li Lei', 'lilei@acme.cn']);
    // The period holds thread a's reply (thread b's comes on the 16th, after it).
    expect(all.items.filter((i) => i.direction === 'outbound').map((i) => [i.authorName, i.authorHandle])).toEqual([
      ['Sam', 'sam@us.test'],
    ]);
    expect(all.items.find((i) => i.threadKey === 'gmail:d')).toMatchObject({
      authorName: 'Walk-in',
      authorHandle: null,
    });
    const late = await t.manager.caller.metrics.interactions({ filter: period, onTime: 'late', asOf });
    expect(late.items.map((i) => [i.threadKey, i.authorName, i.authorHandle])).toEqual([
      ['gmail:d', 'Walk-in', null],
      ['gmail:c', 'Li Lei', 'lilei@acme.cn'],
    ]);
  });
});
