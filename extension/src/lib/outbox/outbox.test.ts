import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FollowupData, InteractionData, Interaction, Stakeholder } from '@comms-log/shared';
import { matchLocal, searchStakeholders } from './directory';
import { CommsLogDb } from './local-db';
import { enqueueInteractions, enqueueStakeholder, outboxRows } from './queue';
import { discardRejected, rejectedItems, retryRejected } from './rejected';
import { createDexieSyncStore } from './sync-store';
import { loggedExternalIds, threadStatus } from './thread-status';

let db: CommsLogDb;
let n = 0;

beforeEach(async () => {
  db = new CommsLogDb(`test-${n++}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

function interaction(id: string, externalId: string, stakeholderId: string | null = 'S1'): InteractionData {
  return {
    id,
    source: 'gmail',
    externalId,
    threadKey: 'gmail:T1',
    channel: 'email',
    direction: 'inbound',
    occurredAt: '2026-03-09T09:00:00+08:00',
    stakeholderId,
    stakeholderType: 'customer',
    author: { name: 'Ann', handle: 'ann@customer.com' },
    title: null,
    snippet: null,
    url: null,
    durationMin: null,
    note: null,
    automated: false,
    internal: false,
    purpose: null,
  };
}

const stakeholder: Stakeholder = {
  id: 'S9',
  name: 'Customer Co',
  type: 'customer',
  tier: 'standard',
  organization: null,
  ownerUserId: null,
  cadenceOverride: null,
  active: true,
  createdAt: '2026-01-05T00:00:00Z',
  updatedAt: '2026-03-01T00:00:00Z',
  identities: [
    { id: 'i1', stakeholderId: 'S9', kind: 'domain', value: 'customer.com' },
    { id: 'i2', stakeholderId: 'S9', kind: 'email', value: 'Boss@Customer.com' },
  ],
};

describe('outbox', () => {
  it('queues interactions and their local copy together, and reports thread status', async () => {
    await enqueueInteractions(db, [interaction('A', 'm1'), interaction('B', 'm2')], {
      now: new Date('2026-03-10T01:00:00Z'),
    });
    expect((await outboxRows(db, 'pending')).map((r) => r.id)).toEqual(['A', 'B']);
    expect(await loggedExternalIds(db, 'gmail:T1')).toEqual(new Set(['gmail:m1', 'gmail:m2']));
    expect(await threadStatus(db, 'gmail:T1')).toEqual({
      count: 2,
      lastLoggedAt: '2026-03-10T01:00:00.000Z',
      pending: 2,
      externalIds: ['gmail:m1', 'gmail:m2'],
    });
    expect(await threadStatus(db, 'gmail:other')).toEqual({
      count: 0,
      lastLoggedAt: null,
      pending: 0,
      externalIds: [],
    });
  });

  it('applies a push result: applied leave the outbox, rejected stay with their reason, merged take the kept id', async () => {
    await enqueueInteractions(db, [interaction('A', 'm1'), interaction('B', 'm2'), interaction('C', 'm3')]);
    const store = createDexieSyncStore(db);
    const sent = await store.pendingPush(500);
    await store.applyPushResult(sent, {
      applied: [
        { id: 'A', entity: 'interaction', mergedInto: null },
        { id: 'C', entity: 'interaction', mergedInto: 'Z' },
      ],
      rejected: [{ id: 'B', reason: 'occurredAt: bad' }],
      cursor: 5,
    });
    expect(await outboxRows(db, 'pending')).toEqual([]);
    expect((await outboxRows(db, 'rejected')).map((r) => [r.id, r.reason, r.attempts])).toEqual([
      ['B', 'occurredAt: bad', 1],
    ]);
    expect(await store.counts()).toEqual({ pending: 0, rejected: 1 });
    expect((await db.interactions.toArray()).map((i) => [i.id, i.pending]).sort()).toEqual([
      ['A', false],
      ['B', true],
      ['Z', false],
    ]);
  });

  it('holds items naming a stakeholder still to be created, then rewrites them to the real id', async () => {
    const local = await enqueueStakeholder(
      db,
      'local:01',
      { name: 'New Co', type: 'partner', identities: [{ kind: 'email', value: 'x@new.co' }] },
      new Date('2026-03-10T02:00:00Z'),
    );
    expect((await matchLocal(db, { kind: 'email', value: 'X@new.co' }))?.stakeholder.id).toBe(local.id);
    // Created offline: its cadence runs from when it was queued until the server's record replaces it.
    expect((await db.stakeholders.get('local:01'))?.createdAt).toBe('2026-03-10T02:00:00.000Z');
    await enqueueInteractions(db, [interaction('A', 'm1', 'local:01'), interaction('B', 'm2', 'S1')]);
    const store = createDexieSyncStore(db);
    expect((await store.pendingPush(500)).map((i) => i.id)).toEqual(['B']);
    expect(await store.pendingStakeholders()).toEqual([
      { localId: 'local:01', input: expect.objectContaining({ name: 'New Co' }) },
    ]);

    await store.resolveStakeholder('local:01', { ...stakeholder, id: 'S42', name: 'New Co' });
    const items = await store.pendingPush(500);
    expect(items.map((i) => i.id)).toEqual(['A', 'B']);
    expect(items[0]).toMatchObject({ data: { stakeholderId: 'S42' } });
    expect((await db.interactions.get('A'))?.stakeholderId).toBe('S42');
    expect(await db.stakeholders.get('local:01')).toBeUndefined();
    expect((await db.stakeholders.get('S42'))?.createdAt).toBe(stakeholder.createdAt);
    expect(await store.pendingStakeholders()).toEqual([]);
  });

  it('stores pulled pages with their cursor, drops tombstones, and matches the directory by handle or domain', async () => {
    await enqueueInteractions(db, [interaction('A', 'm1')]);
    const store = createDexieSyncStore(db);
    const pulled = {
      ...interaction('P', 'm9'),
      userId: 'u2',
      deleted: false,
      createdAt: '2026-03-08T00:00:00Z',
      updatedAt: '2026-03-08T00:00:00Z',
      waitStart: true,
      repliedAt: null,
      repliedBy: null,
      responseMs: null,
      responseWorkMs: null,
      onTime: null,
      seq: 7,
    } satisfies Interaction;
    await store.applyPull({
      interactions: [pulled, { ...pulled, id: 'A', deleted: true }],
      followups: [],
      stakeholders: [stakeholder],
      cursor: 7,
      hasMore: false,
    });
    expect(await store.getCursor()).toBe(7);
    expect((await db.interactions.toArray()).map((i) => i.id)).toEqual(['P']);
    expect(await matchLocal(db, { kind: 'email', value: 'boss@customer.com' })).toMatchObject({
      via: 'exact',
      stakeholder: { id: 'S9' },
    });
    expect(await matchLocal(db, { kind: 'email', value: 'someone@customer.com' })).toMatchObject({
      via: 'domain',
      stakeholder: { id: 'S9' },
    });
    expect(await matchLocal(db, { kind: 'email', value: 'someone@else.com' })).toBeNull();
    expect((await db.stakeholders.get('S9'))?.createdAt).toBe('2026-01-05T00:00:00Z');
    expect((await searchStakeholders(db, 'custo')).map((s) => s.id)).toEqual(['S9']);
    expect((await searchStakeholders(db, 'boss@')).map((s) => s.id)).toEqual(['S9']);
  });
});

describe('refused items', () => {
  /** Queues the interactions and has the server refuse every one of them, as `sync.push` does. */
  async function refuse(items: InteractionData[], reason: string, followup: FollowupData | null = null) {
    await enqueueInteractions(db, items, { followup });
    const store = createDexieSyncStore(db);
    const sent = await store.pendingPush(500);
    await store.applyPushResult(sent, { applied: [], rejected: sent.map((p) => ({ id: p.id, reason })), cursor: 0 });
  }

  const followup: FollowupData = {
    id: 'F1',
    stakeholderId: 'S1',
    threadKey: 'gmail:T1',
    url: null,
    dueAt: '2026-03-12T01:00:00Z',
    note: 'Send the quote',
    status: 'open',
    snoozedUntil: null,
  };

  it("lists them with what they are and the server's reason", async () => {
    await refuse([interaction('A', 'm1')], 'ann@customer.com is on the never-log list', followup);
    const items = await rejectedItems(db);
    expect(items.map((i) => [i.key, i.reason])).toEqual([
      ['interaction:A', 'ann@customer.com is on the never-log list'],
      ['followup:F1', 'ann@customer.com is on the never-log list'],
    ]);
    expect(items[0]!.interaction).toEqual({
      channel: 'email',
      direction: 'inbound',
      who: 'Ann',
      occurredAt: '2026-03-09T09:00:00+08:00',
      title: null,
    });
    expect(items[1]!.followup).toEqual({ note: 'Send the quote', dueAt: '2026-03-12T01:00:00Z' });
  });

  it('retry puts one back to pending and clears its reason; null retries all', async () => {
    await refuse(
      [interaction('A', 'm1'), interaction('B', 'm2'), interaction('C', 'm3')],
      'stakeholderId: no stakeholder S1 in your org',
    );
    expect(await retryRejected(db, ['interaction:B'])).toBe(1);
    const b = await db.outbox.where('key').equals('interaction:B').first();
    expect(b).toMatchObject({ status: 'pending', reason: null });
    expect((await outboxRows(db, 'rejected')).map((r) => r.id)).toEqual(['A', 'C']);
    expect((await createDexieSyncStore(db).pendingPush(500)).map((p) => p.id)).toEqual(['B']);
    // A key that is not refused (B is pending now) is left alone.
    expect(await retryRejected(db, ['interaction:B', 'interaction:nope'])).toBe(0);
    expect(await retryRejected(db, null)).toBe(2);
    expect(await outboxRows(db, 'rejected')).toEqual([]);
    expect((await outboxRows(db, 'pending')).map((r) => [r.id, r.reason])).toEqual([
      ['A', null],
      ['B', null],
      ['C', null],
    ]);
  });

  it('retrying an item that waits for a refused stakeholder brings the stakeholder back too', async () => {
    await enqueueStakeholder(db, 'local:X', { name: 'New Co', type: 'customer' });
    await enqueueInteractions(db, [interaction('A', 'm1', 'local:X')]);
    await createDexieSyncStore(db).rejectStakeholder('local:X', 'name taken');
    expect(await retryRejected(db, ['interaction:A'])).toBe(2);
    expect((await createDexieSyncStore(db).pendingStakeholders()).map((s) => s.localId)).toEqual(['local:X']);
  });

  it('discard removes the item and a local copy that never reached the server', async () => {
    await refuse(
      [interaction('A', 'm1'), interaction('B', 'm2')],
      'ann@customer.com is on the never-log list',
      followup,
    );
    expect(await discardRejected(db, 'interaction:A')).toBe(true);
    expect(await discardRejected(db, 'followup:F1')).toBe(true);
    expect((await outboxRows(db, 'rejected')).map((r) => r.key)).toEqual(['interaction:B']);
    expect(await db.interactions.get('A')).toBeUndefined();
    expect(await db.followups.get('F1')).toBeUndefined();
    expect(await db.interactions.get('B')).toBeDefined();
    expect(await threadStatus(db, 'gmail:T1')).toMatchObject({ count: 1, pending: 1 });
    expect(await discardRejected(db, 'interaction:A')).toBe(false);
  });

  it('discard keeps the local copy of a record the server already had', async () => {
    // Synced once (the server applied it), then changed here and the change was refused.
    await enqueueInteractions(db, [], { followup });
    const store = createDexieSyncStore(db);
    await store.applyPushResult(await store.pendingPush(500), {
      applied: [{ id: 'F1', entity: 'followup', mergedInto: null }],
      rejected: [],
      cursor: 1,
    });
    await refuse([], 'you can only change your own follow-ups', { ...followup, status: 'done' });
    expect((await outboxRows(db, 'rejected'))[0]).toMatchObject({ key: 'followup:F1', known: true });
    expect(await discardRejected(db, 'followup:F1')).toBe(true);
    expect(await outboxRows(db, 'rejected')).toEqual([]);
    expect(await db.followups.get('F1')).toMatchObject({ id: 'F1', pending: false });

    // Pulled from the server, then queued again here and refused.
    await store.applyPull({
      interactions: [
        {
          ...interaction('P', 'm9'),
          userId: 'u1',
          deleted: false,
          createdAt: '2026-03-09T01:00:00Z',
          updatedAt: '2026-03-09T01:00:00Z',
        } as Interaction,
      ],
      followups: [],
      stakeholders: [],
      cursor: 2,
      hasMore: false,
    });
    await refuse([interaction('P', 'm9')], 'you can only change interactions you logged');
    expect(await discardRejected(db, 'interaction:P')).toBe(true);
    expect(await db.interactions.get('P')).toMatchObject({ id: 'P', pending: false });
  });

  it('discarding a refused new stakeholder drops it here and unlinks the items that named it', async () => {
    await enqueueStakeholder(db, 'local:X', { name: 'New Co', type: 'customer' });
    await enqueueInteractions(db, [interaction('A', 'm1', 'local:X')]);
    await createDexieSyncStore(db).rejectStakeholder('local:X', 'name taken');
    expect(await discardRejected(db, 'stakeholder:local:X')).toBe(true);
    expect(await db.stakeholders.get('local:X')).toBeUndefined();
    const a = await db.outbox.where('key').equals('interaction:A').first();
    expect(a).toMatchObject({ status: 'rejected', waitsFor: null, data: { stakeholderId: null } });
    expect((await db.interactions.get('A'))?.stakeholderId).toBeNull();
  });
});
