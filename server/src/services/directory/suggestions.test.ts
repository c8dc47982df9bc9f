import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DbHandle } from '../../db/client';
import { createTestDb, createTestOrg, interactionData, upsert, type TestOrg } from '../../testing/test-org';

let handle: DbHandle;
let t: TestOrg;

beforeEach(async () => {
  handle = await createTestDb();
  t = await createTestOrg(handle);
});
afterEach(() => handle.close());

const fromThem = (thread: string, at: string, name: string, handleValue: string, over: Record<string, unknown> = {}) =>
  interactionData({
    threadKey: thread,
    occurredAt: at,
    author: { name, handle: handleValue },
    title: `About ${thread}`,
    url: `https://mail.google.com/mail/u/0/#inbox/${thread}`,
    ...over,
  });
const fromUs = (thread: string, at: string) =>
  interactionData({
    threadKey: thread,
    occurredAt: at,
    direction: 'outbound',
    author: { name: 'Sam', handle: 'sam@us.test' },
  });

/** Unknown counterparts in several threads, and rows that must never reach the queue. */
async function seed() {
  const known = await t.manager.caller.directory.create({
    name: 'Known',
    type: 'customer',
    identities: [{ kind: 'email', value: 'known@known.cn' }],
  });
  const rows = {
    s1: fromThem('gmail:t1', '2026-03-02T10:00:00+08:00', 'S. Trang', 'Stranger@Newco.cn'),
    s2: fromThem('gmail:t1', '2026-03-03T10:00:00+08:00', 'Stranger', 'stranger@newco.cn'),
    r1: fromUs('gmail:t1', '2026-03-03T11:00:00+08:00'),
    s3: fromThem('gmail:t2', '2026-03-04T10:00:00+08:00', 'Stranger', 'stranger@newco.cn'),
    s4: fromThem('gmail:t3', '2026-03-05T10:00:00+08:00', 'Stranger Newco', 'stranger@newco.cn', {
      title: 'Group thread',
    }),
    o1: fromThem('gmail:t3', '2026-03-05T11:00:00+08:00', 'Other', 'other@newco.cn'),
    r3: fromUs('gmail:t3', '2026-03-05T12:00:00+08:00'),
    fan: fromThem('outlook:f1', '2026-03-06T10:00:00+08:00', 'Fan', 'fan@qq.com', { source: 'outlook' }),
    wb: fromThem('weibo:w1', '2026-03-07T10:00:00+08:00', '微博用户', '12345', { source: 'weibo', channel: 'social' }),
    // Never in the queue: automated, internal, already assigned, logged by hand.
    auto: fromThem('gmail:t4', '2026-03-02T10:00:00+08:00', 'no-reply', 'no-reply@newco.cn', { automated: true }),
    internal: fromThem('gmail:t5', '2026-03-02T10:00:00+08:00', 'Colleague', 'colleague@us.test', { internal: true }),
    assigned: fromThem('gmail:t6', '2026-03-02T10:00:00+08:00', 'Known', 'known@known.cn', { stakeholderId: known.id }),
    manual: fromThem('manual:m1', '2026-03-02T10:00:00+08:00', 'Walk-in', 'walkin@newco.cn', {
      source: 'manual',
      channel: 'in_person',
    }),
  };
  const res = await t.staff.caller.sync.push({ items: Object.values(rows).map(upsert) });
  expect(res.rejected).toEqual([]);
  return { known, rows };
}

describe('directory.suggestions', () => {
  it('groups unknown inbound authors by handle, busiest first, with name, sample and domain, and pages', async () => {
    await seed();
    const all = await t.manager.caller.directory.suggestions({ limit: 200 });
    expect(all.total).toBe(4);
    expect(all.items.map((s) => [s.kind, s.value, s.count, s.threads])).toEqual([
      ['email', 'stranger@newco.cn', 4, 3],
      ['email', 'fan@qq.com', 1, 1],
      ['email', 'other@newco.cn', 1, 1],
      ['weibo', '12345', 1, 1],
    ]);
    expect(all.items[0]).toMatchObject({
      name: 'Stranger Newco',
      firstAt: '2026-03-02T02:00:00.000Z',
      lastAt: '2026-03-05T02:00:00.000Z',
      sampleTitle: 'Group thread',
      sampleUrl: 'https://mail.google.com/mail/u/0/#inbox/gmail:t3',
      suggestedDomain: 'newco.cn',
      matchedStakeholderId: null,
    });
    expect(all.items[1]!.suggestedDomain).toBeNull();
    expect(all.items[3]!.suggestedDomain).toBeNull();

    const first = await t.manager.caller.directory.suggestions({ limit: 2 });
    expect(first.items.map((s) => s.value)).toEqual(['stranger@newco.cn', 'fan@qq.com']);
    const second = await t.manager.caller.directory.suggestions({ limit: 2, cursor: first.nextCursor });
    expect(second.items.map((s) => s.value)).toEqual(['other@newco.cn', '12345']);
    expect(second.nextCursor).toBeNull();
    await expect(t.manager.caller.directory.suggestions({ cursor: 'nonsense' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });

    const recent = await t.manager.caller.directory.suggestions({ since: '2026-03-05T00:00:00+08:00' });
    expect(recent.items.map((s) => [s.value, s.count])).toEqual([
      ['fan@qq.com', 1],
      ['other@newco.cn', 1],
      ['stranger@newco.cn', 1],
      ['12345', 1],
    ]);
  });

  it('leaves out dismissed handles org-wide until undismissed; staff cannot see or change the queue', async () => {
    await seed();
    const dismissed = await t.manager.caller.directory.dismissHandle({ kind: 'weibo', value: ' 12345 ' });
    expect(dismissed).toEqual({ kind: 'weibo', value: '12345', dismissed: true });
    // Idempotent, and for every manager of the org.
    await t.admin.caller.directory.dismissHandle({ kind: 'email', value: 'FAN@qq.com' });
    await t.admin.caller.directory.dismissHandle({ kind: 'email', value: 'fan@qq.com' });
    const left = await t.admin.caller.directory.suggestions();
    expect(left.items.map((s) => s.value)).toEqual(['stranger@newco.cn', 'other@newco.cn']);
    expect(left.total).toBe(2);
    // Another org's dismissals do not apply here.
    const other = await createTestOrg(handle);
    await other.manager.caller.directory.dismissHandle({ kind: 'email', value: 'other@newco.cn' });
    expect((await t.manager.caller.directory.suggestions()).total).toBe(2);

    await t.manager.caller.directory.undismissHandle({ kind: 'weibo', value: '12345' });
    expect((await t.manager.caller.directory.suggestions()).items.map((s) => s.value)).toContain('12345');
    await expect(t.manager.caller.directory.dismissHandle({ kind: 'phone', value: '12345' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await expect(t.staff.caller.directory.suggestions()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(t.staff.caller.directory.dismissHandle({ kind: 'weibo', value: '12345' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('names the stakeholder the directory already resolves a handle to', async () => {
    await seed();
    const newco = await t.manager.caller.directory.create({
      name: 'Newco',
      type: 'partner',
      identities: [{ kind: 'domain', value: 'newco.cn' }],
    });
    const list = await t.manager.caller.directory.suggestions();
    const matched = Object.fromEntries(list.items.map((s) => [s.value, s.matchedStakeholderId]));
    expect(matched).toEqual({
      'stranger@newco.cn': newco.id,
      'other@newco.cn': newco.id,
      'fan@qq.com': null,
      '12345': null,
    });
  });
});

describe('directory.assignHandle', () => {
  it('adds the identity, assigns the handle’s rows (whole threads where it is the only unknown counterpart), recomputes, and pull sends them', async () => {
    const { rows } = await seed();
    const newco = await t.manager.caller.directory.create({ name: 'Newco', type: 'partner' });
    // A call with Newco after the unanswered message of t2: it answers it only once t2 is Newco's.
    const call = interactionData({
      source: 'manual',
      threadKey: 'manual:call-newco',
      channel: 'phone',
      direction: 'outbound',
      stakeholderId: newco.id,
      stakeholderType: 'partner',
      occurredAt: '2026-03-04T11:00:00+08:00',
      author: { name: 'Sam', handle: null },
    });
    expect((await t.staff.caller.sync.push({ items: [upsert(call)] })).rejected).toEqual([]);
    const before = await t.manager.caller.sync.pull({ cursor: 0 });
    expect(before.interactions.find((i) => i.id === rows.s3.id)).toMatchObject({ waitStart: true, repliedAt: null });

    const result = await t.manager.caller.directory.assignHandle({
      kind: 'email',
      value: 'Stranger@newco.cn',
      stakeholderId: newco.id,
    });
    expect(result).toEqual({ assigned: 5, identityAdded: true });

    const changes = await t.manager.caller.sync.pull({ cursor: before.cursor });
    const byId = new Map(changes.interactions.map((i) => [i.id, i]));
    for (const r of [rows.s1, rows.s2, rows.r1, rows.s3, rows.s4]) {
      expect(byId.get(r.id), r.threadKey).toMatchObject({ stakeholderId: newco.id, stakeholderType: 'partner' });
    }
    // t3 has another unknown counterpart: only the handle's own message there is assigned.
    expect(byId.has(rows.o1.id)).toBe(false);
    expect(byId.has(rows.r3.id)).toBe(false);
    expect(byId.get(rows.s3.id)).toMatchObject({ repliedBy: t.staff.user.id, responseMs: 3_600_000 });
    expect(changes.stakeholders.find((s) => s.id === newco.id)!.identities.map((i) => i.value)).toEqual([
      'stranger@newco.cn',
    ]);
    // Staff who logged them get them too.
    const staffChanges = await t.staff.caller.sync.pull({ cursor: before.cursor });
    expect(
      staffChanges.interactions
        .filter((i) => i.stakeholderId === newco.id)
        .map((i) => i.id)
        .sort(),
    ).toEqual([rows.s1.id, rows.s2.id, rows.r1.id, rows.s3.id, rows.s4.id].sort());

    // Out of the queue; the other Newco address stays.
    const queue = await t.manager.caller.directory.suggestions();
    expect(queue.items.map((s) => s.value)).toEqual(['fan@qq.com', 'other@newco.cn', '12345']);
    expect(
      (await t.staff.caller.directory.match({ handles: [{ kind: 'email', value: 'stranger@newco.cn' }] }))[0]!
        .stakeholderId,
    ).toBe(newco.id);

    // Again: nothing left to assign, the identity is already there.
    expect(
      await t.manager.caller.directory.assignHandle({
        kind: 'email',
        value: 'stranger@newco.cn',
        stakeholderId: newco.id,
      }),
    ).toEqual({ assigned: 0, identityAdded: false });
  });

  it('refuses a handle another stakeholder holds, another org’s stakeholder, an inactive one, and staff', async () => {
    const { known } = await seed();
    const newco = await t.manager.caller.directory.create({ name: 'Newco', type: 'partner' });
    const other = await createTestOrg(handle);
    const foreign = await other.manager.caller.directory.create({ name: 'Foreign', type: 'customer' });
    await expect(
      t.manager.caller.directory.assignHandle({ kind: 'email', value: 'known@known.cn', stakeholderId: newco.id }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('Known'),
    });
    await expect(
      t.manager.caller.directory.assignHandle({ kind: 'email', value: 'other@newco.cn', stakeholderId: foreign.id }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      other.manager.caller.directory.assignHandle({
        kind: 'email',
        value: 'other@newco.cn',
        stakeholderId: foreign.id,
      }),
    ).resolves.toEqual({
      assigned: 0,
      identityAdded: true,
    });
    await t.manager.caller.directory.delete({ id: known.id });
    await expect(
      t.manager.caller.directory.assignHandle({ kind: 'email', value: 'other@newco.cn', stakeholderId: known.id }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(
      t.staff.caller.directory.assignHandle({ kind: 'email', value: 'other@newco.cn', stakeholderId: newco.id }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // Nothing of this org was assigned by the other org's call.
    expect((await t.manager.caller.directory.suggestions()).items.map((s) => s.value)).toContain('other@newco.cn');
  });
});
