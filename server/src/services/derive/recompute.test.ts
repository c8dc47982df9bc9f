import { expect, it } from 'vitest';
import type { DbHandle } from '../../db/client';
import { freshOrgPerTest, interactionData, pushAccepted, testStakeholder, type TestOrg } from '../../testing/test-org';
import { currentPlan, savePlan } from '../plans';
import { allThreadSizes, recomputeOrg } from './recompute';

/*
 * A plan recompute commits chunk by chunk, so pushes land between its chunks. A push derives the threads it touches
 * under the plan current in its transaction, and the chunks still to come read its rows: when the recompute ends,
 * every derived field must equal a from-scratch recompute of the whole org, whichever side of the push each
 * thread's chunk fell.
 */

let handle: DbHandle;
let t: TestOrg;
freshOrgPerTest((h, org) => {
  handle = h;
  t = org;
});

const inbound = (thread: number, at: string, stakeholderId: string) =>
  interactionData({ threadKey: `gmail:t${thread}`, occurredAt: at, stakeholderId });
const reply = (thread: number, at: string, stakeholderId: string) =>
  interactionData({
    threadKey: `gmail:t${thread}`,
    occurredAt: at,
    stakeholderId,
    direction: 'outbound',
    author: { name: 'Sam', handle: 'sam@org.test' },
  });
const call = (at: string, stakeholderId: string) =>
  interactionData({
    source: 'manual',
    threadKey: `manual:${at}`,
    channel: 'phone',
    direction: 'outbound',
    occurredAt: at,
    stakeholderId,
    author: { name: 'Sam', handle: null },
    durationMin: 5,
  });

/** Rows a recompute of the whole org in one scope would change: 0 when every stored field equals it. */
async function fromScratchDifferences(): Promise<number> {
  const { plan } = await currentPlan(handle.db, t.org.id);
  return (await recomputeOrg(handle.db, t.org.id, plan, { dryRun: true, chunkRows: Number.MAX_SAFE_INTEGER })).changed;
}

it('leaves every derived field equal to a from-scratch recompute when a push lands between its chunks', async () => {
  const created = Date.parse('2026-03-01T00:00:00Z');
  const a = (await testStakeholder(handle, t, created, 'Acme')).id;
  const b = (await testStakeholder(handle, t, created, 'Bolt')).id;
  // Six threads started a day apart (the recompute's chunk order), open waits of both stakeholders in each.
  const before = [];
  for (let n = 1; n <= 6; n++) {
    const day = `2026-03-0${n + 1}`;
    before.push(inbound(n, `${day}T09:00:00+08:00`, n % 2 ? a : b));
    if (n % 3 === 0) before.push(reply(n, `${day}T11:00:00+08:00`, n % 2 ? a : b));
  }
  await pushAccepted(t.staff, before);

  const { plan } = await currentPlan(handle.db, t.org.id);
  const next = { ...plan, sla: plan.sla.map((r) => ({ ...r, limit: { ...r.limit, value: r.limit.value + 3 } })) };
  await savePlan(handle.db, t.org.id, next, null);
  expect(await fromScratchDifferences()).toBeGreaterThan(0);

  // After two of the six threads: a reply in a recomputed thread, a message in one still to come, a new thread,
  // and a call of each stakeholder that answers open waits on both sides of the push.
  const seen: [number, number][] = [];
  let pushed = false;
  const progress = async (done: number, total: number) => {
    seen.push([done, total]);
    if (pushed || done < 2) return;
    pushed = true;
    await pushAccepted(t.staff, [
      reply(1, '2026-03-02T15:00:00+08:00', a),
      inbound(5, '2026-03-06T10:00:00+08:00', a),
      inbound(7, '2026-03-08T09:00:00+08:00', b),
      call('2026-03-08T12:00:00+08:00', a),
      call('2026-03-09T12:00:00+08:00', b),
    ]);
  };
  const result = await recomputeOrg(handle.db, t.org.id, async (tx) => (await currentPlan(tx, t.org.id)).plan, {
    dryRun: false,
    chunkRows: 1,
    progress,
  });

  expect(pushed).toBe(true);
  expect(seen).toContainEqual([2, 8]);
  expect(result.changed).toBeGreaterThan(0);
  expect(await fromScratchDifferences()).toBe(0);
});

it('reads the plan current at each chunk, so a plan saved meanwhile applies from the next chunk on', async () => {
  const created = Date.parse('2026-03-01T00:00:00Z');
  const a = (await testStakeholder(handle, t, created, 'Acme')).id;
  await pushAccepted(
    t.staff,
    [1, 2, 3, 4].map((n) => inbound(n, `2026-03-0${n + 1}T09:00:00+08:00`, a)),
  );
  const { plan } = await currentPlan(handle.db, t.org.id);
  const longer = (by: number) => ({
    ...plan,
    sla: plan.sla.map((r) => ({ ...r, limit: { ...r.limit, value: r.limit.value + by } })),
  });
  await savePlan(handle.db, t.org.id, longer(1), null);
  await recomputeOrg(handle.db, t.org.id, async (tx) => (await currentPlan(tx, t.org.id)).plan, {
    dryRun: false,
    chunkRows: 1,
    progress: async (done) => {
      if (done === 2) await savePlan(handle.db, t.org.id, longer(2), null);
    },
  });
  // The first two threads were written under the plan of their moment; a second recompute brings them up to date.
  expect(await fromScratchDifferences()).toBe(2);
});

it('lists the threads a page at a time along the (org, thread) index, the same as in one page', async () => {
  const created = Date.parse('2026-03-01T00:00:00Z');
  const a = (await testStakeholder(handle, t, created, 'Acme')).id;
  const rows = [1, 2, 3, 4, 5].map((n) => inbound(n, `2026-03-0${n + 1}T09:00:00+08:00`, a));
  await pushAccepted(t.staff, [...rows, reply(3, '2026-03-04T11:00:00+08:00', a)]);
  let pauses = 0;
  const paged = await allThreadSizes(handle.db, t.org.id, async () => void pauses++, 2);
  const whole = await allThreadSizes(handle.db, t.org.id, async () => {}, 1000);
  expect(paged).toEqual(whole);
  expect(whole.map(([key, , n]) => [key, n])).toEqual([
    ['gmail:t1', 1],
    ['gmail:t2', 1],
    ['gmail:t3', 2],
    ['gmail:t4', 1],
    ['gmail:t5', 1],
  ]);
  expect(pauses).toBe(2);
  const plan = await handle.client.execute({
    sql: `EXPLAIN QUERY PLAN SELECT thread_key, min(occurred_at), count(*) FROM interactions
      WHERE org_id = ? AND thread_key > ? GROUP BY thread_key ORDER BY thread_key LIMIT ?`,
    args: [t.org.id, '', 2],
  });
  const details = plan.rows.map((r) => String(r.detail)).join('\n');
  expect(details).toContain('interactions_org_thread');
  expect(details).not.toContain('TEMP B-TREE');
});
