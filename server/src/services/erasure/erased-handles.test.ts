import { describe, expect, it } from 'vitest';
import type { DbHandle } from '../../db/client';
import {
  createTestOrg,
  freshOrgPerTest,
  interactionData,
  pushAccepted,
  testStakeholder,
  upsert,
  type TestOrg,
} from '../../testing/test-org';
import { ERASED_HANDLE } from '../sync/push-erased';

let handle: DbHandle;
let t: TestOrg;
freshOrgPerTest((h, org) => {
  handle = h;
  t = org;
});

const T0 = Date.parse('2026-03-01T00:00:00Z');
const wangEmail = 'wang.fang@acme.cn';

/** Wang Fang, with her address, her Weibo handle and her company's domain, and a message of hers; then erased. */
async function erasedWang() {
  const wang = await testStakeholder(handle, t, T0, 'Wang Fang');
  for (const identity of [
    { kind: 'email', value: wangEmail },
    { kind: 'weibo', value: 'wangfang88' },
    { kind: 'domain', value: 'acme.cn' },
  ] as const)
    await t.manager.caller.directory.addIdentity({ stakeholderId: wang.id, identity });
  await pushAccepted(t.staff, [
    interactionData({ stakeholderId: wang.id, author: { name: 'Wang', handle: wangEmail } }),
  ]);
  await t.admin.caller.privacy.erase({ stakeholderId: wang.id });
  return wang;
}

const rows = async (sql: string) => (await handle.client.execute(sql)).rows;

describe('erased handles', () => {
  it("keeps a keyed hash of each of the person's handles and never the handle", async () => {
    await erasedWang();
    const kept = await rows('SELECT * FROM erased_handles');
    expect(kept).toHaveLength(2);
    const everything = JSON.stringify([...kept, ...(await rows('SELECT * FROM erasure_keys'))]).toLowerCase();
    for (const handle of [wangEmail, 'wangfang88', 'acme.cn']) expect(everything).not.toContain(handle);
  });

  it('refuses a later push of a new message by the erased handle, in any case, and applies the rest', async () => {
    await erasedWang();
    const hers = interactionData({ threadKey: 'gmail:new', author: { name: 'W', handle: ' Wang.Fang@ACME.cn' } });
    const colleague = interactionData({ threadKey: 'gmail:new', author: { name: 'Li', handle: 'li.lei@acme.cn' } });
    const res = await t.staff.caller.sync.push({ items: [upsert(hers), upsert(colleague)] });
    expect(res.rejected).toEqual([{ id: hers.id, reason: ERASED_HANDLE }]);
    expect(res.applied).toEqual([{ id: colleague.id, entity: 'interaction', mergedInto: null }]);
    const stored = await rows('SELECT lower(author_handle) AS h FROM interactions');
    expect(stored.map((r) => r.h)).toEqual(['li.lei@acme.cn']);
  });

  it("is the org's alone: another org still logs the same address", async () => {
    await erasedWang();
    const other = await createTestOrg(handle, { name: 'Other Co' });
    await pushAccepted(other.staff, [interactionData({ author: { name: 'Wang', handle: wangEmail } })]);
    expect(await rows('SELECT id FROM interactions')).toHaveLength(1);
  });
});

describe('the directory after an erasure', () => {
  it('refuses to create the person again with an erased handle, or to add one to someone, and keeps nothing', async () => {
    await erasedWang();
    const create = t.staff.caller.directory.create({
      name: 'Wang F.',
      type: 'customer',
      identities: [{ kind: 'email', value: 'WANG.FANG@acme.cn' }],
    });
    await expect(create).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/erased on request/),
    });
    const someone = await testStakeholder(handle, t, T0, 'Someone');
    const add = t.manager.caller.directory.addIdentity({
      stakeholderId: someone.id,
      identity: { kind: 'weibo', value: 'wangfang88' },
    });
    await expect(add).rejects.toMatchObject({ code: 'CONFLICT' });
    // The company's domain was never the person's: it may be given again.
    await t.manager.caller.directory.addIdentity({
      stakeholderId: someone.id,
      identity: { kind: 'domain', value: 'acme.cn' },
    });
    expect((await rows('SELECT kind FROM identities')).map((r) => r.kind)).toEqual(['domain']);
  });
});

describe('letting an erased handle in again', () => {
  it('takes an admin, lifts the refusal of that one handle only, and is in the audit trail without it', async () => {
    await erasedWang();
    const mail = { kind: 'email', value: ' WANG.Fang@acme.cn ' } as const;
    await expect(t.manager.caller.privacy.allowHandle(mail)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const allowed = await t.admin.caller.privacy.allowHandle(mail);
    expect(allowed).toMatchObject({ kind: 'email', value: wangEmail });
    expect(Date.parse(allowed.erasedAt)).toBeGreaterThanOrEqual(T0);

    // She came back and consents: the directory keeps her address again, and her new message is stored.
    const again = await t.staff.caller.directory.create({
      name: 'Wang Fang',
      type: 'customer',
      identities: [{ kind: 'email', value: wangEmail }],
    });
    const hers = interactionData({ stakeholderId: again.id, author: { name: 'Wang', handle: wangEmail } });
    expect((await t.staff.caller.sync.push({ items: [upsert(hers)] })).rejected).toEqual([]);
    // Her Weibo handle, not named, stays refused.
    const weibo = interactionData({ threadKey: 'weibo:w', author: { name: 'W', handle: 'wangfang88' } });
    expect((await t.staff.caller.sync.push({ items: [upsert(weibo)] })).rejected).toEqual([
      { id: weibo.id, reason: ERASED_HANDLE },
    ]);

    const audit = await t.admin.caller.audit.list({ since: '2020-01-01T00:00:00Z', limit: 50 });
    const entry = audit.entries.find((e) => e.action === 'handle.allow');
    expect(entry).toMatchObject({ actor: t.admin.user.email, detail: { kind: 'email' } });
    expect(JSON.stringify(audit.entries).toLowerCase()).not.toContain(wangEmail);
  });

  it('answers NOT_FOUND for a handle no erasure of the org refuses, and changes nothing', async () => {
    const none = t.admin.caller.privacy.allowHandle({ kind: 'email', value: wangEmail });
    await expect(none).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringMatching(/not refused/) });
    await erasedWang();
    const other = await createTestOrg(handle, { name: 'Other Co' });
    await expect(other.admin.caller.privacy.allowHandle({ kind: 'email', value: wangEmail })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const bad = t.admin.caller.privacy.allowHandle({ kind: 'phone', value: 'abc' });
    await expect(bad).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(await rows('SELECT hash FROM erased_handles')).toHaveLength(2);
    expect(
      (await t.admin.caller.audit.list({ since: '2020-01-01T00:00:00Z', limit: 50 })).entries.map((e) => e.action),
    ).not.toContain('handle.allow');
  });
});
