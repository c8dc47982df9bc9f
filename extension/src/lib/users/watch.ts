import type { Whoami } from '@comms-log/shared';
import type { CommsLogDb } from '../outbox/local-db';
import { whoamiItem } from '../storage-items';
import type { SyncEngine } from '../sync/engine';
import { ownerOf } from './follow';
import { usersLabelsItem } from './waiting';

/** Remembers how to name `who` in the popup's note on what they left queued here (users/waiting.ts). */
async function rememberLabel(who: Whoami): Promise<void> {
  const { id, label } = ownerOf(who);
  const labels = await usersLabelsItem.getValue();
  if (labels[id] !== label) await usersLabelsItem.setValue({ ...labels, [id]: label });
}

/**
 * Keeps the background's own state on the signed-in user as Options changes it: new outbox rows are theirs, and
 * the last sync, its error and the counts the popup shows are no one else's (docs/sync.md "Outbox first").
 * Returns the unwatch function.
 */
export function followWhoami(db: CommsLogDb, engine: Pick<SyncEngine, 'forgetStatus'>): () => void {
  const follow = (who: Whoami | null) => {
    db.signedIn = who ? ownerOf(who) : null;
    if (who) void rememberLabel(who).catch(() => undefined);
  };
  // A change seen first is newer than the first read, which may answer after it.
  let changed = false;
  void whoamiItem.getValue().then((who) => changed || follow(who));
  return whoamiItem.watch((who, was) => {
    changed = true;
    follow(who);
    if ((who?.user.id ?? null) !== (was?.user.id ?? null)) void engine.forgetStatus().catch(() => undefined);
  });
}
