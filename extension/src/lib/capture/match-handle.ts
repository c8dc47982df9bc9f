import type { HandleRef } from '@comms-log/shared';
import { isConfigured, withApi } from '../api/session';
import type { MessageMap } from '../messages';
import { getStakeholder, matchLocal, stakeholderSummary } from '../outbox/directory';
import type { CommsLogDb } from '../outbox/local-db';
import type { SyncStore } from '../sync/passes';

type HandleMatch = MessageMap['match-handles']['res'][number];

/**
 * The directory entry a handle belongs to: the local copy first, then the server's directory (an entry found
 * there is cached like a pulled one). Offline or refused, no match: the user picks the stakeholder by hand.
 */
export async function matchHandle(db: CommsLogDb, store: SyncStore, handle: HandleRef): Promise<HandleMatch> {
  const local = await matchLocal(db, handle);
  if (local) return { handle, stakeholder: stakeholderSummary(local.stakeholder), via: local.via };
  if (!(await isConfigured())) return { handle, stakeholder: null, via: null };
  try {
    const [match] = await withApi((c) => c.directory.match.query({ handles: [handle] }));
    if (!match?.stakeholderId) return { handle, stakeholder: null, via: null };
    let known = await getStakeholder(db, match.stakeholderId);
    if (!known) {
      const fetched = await withApi((c) => c.directory.get.query({ id: match.stakeholderId! }));
      await store.applyPull({
        interactions: [],
        followups: [],
        stakeholders: [fetched],
        cursor: await store.getCursor(),
        hasMore: false,
      });
      known = await getStakeholder(db, fetched.id);
    }
    return { handle, stakeholder: known ? stakeholderSummary(known) : null, via: match.via };
  } catch {
    // Offline or refused: the panel still works, the user picks the stakeholder by hand.
    return { handle, stakeholder: null, via: null };
  }
}
