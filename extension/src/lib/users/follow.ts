import type { Whoami } from '@comms-log/shared';
import { refreshAccount } from '../api/session';
import type { CommsLogDb, OutboxOwner } from '../outbox/local-db';
import { tokenItem, whoamiItem } from '../storage-items';
import { claimCopy, releaseCopy } from '../sync/own-copy';
import { forgetUserCopies } from './forget';

/** The owner stamped on the outbox rows `who` writes; the popup names them by e-mail. */
export const ownerOf = (who: Whoami): OutboxOwner => ({ id: who.user.id, label: who.user.email || who.user.name });

/** Empties the copy (the outbox stays) and the storage copies of whoever it was. */
async function release(db: CommsLogDb): Promise<void> {
  const from = await releaseCopy(db);
  if (from !== null) await forgetUserCopies(from, null);
}

/**
 * Makes what this browser keeps follow who is signed in, before a sync sends anything: the signed-in user's copy
 * (sync/own-copy.ts), and when it was someone else's, or a sign-out, none of their copies in storage either. A token
 * nobody has checked yet (saved while the server was down, say) may be someone else's: the server is asked whose it
 * is, and while it cannot say, the copy is nobody's and this throws, so the sync sends and pulls nothing.
 */
export async function followSignIn(db: CommsLogDb): Promise<void> {
  const token = await tokenItem.getValue();
  if (!token) return release(db);
  if (!(await whoamiItem.getValue())) {
    try {
      await refreshAccount();
    } catch (err) {
      await release(db);
      throw err;
    }
  }
  const who = await whoamiItem.getValue();
  if (!who) return release(db);
  const change = await claimCopy(db, ownerOf(who));
  if (change.kind === 'switched') await forgetUserCopies(change.from, who.user.id);
}
