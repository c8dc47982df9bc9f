import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { ulid } from 'ulid';
import type { DbHandle } from '../../db/client';
import { snoozes } from '../../db/schema';
import { createTestOrg, freshOrgPerTest, interactionData, upsert, type TestOrg } from '../../testing/test-org';

let handle: DbHandle;
let t: TestOrg;

freshOrgPerTest((h, org) => {
  handle = h;
  t = org;
});

/** A (customer) waits for an answer on email; B (a duplicate entry of the same company, logged as partner) got a call. */
async function twoEntries() {
  const a = await t.manager.caller.directory.create({
    name: 'Acme',
    type: 'customer',
    identities: [{ kind: 'email', value: 'buyer@acme.cn' }],
  });
  const b = await t.manager.caller.directory.create({
    name: 'ACME Trading',
    type: 'partner',
    organization: 'Acme Group',
    ownerUserId: t.staff2.user.id,
    identities: [
      { kind: 'email', value: 'boss@acme.cn' },
      { kind: 'weibo', value: '7654321' },
    ],
  });
  const email = interactionData({
    threadKey: 'gmail:acme-1',
    stakeholderId: a.id,
    occurredAt: '2026-03-09T10:00:00+08:00',
    author: { name: 'Buyer', handle: 'buyer@acme.cn' },
  });
  const call = interactionData({
    source: 'manual',
    threadKey: 'manual:call-1',
    channel: 'phone',
    direction: 'outbound',
    stakeholderId: b.id,
    stakeholderType: 'partner',
    occurredAt: '2026-03-09T11:30:00+08:00',
    author: { name: 'Tao', handle: null },
    durationMin: 12,
  });
  const mail = interactionData({
    threadKey: 'gmail:acme-2',
    stakeholderId: b.id,
    stakeholderType: 'partner',
    occurredAt: '2026-03-10T10:00:00+08:00',
    author: { name: 'Boss', handle: 'boss@acme.cn' },
  });
  expect((await t.staff.caller.sync.push({ items: [upsert(email)] })).rejected).toEqual([]);
  expect((await t.staff2.caller.sync.push({ items: [upsert(call), upsert(mail)] })).rejected).toEqual([]);
  const followup = { id: ulid(), dueAt: '2026-03-20T09:00:00+08:00', note: 'Send the contract', stakeholderId: b.id };
  expect(
    (
      await t.staff2.caller.sync.push({
        items: [{ op: 'upsert', entity: 'followup', id: followup.id, data: followup }],
      })
    ).rejected,
  ).toEqual([]);
  return { a, b, email, call, mail, followup };
}

describe('directory.merge', () => {
  it('re-points identities, interactions and follow-ups, deactivates the merged one, and the call now answers the kept one’s wait', async () => {
    const { a, b, email, call, mail, followup } = await twoEntries();
    const before = await t.manager.caller.sync.pull({ cursor: 0 });
    // Before: the call is B's, so A's email is still unanswered.
    expect(before.interactions.find((i) => i.id === email.id)).toMatchObject({ waitStart: true, repliedAt: null });

    const kept = await t.manager.caller.directory.merge({ keepId: a.id, mergeId: b.id });
    expect(kept.id).toBe(a.id);
    expect(kept.identities.map((i) => `${i.kind}:${i.value}`).sort()).toEqual([
      'email:boss@acme.cn',
      'email:buyer@acme.cn',
      'weibo:7654321',
    ]);
    // Blanks of the kept one are filled from the merged one; what it has stays.
    expect(kept).toMatchObject({
      name: 'Acme',
      type: 'customer',
      organization: 'Acme Group',
      ownerUserId: t.staff2.user.id,
      active: true,
    });

    const changes = await t.manager.caller.sync.pull({ cursor: before.cursor });
    const byId = new Map(changes.interactions.map((i) => [i.id, i]));
    // Re-pointed, with the type they were logged with.
    expect(byId.get(call.id)).toMatchObject({ stakeholderId: a.id, stakeholderType: 'partner' });
    expect(byId.get(mail.id)).toMatchObject({ stakeholderId: a.id, stakeholderType: 'partner' });
    // Recomputed: the call with (now) the same stakeholder answers A's email 90 minutes later.
    expect(byId.get(email.id)).toMatchObject({
      waitStart: true,
      repliedBy: t.staff2.user.id,
      responseMs: 90 * 60_000,
      onTime: 'on_time',
    });
    expect(changes.followups).toEqual([expect.objectContaining({ id: followup.id, stakeholderId: a.id })]);
    const pulledStakeholders = new Map(changes.stakeholders.map((s) => [s.id, s]));
    expect(pulledStakeholders.get(b.id)).toMatchObject({ active: false, identities: [] });
    expect(pulledStakeholders.get(a.id)!.identities).toHaveLength(3);
    // Every changed row has its own sequence number, after the cursor.
    const seqs = [...changes.interactions.map((i) => i.seq), ...changes.followups.map((f) => f.seq)];
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(Math.min(...seqs)).toBeGreaterThan(before.cursor);

    // The directory resolves B's handles to A now; B's figures are A's.
    expect(
      (await t.staff.caller.directory.match({ handles: [{ kind: 'weibo', value: '7654321' }] }))[0]!.stakeholderId,
    ).toBe(a.id);
    const listed = await t.manager.caller.metrics.interactions({
      filter: { from: '2026-03-01T00:00:00Z', to: '2026-04-01T00:00:00Z', stakeholderId: [b.id] },
    });
    expect(listed.total).toBe(0);
  });

  it('moves cadence snoozes to the kept one, the later one winning when a user snoozed both', async () => {
    const { a, b } = await twoEntries();
    await t.manager.caller.followups.snooze({ kind: 'cadence', id: b.id, until: '2026-05-01T00:00:00Z' });
    await t.manager.caller.followups.snooze({ kind: 'cadence', id: a.id, until: '2026-04-01T00:00:00Z' });
    await t.staff2.caller.followups.snooze({ kind: 'cadence', id: b.id, until: '2026-04-15T00:00:00Z' });
    await t.manager.caller.directory.merge({ keepId: a.id, mergeId: b.id });
    const rows = await handle.db
      .select()
      .from(snoozes)
      .where(and(eq(snoozes.orgId, t.org.id), eq(snoozes.kind, 'cadence')));
    expect(rows.map((r) => [r.userId, r.targetId, new Date(r.until).toISOString()]).sort()).toEqual(
      [
        [t.manager.user.id, a.id, '2026-05-01T00:00:00.000Z'],
        [t.staff2.user.id, a.id, '2026-04-15T00:00:00.000Z'],
      ].sort(),
    );
  });

  it('refuses the same id (CONFLICT), another org’s stakeholder (NOT_FOUND) and staff (FORBIDDEN)', async () => {
    const { a, b } = await twoEntries();
    const other = await createTestOrg(handle);
    const foreign = await other.manager.caller.directory.create({
      name: 'Foreign',
      type: 'customer',
      identities: [{ kind: 'email', value: 'x@foreign.cn' }],
    });
    await expect(t.manager.caller.directory.merge({ keepId: a.id, mergeId: a.id })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await expect(t.manager.caller.directory.merge({ keepId: a.id, mergeId: foreign.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(t.manager.caller.directory.merge({ keepId: foreign.id, mergeId: a.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(t.staff.caller.directory.merge({ keepId: a.id, mergeId: b.id })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    // Nothing moved in either org.
    expect((await other.manager.caller.directory.get({ id: foreign.id })).identities).toHaveLength(1);
    expect((await t.manager.caller.directory.get({ id: a.id })).identities).toHaveLength(1);
  });

  it('is atomic: a failure late in the merge leaves everything as it was', async () => {
    const { a, b, call } = await twoEntries();
    const before = await t.manager.caller.sync.pull({ cursor: 0 });
    // Snoozes are moved after identities, interactions and follow-ups: failing there must undo all of them.
    await t.manager.caller.followups.snooze({ kind: 'cadence', id: b.id, until: '2026-05-01T00:00:00Z' });
    await handle.client.execute(
      "CREATE TRIGGER fail_snooze BEFORE INSERT ON snoozes BEGIN SELECT RAISE(ABORT, 'boom'); END",
    );
    await expect(t.manager.caller.directory.merge({ keepId: a.id, mergeId: b.id })).rejects.toThrow();
    await handle.client.execute('DROP TRIGGER fail_snooze');
    expect((await t.manager.caller.directory.get({ id: b.id })).identities).toHaveLength(2);
    expect((await t.manager.caller.directory.get({ id: b.id })).active).toBe(true);
    const after = await t.manager.caller.sync.pull({ cursor: 0 });
    expect(after.cursor).toBe(before.cursor);
    expect(after.interactions.find((i) => i.id === call.id)!.stakeholderId).toBe(b.id);
  });
});
