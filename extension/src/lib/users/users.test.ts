import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PushItem } from '@comms-log/shared';
import { fuHeadItem, fuPaintItem, fuTeamListsItem } from '../followups/storage-items';
import { FollowupsDb, OWN_SNAPSHOT_KEY } from '../followups/store';
import { CommsLogDb } from '../outbox/local-db';
import { enqueueInteractions, queueCounts } from '../outbox/queue';
import { createDexieSyncStore } from '../outbox/sync-store';
import { neverLogMineItem, tokenItem, whoamiItem } from '../storage-items';
import { syncPasses, type SyncTransport } from '../sync/passes';
import { followSignIn, ownerOf } from './follow';
import { discardWaiting, othersWaiting } from './waiting';
import { logged, who } from './testing/people';

let n = 0;
let db: CommsLogDb;

/** A server that applies every push, remembering who sent what (the token's user), and has nothing to pull. */
function recordingServer() {
  const pushed: { as: string | undefined; ids: string[] }[] = [];
  const transport: SyncTransport = {
    async push(items: PushItem[]) {
      pushed.push({ as: (await whoamiItem.getValue())?.user.id, ids: items.map((i) => i.id) });
      return { applied: items.map((i) => ({ id: i.id, entity: i.entity, mergedInto: null })), rejected: [], cursor: 1 };
    },
    async pull(cursor) {
      return { interactions: [], followups: [], stakeholders: [], erasures: [], cursor, hasMore: false };
    },
    async createStakeholder() {
      throw new Error('none here');
    },
  };
  return { pushed, transport };
}

/** Signs `id` in as Options does (token, then who-am-I) and as the background follows it. */
async function signIn(id: string) {
  await tokenItem.setValue(`token-${id}`);
  await whoamiItem.setValue(who(id));
  db.signedIn = ownerOf(who(id));
}

async function signOut() {
  await whoamiItem.setValue(null);
  await tokenItem.setValue('');
  db.signedIn = null;
}

beforeEach(async () => {
  fakeBrowser.reset();
  db = new CommsLogDb(`users-${n++}`);
  await db.open();
});

afterEach(async () => {
  db.close();
  await db.delete();
});

describe('the outbox across sign-ins', () => {
  it("pushes each user's rows only as that user, whatever happened in between", async () => {
    const store = createDexieSyncStore(db);
    const { pushed, transport } = recordingServer();
    await signIn('alice');
    await syncPasses(store, transport, 500);
    await enqueueInteractions(db, [logged('A1'), logged('A2')]);
    await signOut();
    await syncPasses(store, transport, 500).catch(() => undefined);
    await signIn('bob');
    await enqueueInteractions(db, [logged('B1')]);
    expect(await queueCounts(db, 'bob')).toEqual({ pending: 1, rejected: 0 });
    await syncPasses(store, transport, 500);
    expect(await othersWaiting(db, new FollowupsDb(), 'bob')).toEqual([
      { ownerId: 'alice', label: 'alice@example.cn', count: 2 },
    ]);
    await signIn('alice');
    await syncPasses(store, transport, 500);
    expect(pushed).toEqual([
      { as: 'bob', ids: ['B1'] },
      { as: 'alice', ids: ['A1', 'A2'] },
    ]);
    expect(await db.outbox.count()).toBe(0);
  });

  it("lets the signed-in user discard another user's waiting rows, never their own", async () => {
    await signIn('alice');
    await followSignIn(db);
    await enqueueInteractions(db, [logged('A1')]);
    await signIn('bob');
    await followSignIn(db);
    await enqueueInteractions(db, [logged('B1')]);
    expect(await discardWaiting(db, new FollowupsDb(), 'bob', 'bob')).toBe(0);
    expect(await discardWaiting(db, new FollowupsDb(), 'alice', 'bob')).toBe(1);
    expect(await othersWaiting(db, new FollowupsDb(), 'bob')).toEqual([]);
    expect((await db.outbox.toArray()).map((r) => r.id)).toEqual(['B1']);
  });
});

describe('copies kept in storage', () => {
  async function alicesCopies() {
    await signIn('alice');
    await followSignIn(db);
    await fuHeadItem.setValue({ computedAt: '2026-03-09T02:00:00.000Z' } as never);
    await fuPaintItem.setValue({ lang: 'en', groups: [{ title: 'Alice customer' }] } as never);
    await fuTeamListsItem.setValue({ team: {} as never });
    await neverLogMineItem.setValue(['weibo:alice-friend']);
    const fuDb = new FollowupsDb();
    await fuDb.snapshot.put({ key: OWN_SNAPSHOT_KEY, computedAt: '2026-03-09T02:00:00.000Z', items: [] });
    fuDb.close();
  }

  async function kept() {
    const fuDb = new FollowupsDb();
    const snapshot = await fuDb.snapshot.count();
    fuDb.close();
    return {
      head: await fuHeadItem.getValue(),
      paint: await fuPaintItem.getValue(),
      team: await fuTeamListsItem.getValue(),
      neverLog: await neverLogMineItem.getValue(),
      snapshot,
    };
  }

  const none = { head: null, paint: null, team: {}, neverLog: [], snapshot: 0 };

  it('are dropped when another user signs in; the personal never-log list waits for its user', async () => {
    await alicesCopies();
    await signIn('bob');
    await followSignIn(db);
    expect(await kept()).toEqual(none);
    await signIn('alice');
    await followSignIn(db);
    expect((await kept()).neverLog).toEqual(['weibo:alice-friend']);
  });

  it('are dropped at sign-out', async () => {
    await alicesCopies();
    await signOut();
    await followSignIn(db);
    expect(await kept()).toEqual(none);
  });

  it("are nobody's while the server cannot say whose a new token is, and the sync sends nothing", async () => {
    await alicesCopies();
    await enqueueInteractions(db, [logged('A1')]);
    await db.interactions.put({ ...logged('pulled'), loggedAt: '2026-03-09T02:00:00.000Z', pending: false });
    // Saved in Options with the server down: a token, nobody known, and no server to ask.
    await whoamiItem.setValue(null);
    await tokenItem.setValue('token-someone');
    db.signedIn = null;
    const { pushed, transport } = recordingServer();
    await expect(syncPasses(createDexieSyncStore(db), transport, 500)).rejects.toMatchObject({
      code: 'not-configured',
    });
    expect(pushed).toEqual([]);
    expect(await kept()).toEqual(none);
    expect(await db.interactions.count()).toBe(0);
    expect((await db.outbox.toArray()).map((r) => [r.id, r.owner?.id])).toEqual([['A1', 'alice']]);
  });
});
