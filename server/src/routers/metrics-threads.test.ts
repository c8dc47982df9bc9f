import { describe, expect, it } from 'vitest';
import { at, ours, period, seedThreads } from '../testing/evaluation-seed';
import { freshOrgPerTest, pushAccepted, type TestOrg } from '../testing/test-org';

/* `metrics.threads`: the conversations opened in a period, their outcome and the figures the goals read of them. */

let t: TestOrg;

freshOrgPerTest((_h, org) => {
  t = org;
});

const H = 3_600_000;

const keys = (items: { threadKey: string }[]) => items.map((i) => i.threadKey.slice('gmail:'.length));

describe('metrics.threads', () => {
  it('lists the threads opened in the period, newest first, with their state and figures', async () => {
    await seedThreads(t);
    const res = await t.staff.caller.metrics.threads({ filter: { ...period, purpose: 'complaint' } });
    expect(res.total).toBe(5);
    expect(keys(res.items)).toEqual(['t5', 't4', 't3', 't2', 't1']);
    const byKey = Object.fromEntries(res.items.map((i) => [i.threadKey.slice(6), i]));
    expect(byKey.t1).toMatchObject({
      state: 'resolved',
      purpose: 'complaint',
      openedAt: new Date(at('09T10:00')).toISOString(),
      resolvedAt: new Date(at('09T15:00')).toISOString(),
      replies: 1,
      resolutionWorkMs: 5 * H,
      title: 'Broken lid',
      userName: 'Sam',
      stakeholderType: 'customer',
    });
    expect(byKey.t2).toMatchObject({ state: 'resolved', replies: 2, resolutionWorkMs: 9 * H });
    // Wed 10:00–18:00, Thu 09:00–18:00, Fri 09:00–10:00.
    expect(byKey.t3).toMatchObject({ state: 'resolved', replies: 2, resolutionWorkMs: 18 * H });
    expect(byKey.t4).toMatchObject({ state: 'open', resolvedAt: null, replies: 0, resolutionWorkMs: null });
    expect(byKey.t5).toMatchObject({ state: 'reopened', resolvedAt: null, replies: 1, resolutionWorkMs: null });
  });

  it('filters by state as of an instant, by purpose (the thread’s), type and none', async () => {
    await seedThreads(t);
    const list = (input: Parameters<typeof t.manager.caller.metrics.threads>[0]) =>
      t.manager.caller.metrics.threads(input).then((r) => keys(r.items));
    const complaints = { ...period, purpose: 'complaint' };
    expect(await list({ filter: complaints, state: ['resolved'] })).toEqual(['t3', 't2', 't1']);
    expect(await list({ filter: complaints, state: ['open', 'reopened'] })).toEqual(['t5', 't4', 't9']);
    // On Thursday at noon t3 was reopened and t5 not yet written.
    const thursday = at('12T12:00');
    expect(await list({ filter: complaints, state: ['reopened'], asOf: thursday })).toEqual(['t3']);
    const asOfThursday = await t.manager.caller.metrics.threads({ filter: complaints, asOf: thursday });
    expect(asOfThursday.items.find((i) => i.threadKey === 'gmail:t3')).toMatchObject({ replies: 2, resolvedAt: null });
    expect(await list({ filter: { ...period, purpose: 'product_feedback' } })).toEqual(['fb']);
    expect(await list({ filter: { ...period, stakeholderType: ['partner'] } })).toEqual(['p1']);
    expect(await list({ filter: { ...period, purpose: null } })).toEqual([]);
    // t0 began the week before: it is not a thread of this period.
    expect(await list({ filter: { ...period, from: '2026-03-06T00:00:00+08:00' }, state: ['open'] })).toContain('t0');
    expect(await list({ filter: period })).not.toContain('t0');
  });

  it('pages newest first with the shared cursor', async () => {
    await seedThreads(t);
    const filter = { ...period, purpose: 'complaint' };
    const first = await t.manager.caller.metrics.threads({ filter, limit: 4 });
    expect(first.total).toBe(6);
    expect(keys(first.items)).toEqual(['t5', 't4', 't3', 't9']);
    const second = await t.manager.caller.metrics.threads({ filter, limit: 4, cursor: first.nextCursor });
    expect(keys(second.items)).toEqual(['t2', 't1']);
    expect(second.nextCursor).toBeNull();
    await expect(t.manager.caller.metrics.threads({ filter, cursor: 'nonsense' })).rejects.toThrow(/cursor/);
  });

  it('gives staff the threads they logged a message in, and refuses a filter naming anyone else', async () => {
    await seedThreads(t);
    const filter = { ...period, purpose: 'complaint' };
    expect(keys((await t.staff2.caller.metrics.threads({ filter })).items)).toEqual(['t9']);
    await expect(
      t.staff.caller.metrics.threads({ filter: { ...filter, userId: [t.staff2.user.id] } }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN', message: 'Staff see only their own figures.' });
    expect((await t.staff.caller.metrics.threads({ filter: { ...filter, userId: [t.staff.user.id] } })).total).toBe(5);
    // Sam answers Tao's complaint: it becomes one of Sam's threads too.
    await pushAccepted(t.staff, [ours('t9', '10T12:00')]);
    expect((await t.staff.caller.metrics.threads({ filter })).total).toBe(6);
    const managerForTao = await t.manager.caller.metrics.threads({ filter: { ...filter, userId: [t.staff2.user.id] } });
    expect(keys(managerForTao.items)).toEqual(['t9']);
  });
});
