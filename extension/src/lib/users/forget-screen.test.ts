// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PullResult } from '@comms-log/shared';
import { keepScreen, recallScreen, type Screen } from '../../ui/popup/prepaint-cache';
import { CommsLogDb } from '../outbox/local-db';
import { createDexieSyncStore } from '../outbox/sync-store';

let n = 0;
let db: CommsLogDb;

/** A first screen naming a customer, as the popup keeps it. */
const screen = { paint: { groups: [{ title: 'Marcus Reid' }] }, header: { configured: true } } as unknown as Screen;

const page = (cursor: number, erased: string[]): PullResult => ({
  interactions: [],
  followups: [],
  stakeholders: [],
  erasures: erased.map((stakeholderId) => ({ stakeholderId, interactionIds: [], followupIds: [] })),
  cursor,
  hasMore: false,
});

beforeEach(async () => {
  fakeBrowser.reset();
  localStorage.clear();
  db = new CommsLogDb(`forget-screen-${n++}`);
  await db.open();
});

afterEach(async () => {
  db.close();
  await db.delete();
});

describe("the popup's kept first screen, where the background is a page (Firefox)", () => {
  it('stays through pages without erasures and goes with the first page that carries one', async () => {
    const store = createDexieSyncStore(db);
    keepScreen(screen);
    await store.applyPull(page(1, []));
    expect(recallScreen()).toEqual(screen);
    await store.applyPull(page(2, ['S-marcus']));
    expect(recallScreen()).toBeNull();
  });
});
