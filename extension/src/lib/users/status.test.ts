import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PushItem, PushResult } from '@comms-log/shared';
import { ApiError } from '../api/error';
import { CommsLogDb } from '../outbox/local-db';
import { enqueueInteractions } from '../outbox/queue';
import { createDexieSyncStore } from '../outbox/sync-store';
import { syncStatusItem, tokenItem, whoamiItem } from '../storage-items';
import type { SyncClock } from '../sync/backoff';
import { createSyncEngine, type SyncEngine } from '../sync/engine';
import type { SyncTransport } from '../sync/passes';
import { followWhoami } from './watch';
import { logged, who } from './testing/people';

let n = 0;
let db: CommsLogDb;
let engine: SyncEngine;
let stop: () => void;
/** While set, pushes wait for it: a sync still running when the user changes. */
let held: Promise<void> | null = null;
let down = false;

const clock: SyncClock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
  random: () => 0.5,
};

const transport: SyncTransport = {
  async push(items: PushItem[]): Promise<PushResult> {
    if (held) await held;
    if (down) throw new ApiError('network');
    return { applied: items.map((i) => ({ id: i.id, entity: i.entity, mergedInto: null })), rejected: [], cursor: 1 };
  },
  async pull(cursor) {
    if (down) throw new ApiError('network');
    return { interactions: [], followups: [], stakeholders: [], erasures: [], cursor, hasMore: false };
  },
  async createStakeholder() {
    throw new ApiError('network');
  },
};

async function signIn(id: string) {
  await tokenItem.setValue(`token-${id}`);
  await whoamiItem.setValue(who(id));
  await vi.waitFor(() => expect(db.signedIn?.id).toBe(id));
}

beforeEach(async () => {
  fakeBrowser.reset();
  down = false;
  held = null;
  db = new CommsLogDb(`status-${n++}`);
  await db.open();
  engine = createSyncEngine({
    store: createDexieSyncStore(db),
    transport,
    clock,
    onStatus: (status) => void syncStatusItem.setValue(status),
  });
  stop = followWhoami(db, engine);
});

afterEach(async () => {
  stop();
  engine.dispose();
  db.close();
  await db.delete();
});

describe("the popup's sync status across sign-ins", () => {
  it("shows the new user's counts and no last sync or error of the one before", async () => {
    await signIn('alice');
    await engine.sync();
    expect(engine.status().lastSyncAt).not.toBeNull();
    await enqueueInteractions(db, [logged('A1'), logged('A2')]);
    down = true;
    await engine.sync({ force: true });
    expect(engine.status()).toMatchObject({ state: 'backoff', pending: 2, failures: 1 });
    expect(engine.status().lastError?.code).toBe('network');
    await signIn('bob');
    await vi.waitFor(async () =>
      expect(await syncStatusItem.getValue()).toMatchObject({
        state: 'idle',
        lastSyncAt: null,
        lastError: null,
        nextRetryAt: null,
        failures: 0,
        pending: 0,
        rejected: 0,
      }),
    );
  });

  it('keeps a sync that was running at the change from reporting as the new user', async () => {
    await signIn('alice');
    await enqueueInteractions(db, [logged('A1')]);
    let release: () => void = () => undefined;
    held = new Promise((r) => {
      release = r;
    });
    const running = engine.sync();
    await vi.waitFor(() => expect(engine.status().state).toBe('syncing'));
    await whoamiItem.setValue(null);
    await tokenItem.setValue('');
    await vi.waitFor(() => expect(db.signedIn).toBeNull());
    release();
    held = null;
    await running;
    expect(engine.status()).toMatchObject({ state: 'idle', lastSyncAt: null, lastError: null });
  });
});
