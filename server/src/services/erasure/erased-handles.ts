import { createHmac, randomBytes } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import type { DbOrTx } from '../../db/client';
import {
  erasedHashesIn,
  erasureKeyOf,
  insertErasedHandles,
  keepErasureKey,
  personalHandlesOf,
} from '../../db/queries/erased-handles';

/*
 * An erased person's handles stay refused (docs/sync.md "Erasure"): the erasure keeps a keyed hash of each, never the
 * handle, and a push whose interaction is written by one is refused item by item, so that a device that logged them
 * offline cannot bring the handle back once the tombstone and the rows are gone.
 */

/** HMAC-SHA256 of the handle as identities keep it (trimmed, lower-case), hex. */
export const handleHash = (key: string, handle: string) =>
  createHmac('sha256', key).update(handle.trim().toLowerCase()).digest('hex');

/** Keeps the hashes of the stakeholder's handles; call it in the erasure's transaction, before the identities go. */
export async function rememberErasedHandles(
  tx: DbOrTx,
  orgId: string,
  stakeholderId: string,
  erasure: { id: string; at: number },
): Promise<number> {
  const handles = await personalHandlesOf(tx, orgId, stakeholderId);
  if (handles.length === 0) return 0;
  const key =
    (await erasureKeyOf(tx, orgId)) ??
    (await keepErasureKey(tx, orgId, randomBytes(32).toString('base64url'), erasure.at));
  await insertErasedHandles(
    tx,
    orgId,
    handles.map((h) => handleHash(key, h)),
    erasure,
  );
  return handles.length;
}

/** Of `handles`, those of people the org erased on request (none before its first erasure). */
export async function erasedHandlesIn(db: DbOrTx, orgId: string, handles: readonly string[]): Promise<Set<string>> {
  if (handles.length === 0) return new Set();
  const key = await erasureKeyOf(db, orgId);
  if (key === null) return new Set();
  const byHash = new Map(handles.map((h) => [handleHash(key, h), h]));
  const found = await erasedHashesIn(db, orgId, [...byHash.keys()]);
  return new Set([...found].map((hash) => byHash.get(hash)!));
}

/**
 * CONFLICT when one of `list` (normalised identities, as the directory keeps them) was a handle of a stakeholder
 * erased on request: creating or importing the person again, or adding the handle to someone, would keep it again.
 */
export async function refuseErasedIdentities(
  db: DbOrTx,
  orgId: string,
  list: readonly { kind: string; value: string }[],
): Promise<void> {
  const personal = list.filter((i) => i.kind !== 'domain');
  const erased = await erasedHandlesIn(
    db,
    orgId,
    personal.map((i) => i.value),
  );
  const first = personal.find((i) => erased.has(i.value));
  if (first)
    throw new TRPCError({
      code: 'CONFLICT',
      message: `The ${first.kind} ${first.value} belonged to a stakeholder erased on request; it is not kept again.`,
    });
}
