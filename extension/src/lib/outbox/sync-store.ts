import type { PullResult } from '@comms-log/shared';
import { forgetErasedInTeamLists } from '../followups/team';
import { whoamiItem } from '../storage-items';
import type { SyncStore } from '../sync/passes';
import { followSignIn } from '../users/follow';
import { toLocalStakeholder } from './directory';
import { forgetKeptScreenAfter } from '../users/forget-screen';
import { applyErasures } from './erasures';
import type { CommsLogDb } from './local-db';
import {
  applyPushResult,
  pendingPush,
  pendingStakeholders,
  queueCounts,
  rejectStakeholder,
  resolveStakeholder,
} from './queue';

/** Stores one pulled page and its cursor together, so a crash never skips or repeats a page. */
async function applyPull(db: CommsLogDb, page: PullResult): Promise<void> {
  await db.transaction('rw', db.interactions, db.followups, db.stakeholders, db.outbox, db.meta, async () => {
    const gone = page.interactions.filter((i) => i.deleted).map((i) => i.id);
    await db.interactions.bulkDelete(gone);
    await db.interactions.bulkPut(
      page.interactions.filter((i) => !i.deleted).map((i) => ({ ...i, loggedAt: i.createdAt, pending: false })),
    );
    await db.followups.bulkDelete(page.followups.filter((f) => f.deleted).map((f) => f.id));
    await db.followups.bulkPut(page.followups.filter((f) => !f.deleted).map((f) => ({ ...f, pending: false })));
    await db.stakeholders.bulkPut(page.stakeholders.map((s) => toLocalStakeholder(s)));
    await applyErasures(db, page.erasures ?? []);
    await db.meta.put({ key: 'cursor', value: page.cursor });
  });
  // Outside IndexedDB (extension storage): after the page is stored, so a failure here loses no page.
  await forgetErasedInTeamLists(page.erasures ?? []);
  forgetKeptScreenAfter(page.erasures?.length ?? 0);
}

async function getCursor(db: CommsLogDb): Promise<number> {
  const row = await db.meta.get('cursor');
  return typeof row?.value === 'number' ? row.value : 0;
}

/** The sync engine's store over the Dexie database. */
export function createDexieSyncStore(db: CommsLogDb): SyncStore {
  // Read per call: an outbox row is pushed only while its writer is signed in (docs/sync.md "Outbox first").
  const me = async () => (await whoamiItem.getValue())?.user.id ?? null;
  return {
    claim: async () => void (await followSignIn(db)),
    pendingStakeholders: async () => pendingStakeholders(db, await me()),
    resolveStakeholder: (localId, stakeholder) => resolveStakeholder(db, localId, stakeholder),
    rejectStakeholder: (localId, reason) => rejectStakeholder(db, localId, reason),
    pendingPush: async (limit) => pendingPush(db, limit, await me()),
    applyPushResult: (sent, result) => applyPushResult(db, sent, result),
    getCursor: () => getCursor(db),
    applyPull: (page) => applyPull(db, page),
    counts: async () => queueCounts(db, await me()),
  };
}
