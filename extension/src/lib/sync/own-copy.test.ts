import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CommsLogDb, type LocalFollowup, type LocalInteraction } from '../outbox/local-db';
import { createDexieSyncStore } from '../outbox/sync-store';
import { whoamiItem } from '../storage-items';
import { narrowToOwnCopy } from './own-copy';

let n = 0;
let db: CommsLogDb;

const interaction = (id: string, userId: string | undefined, pending = false) =>
  ({ id, threadKey: `gmail:${id}`, occurredAt: '2026-03-09T02:00:00.000Z', userId, pending }) as LocalInteraction;
const followup = (id: string, userId: string | undefined, pending = false) =>
  ({ id, dueAt: '2026-03-10T01:00:00.000Z', status: 'open', userId, pending }) as LocalFollowup;

/** A manager's copy from before pull took a scope: the org's rows, and a cursor past them. */
async function orgCopy() {
  await db.interactions.bulkPut([
    interaction('mine', 'me'),
    interaction('theirs', 'sam'),
    interaction('queued', undefined, true),
    interaction('theirs-edited-here', 'sam', true),
  ]);
  await db.followups.bulkPut([followup('my-reminder', 'me'), followup('their-reminder', 'tao')]);
  await db.meta.put({ key: 'cursor', value: 42 });
}

const ids = async () => ({
  interactions: (await db.interactions.toArray()).map((i) => i.id).sort(),
  followups: (await db.followups.toArray()).map((f) => f.id).sort(),
  cursor: (await db.meta.get('cursor'))?.value,
});

beforeEach(async () => {
  fakeBrowser.reset();
  db = new CommsLogDb(`own-copy-${n++}`);
  await orgCopy();
});

afterEach(async () => {
  db.close();
  await db.delete();
});

describe('narrowToOwnCopy', () => {
  it("drops others' synced rows once, keeps the cursor, and keeps what the outbox holds", async () => {
    expect(await narrowToOwnCopy(db, 'me')).toBe(2);
    expect(await ids()).toEqual({
      interactions: ['mine', 'queued', 'theirs-edited-here'],
      followups: ['my-reminder'],
      cursor: 42,
    });
    await db.interactions.put(interaction('pulled-later', 'sam'));
    expect(await narrowToOwnCopy(db, 'me')).toBe(0);
    expect((await ids()).interactions).toContain('pulled-later');
  });

  it("starts the pull again from 0 when another user's own copy becomes this user's", async () => {
    await narrowToOwnCopy(db, 'me');
    expect(await narrowToOwnCopy(db, 'sam')).toBe(2);
    expect(await ids()).toEqual({ interactions: ['queued', 'theirs-edited-here'], followups: [], cursor: 0 });
  });

  it('runs before the first pull as the signed-in user (the sync store reads the cursor through it)', async () => {
    await whoamiItem.setValue({ user: { id: 'me' } } as Awaited<ReturnType<typeof whoamiItem.getValue>>);
    expect(await createDexieSyncStore(db).getCursor()).toBe(42);
    expect((await ids()).interactions).toEqual(['mine', 'queued', 'theirs-edited-here']);
  });
});
