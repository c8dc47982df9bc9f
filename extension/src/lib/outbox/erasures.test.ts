import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CommsLogDb } from './local-db';
import { applyPushResult, enqueueInteractions, queueCounts } from './queue';
import { createDexieSyncStore } from './sync-store';

let db: CommsLogDb;
let n = 0;

beforeEach(async () => {
  db = new CommsLogDb(`erasure-test-${n++}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

// Only the fields the erasure reads: ids and the stakeholder they point at.
const row = (id: string, stakeholderId: string | null) => ({ id, stakeholderId, threadKey: 'gmail:T', occurredAt: '' });

describe('an erasure tombstone pulled from the server', () => {
  it('drops the stakeholder, the rows named and any local row still pointing at them, in the page’s transaction', async () => {
    await db.interactions.bulkPut([row('I1', 'S1'), row('I2', null), row('I3', 'S1'), row('K1', 'S2')] as never);
    await db.followups.bulkPut([row('F1', 'S1'), row('F2', 'S1'), row('F3', 'S2')] as never);
    await db.stakeholders.bulkPut([
      { id: 'S1', nameLower: 'wang fang', identityKeys: [] },
      { id: 'S2', nameLower: 'kept', identityKeys: [] },
    ] as never);
    await createDexieSyncStore(db).applyPull({
      interactions: [],
      followups: [],
      stakeholders: [],
      // I2 was the person's though never linked; I3 and F2 point at them though the server did not list them.
      erasures: [{ stakeholderId: 'S1', interactionIds: ['I1', 'I2'], followupIds: ['F1'] }],
      cursor: 12,
      hasMore: false,
    });
    expect((await db.interactions.toArray()).map((i) => i.id)).toEqual(['K1']);
    expect((await db.followups.toArray()).map((f) => f.id)).toEqual(['F3']);
    expect((await db.stakeholders.toArray()).map((s) => s.id)).toEqual(['S2']);
    expect((await db.meta.get('cursor'))?.value).toBe(12);
  });

  it('drops quietly what the outbox still holds about the person, refused or waiting, and keeps the rest', async () => {
    // Logged offline: one message the server already refused (the erasure came first), one still waiting, one the
    // erasure removed though never linked, a reminder, a coverage item with them as the outlet, and other work.
    const mine = (id: string, stakeholderId: string | null) => ({ ...row(id, stakeholderId), author: { name: 'x' } });
    const followup = { id: 'F1', stakeholderId: 'S1', dueAt: '2026-03-12T02:00:00Z', note: 'call' };
    await enqueueInteractions(db, [mine('I1', 'S1'), mine('I2', 'S1'), mine('I4', null), mine('K1', 'S2')] as never, {
      followup: followup as never,
    });
    await db.outbox.add({
      key: 'coverage:C1',
      entity: 'coverage',
      op: 'upsert',
      id: 'C1',
      data: { id: 'C1', outletStakeholderId: 'S1' },
      status: 'pending',
      reason: null,
      attempts: 0,
      queuedAt: '2026-03-10T00:00:00Z',
      waitsFor: null,
    });
    const reason = 'stakeholder S1 was erased on request; nothing more is kept about them';
    await applyPushResult(db, [{ op: 'upsert', entity: 'interaction', id: 'I1', data: mine('I1', 'S1') }], {
      applied: [],
      rejected: [{ id: 'I1', reason }],
      cursor: 11,
    });
    expect(await queueCounts(db)).toEqual({ pending: 5, rejected: 1 });
    await createDexieSyncStore(db).applyPull({
      interactions: [],
      followups: [],
      stakeholders: [],
      erasures: [{ stakeholderId: 'S1', interactionIds: ['I4'], followupIds: [] }],
      cursor: 12,
      hasMore: false,
    });
    expect((await db.outbox.toArray()).map((r) => r.key)).toEqual(['interaction:K1']);
    expect(await queueCounts(db)).toEqual({ pending: 1, rejected: 0 });
    expect((await db.interactions.toArray()).map((i) => i.id)).toEqual(['K1']);
  });
});
