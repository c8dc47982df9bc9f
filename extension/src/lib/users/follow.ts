import type { Whoami } from '@comms-log/shared';
import type { CommsLogDb, OutboxOwner } from '../outbox/local-db';
import { tokenItem, whoamiItem } from '../storage-items';
import { claimCopy, releaseCopy } from '../sync/own-copy';
import { forgetUserCopies } from './forget';

/** The owner stamped on the outbox rows `who` writes; the popup names them by e-mail. */
export const ownerOf = (who: Whoami): OutboxOwner => ({ id: who.user.id, label: who.user.email || who.user.name });

/**
 * Makes what this browser keeps follow who is signed in, before a sync sends anything: the signed-in user's copy
 * (sync/own-copy.ts), and when it was someone else's, or a sign-out, none of their copies in storage either. A token
 * not checked yet, or refused, changes nothing: who it belongs to is not known.
 */
export async function followSignIn(db: CommsLogDb): Promise<void> {
  const [who, token] = await Promise.all([whoamiItem.getValue(), tokenItem.getValue()]);
  if (who) {
    const change = await claimCopy(db, ownerOf(who));
    if (change.kind === 'switched') await forgetUserCopies(change.from, who.user.id);
    return;
  }
  if (token) return;
  const from = await releaseCopy(db);
  if (from !== null) await forgetUserCopies(from, null);
}
