import { describe, expect, it } from 'vitest';
import { ulid } from 'ulid';
import { freshOrgPerTest, interactionData, pushAccepted, upsert, type TestOrg } from '../../testing/test-org';

let t: TestOrg;

freshOrgPerTest((_handle, org) => {
  t = org;
});

const outcome = (data: Record<string, unknown>, id = ulid()) => ({
  op: 'upsert' as const,
  entity: 'thread_outcome' as const,
  id,
  data,
});
const coverage = (data: { id: string } & Record<string, unknown>) => ({
  op: 'upsert' as const,
  entity: 'coverage' as const,
  id: data.id,
  data,
});

describe('sync.push: interaction purposes', () => {
  it('stores a purpose of the plan, keeps it when a later capture names none, and refuses unknown ones', async () => {
    const first = interactionData({ externalId: 'm1', purpose: 'complaint' });
    await pushAccepted(t.staff, [first]);
    // The same message logged again without a purpose (by the same person, then by a colleague): the purpose stays.
    await pushAccepted(t.staff, [{ ...first, purpose: null, title: 'Order question (again)' }]);
    await pushAccepted(t.staff2, [interactionData({ externalId: 'm1' })]);
    const pulled = async () => (await t.manager.caller.sync.pull({ cursor: 0 })).interactions;
    expect((await pulled()).map((i) => [i.id, i.purpose])).toEqual([[first.id, 'complaint']]);

    // A colleague's later capture that names one sets it.
    await pushAccepted(t.staff2, [interactionData({ externalId: 'm1', purpose: 'product_feedback' })]);
    expect((await pulled())[0]!.purpose).toBe('product_feedback');

    const bad = interactionData({ externalId: 'm2', purpose: 'gossip' });
    const res = await t.staff.caller.sync.push({ items: [upsert(bad)] });
    expect(res.rejected).toEqual([
      { id: bad.id, reason: "purpose: no purpose gossip in the plan; pick one of the plan's purposes" },
    ]);
    const notSlug = interactionData({ externalId: 'm3', purpose: 'Not A Slug' });
    const res2 = await t.staff.caller.sync.push({ items: [upsert(notSlug)] });
    expect(res2.rejected[0]!.reason).toMatch(/^invalid interaction: purpose: must be a lower-case slug/);
    expect(await pulled()).toHaveLength(1);
  });

  it('accepts a retired purpose (history keeps it)', async () => {
    const { plan } = await t.manager.caller.plan.get();
    await t.manager.caller.plan.update({
      ...plan,
      purposes: plan.purposes.map((p) => (p.id === 'market_research' ? { ...p, retired: true } : p)),
    });
    await pushAccepted(t.staff, [interactionData({ purpose: 'market_research' })]);
  });
});

describe('sync.push: thread outcomes', () => {
  it('resolves a thread pushed in the same batch; a replay changes nothing', async () => {
    const msg = interactionData({ threadKey: 'gmail:c1', purpose: 'complaint' });
    const resolve = outcome({ threadKey: 'gmail:c1', event: 'resolved', at: '2026-03-09T15:00:00+08:00', note: 'ok' });
    const res = await t.staff.caller.sync.push({ items: [upsert(msg), resolve] });
    expect(res.rejected).toEqual([]);
    expect(res.applied.map((a) => a.entity)).toEqual(['interaction', 'thread_outcome']);
    const detail = await t.staff.caller.threads.get({ threadKey: 'gmail:c1' });
    expect(detail).toMatchObject({ resolved: true, resolvedAt: '2026-03-09T07:00:00.000Z' });
    expect(detail.events.map((e) => e.id)).toEqual([resolve.id]);
    expect(res.cursor).toBe((await t.manager.caller.sync.pull({ cursor: 0 })).cursor);

    const replay = await t.staff.caller.sync.push({ items: [resolve] });
    expect(replay).toEqual({
      applied: [{ id: resolve.id, entity: 'thread_outcome', mergedInto: null }],
      rejected: [],
      cursor: res.cursor,
    });
  });

  it('rejects an outcome the procedures would refuse, with their reason, and applies the rest', async () => {
    await pushAccepted(t.staff, [interactionData({ threadKey: 'gmail:c1' })]);
    const early = outcome({ threadKey: 'gmail:c1', event: 'resolved', at: '2026-03-09T09:00:00+08:00' });
    const unknown = outcome({ threadKey: 'gmail:zzz', event: 'resolved', at: '2026-03-09T11:00:00+08:00' });
    const reopen = outcome({ threadKey: 'gmail:c1', event: 'reopened', at: '2026-03-09T11:00:00+08:00' });
    const malformed = outcome({ threadKey: 'gmail:c1', event: 'closed', at: '2026-03-09T11:00:00+08:00' });
    const good = outcome({ threadKey: 'gmail:c1', event: 'resolved', at: '2026-03-09T11:00:00+08:00' });
    const res = await t.staff.caller.sync.push({ items: [early, unknown, reopen, malformed, good] });
    expect(res.applied.map((a) => a.id)).toEqual([good.id]);
    expect(Object.fromEntries(res.rejected.map((r) => [r.id, r.reason]))).toEqual({
      [early.id]: expect.stringContaining("is before the conversation's first message"),
      [unknown.id]: expect.stringContaining('No conversation gmail:zzz in your org'),
      [reopen.id]: expect.stringContaining('not resolved'),
      [malformed.id]: expect.stringMatching(/^invalid thread outcome: event:/),
    });
    const other = await t.staff2.caller.sync.push({
      items: [outcome({ threadKey: 'gmail:c1', event: 'reopened', at: '2026-03-09T12:00:00+08:00' })],
    });
    expect(other.rejected[0]!.reason).toContain('You can only see, resolve or reopen conversations you have logged');
  });
});

describe('sync.push: coverage', () => {
  async function media() {
    return t.manager.caller.directory.create({ name: 'Daily News', type: 'media' });
  }
  const item = (outletStakeholderId: string, over: Record<string, unknown> = {}) => ({
    id: ulid(),
    outletStakeholderId,
    title: 'Launch covered',
    url: 'https://news.example.cn/a',
    publishedAt: '2026-03-10T09:00:00+08:00',
    tone: null,
    ...over,
  });

  it('creates, replays, updates and deletes an item; the new data wins', async () => {
    const news = await media();
    const a = item(news.id);
    const first = await t.staff.caller.sync.push({ items: [coverage(a)] });
    expect(first.applied).toEqual([{ id: a.id, entity: 'coverage', mergedInto: null }]);
    const replay = await t.staff.caller.sync.push({ items: [coverage(a)] });
    expect(replay.cursor).toBe(first.cursor);

    const judged = { ...a, tone: 'negative', clarifiedAt: '2026-03-11T09:00:00+08:00' };
    const second = await t.staff.caller.sync.push({ items: [coverage(judged)] });
    expect(second.cursor).toBeGreaterThan(first.cursor);
    const [stored] = (await t.staff.caller.evaluations.listCoverage({})).items;
    expect(stored).toMatchObject({ id: a.id, tone: 'negative', clarifiedAt: '2026-03-11T01:00:00.000Z' });

    const staff2 = await t.staff2.caller.sync.push({ items: [coverage({ ...judged, title: 'Mine now' })] });
    expect(staff2.rejected).toEqual([{ id: a.id, reason: 'you can only change coverage you recorded' }]);
    const del = await t.staff.caller.sync.push({ items: [{ op: 'delete', entity: 'coverage', id: a.id }] });
    expect(del.rejected).toEqual([]);
    expect((await t.manager.caller.evaluations.listCoverage({})).items).toEqual([]);
  });

  it('rejects an item that is not from a media outlet or is malformed, and applies the rest', async () => {
    const news = await media();
    const shop = await t.manager.caller.directory.create({ name: 'Shop', type: 'customer' });
    const notMedia = item(shop.id);
    const positiveClarified = item(news.id, { tone: 'positive', clarifiedAt: '2026-03-11T09:00:00+08:00' });
    const good = item(news.id);
    const res = await t.staff.caller.sync.push({
      items: [coverage(notMedia), coverage(positiveClarified), coverage(good)],
    });
    expect(res.applied.map((x) => x.id)).toEqual([good.id]);
    expect(Object.fromEntries(res.rejected.map((r) => [r.id, r.reason]))).toEqual({
      [notMedia.id]: 'outletStakeholderId: Shop is a customer stakeholder, not a media outlet',
      [positiveClarified.id]: 'invalid coverage: clarifiedAt: Only a negative report is clarified',
    });
  });
});
