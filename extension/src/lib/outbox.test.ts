import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InteractionData, Interaction, Stakeholder } from '@comms-log/shared';
import {
  CommsLogDb,
  createDexieSyncStore,
  enqueueInteractions,
  enqueueStakeholder,
  loggedExternalIds,
  matchLocal,
  outboxRows,
  searchStakeholders,
  threadStatus,
} from './outbox';

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
    id, source: 'gmail', externalId, threadKey: 'gmail:T1', channel: 'email', direction: 'inbound',
    occurredAt: '2026-03-09T09:00:00+08:00', stakeholderId, stakeholderType: 'customer',
    author: { name: 'Ann', handle: 'ann@customer.com' }, title: null, snippet: null, url: null,
    durationMin: null, note: null, automated: false, internal: false,
  };
}

const stakeholder: Stakeholder = {
  id: 'S9', name: 'Customer Co', type: 'customer', tier: 'standard', organization: null, ownerUserId: null,
  cadenceOverride: null, active: true, createdAt: '2026-01-05T00:00:00Z', updatedAt: '2026-03-01T00:00:00Z',
  identities: [{ id: 'i1', stakeholderId: 'S9', kind: 'domain', value: 'customer.com' }, { id: 'i2', stakeholderId: 'S9', kind: 'email', value: 'Boss@Customer.com' }],
};

describe('outbox', () => {
  it('queues interactions and their local copy together, and reports thread status', async () => {
    await enqueueInteractions(db, [interaction('A', 'm1'), interaction('B', 'm2')], { now: new Date('2026-03-10T01:00:00Z') });
    expect((await outboxRows(db, 'pending')).map((r) => r.id)).toEqual(['A', 'B']);
    expect(await loggedExternalIds(db, 'gmail:T1')).toEqual(new Set(['gmail:m1', 'gmail:m2']));
    expect(await threadStatus(db, 'gmail:T1')).toEqual({ count: 2, lastLoggedAt: '2026-03-10T01:00:00.000Z', pending: 2, externalIds: ['gmail:m1', 'gmail:m2'] });
    expect(await threadStatus(db, 'gmail:other')).toEqual({ count: 0, lastLoggedAt: null, pending: 0, externalIds: [] });
  });

  it('applies a push result: applied leave the outbox, rejected stay with their reason, merged take the kept id', async () => {
    await enqueueInteractions(db, [interaction('A', 'm1'), interaction('B', 'm2'), interaction('C', 'm3')]);
    const store = createDexieSyncStore(db);
    const sent = await store.pendingPush(500);
    await store.applyPushResult(sent, {
      applied: [{ id: 'A', entity: 'interaction', mergedInto: null }, { id: 'C', entity: 'interaction', mergedInto: 'Z' }],
      rejected: [{ id: 'B', reason: 'occurredAt: bad' }],
      cursor: 5,
    });
    expect(await outboxRows(db, 'pending')).toEqual([]);
    expect((await outboxRows(db, 'rejected')).map((r) => [r.id, r.reason, r.attempts])).toEqual([['B', 'occurredAt: bad', 1]]);
    expect(await store.counts()).toEqual({ pending: 0, rejected: 1 });
    expect((await db.interactions.toArray()).map((i) => [i.id, i.pending]).sort()).toEqual([['A', false], ['B', true], ['Z', false]]);
  });

  it('holds items naming a stakeholder still to be created, then rewrites them to the real id', async () => {
    const local = await enqueueStakeholder(db, 'local:01', { name: 'New Co', type: 'partner', identities: [{ kind: 'email', value: 'x@new.co' }] }, new Date('2026-03-10T02:00:00Z'));
    expect((await matchLocal(db, { kind: 'email', value: 'X@new.co' }))?.stakeholder.id).toBe(local.id);
    // Created offline: its cadence runs from when it was queued until the server's record replaces it.
    expect((await db.stakeholders.get('local:01'))?.createdAt).toBe('2026-03-10T02:00:00.000Z');
    await enqueueInteractions(db, [interaction('A', 'm1', 'local:01'), interaction('B', 'm2', 'S1')]);
    const store = createDexieSyncStore(db);
    expect((await store.pendingPush(500)).map((i) => i.id)).toEqual(['B']);
    expect(await store.pendingStakeholders()).toEqual([{ localId: 'local:01', input: expect.objectContaining({ name: 'New Co' }) }]);

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
    const pulled = { ...interaction('P', 'm9'), userId: 'u2', deleted: false, createdAt: '2026-03-08T00:00:00Z', updatedAt: '2026-03-08T00:00:00Z', waitStart: true, repliedAt: null, repliedBy: null, responseMs: null, responseWorkMs: null, onTime: null, seq: 7 } satisfies Interaction;
    await store.applyPull({ interactions: [pulled, { ...pulled, id: 'A', deleted: true }], followups: [], stakeholders: [stakeholder], cursor: 7, hasMore: false });
    expect(await store.getCursor()).toBe(7);
    expect((await db.interactions.toArray()).map((i) => i.id)).toEqual(['P']);
    expect(await matchLocal(db, { kind: 'email', value: 'boss@customer.com' })).toMatchObject({ via: 'exact', stakeholder: { id: 'S9' } });
    expect(await matchLocal(db, { kind: 'email', value: 'someone@customer.com' })).toMatchObject({ via: 'domain', stakeholder: { id: 'S9' } });
    expect(await matchLocal(db, { kind: 'email', value: 'someone@else.com' })).toBeNull();
    expect((await db.stakeholders.get('S9'))?.createdAt).toBe('2026-01-05T00:00:00Z');
    expect((await searchStakeholders(db, 'custo')).map((s) => s.id)).toEqual(['S9']);
    expect((await searchStakeholders(db, 'boss@')).map((s) => s.id)).toEqual(['S9']);
  });
});
