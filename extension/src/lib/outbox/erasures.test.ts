import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CommsLogDb } from './local-db';
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
});
