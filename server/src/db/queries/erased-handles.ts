import type { DbOrTx } from '../client';
import { jsonList, rawExecutor, selectValues } from '../client';

/*
 * The keyed hashes of erased handles and each org's key for them (db/tables/erased-handles.ts; docs/sync.md
 * "Erasure"). Every statement filters by the org.
 */

/** The org's key, or null before its first erasure. */
export async function erasureKeyOf(db: DbOrTx, orgId: string): Promise<string | null> {
  const [key] = await selectValues(db, { value: 'key', from: 'FROM erasure_keys WHERE org_id = ?', args: [orgId] });
  return typeof key === 'string' ? key : null;
}

/** Stores `key` as the org's unless it has one; returns the org's key either way. */
export async function keepErasureKey(db: DbOrTx, orgId: string, key: string, at: number): Promise<string> {
  await rawExecutor(db)({
    sql: 'INSERT INTO erasure_keys (org_id, key, created_at) VALUES (?, ?, ?) ON CONFLICT (org_id) DO NOTHING',
    args: [orgId, key, at],
  });
  return (await erasureKeyOf(db, orgId)) ?? key;
}

/** The stakeholder's handles as stored (lower-case), domains left out: a domain is the company's, not the person's. */
export async function personalHandlesOf(db: DbOrTx, orgId: string, stakeholderId: string): Promise<string[]> {
  return (await selectValues(db, {
    value: 'value',
    from: "FROM identities WHERE org_id = ? AND stakeholder_id = ? AND kind <> 'domain'",
    args: [orgId, stakeholderId],
  })) as string[];
}

export async function insertErasedHandles(
  db: DbOrTx,
  orgId: string,
  hashes: readonly string[],
  erasure: { id: string; at: number },
): Promise<void> {
  if (hashes.length === 0) return;
  await rawExecutor(db)({
    sql: `INSERT INTO erased_handles (org_id, hash, erasure_id, erased_at)
      SELECT ?, value, ?, ? FROM json_each(?) WHERE true ON CONFLICT (org_id, hash) DO NOTHING`,
    args: [orgId, erasure.id, erasure.at, jsonList([...hashes])],
  });
}

/** Of `hashes`, those of handles the org erased. */
export async function erasedHashesIn(db: DbOrTx, orgId: string, hashes: readonly string[]): Promise<Set<string>> {
  if (hashes.length === 0) return new Set();
  const found = await selectValues(db, {
    value: 'hash',
    from: 'FROM erased_handles WHERE org_id = ? AND hash IN (SELECT value FROM json_each(?))',
    args: [orgId, jsonList([...hashes])],
  });
  return new Set(found as string[]);
}

/** Removes one hash of the org's; the erasure that kept it, or null when the org keeps no such hash. */
export async function deleteErasedHandle(
  db: DbOrTx,
  orgId: string,
  hash: string,
): Promise<{ erasureId: string; erasedAt: number } | null> {
  const rs = await rawExecutor(db)({
    sql: 'DELETE FROM erased_handles WHERE org_id = ? AND hash = ? RETURNING erasure_id, erased_at',
    args: [orgId, hash],
  });
  const row = rs.rows[0];
  return row ? { erasureId: String(row[0]), erasedAt: Number(row[1]) } : null;
}
