import { primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { ms, orgs } from '../schema';

/*
 * What keeps an erased person's handles from coming back (docs/sync.md "Erasure"): a keyed hash (HMAC-SHA256) of each
 * handle of a stakeholder erased on request, never the handle itself, and the org's key for it. The key lives in the
 * database beside the hashes, so the hashes pseudonymise: they keep no handle readable, yet whoever holds the whole
 * database can test a guessed handle against them. Conventions as in ../schema.ts.
 */

/** One key per org, made at its first erasure: 32 random bytes, base64url. */
export const erasureKeys = sqliteTable('erasure_keys', {
  orgId: text('org_id')
    .primaryKey()
    .references(() => orgs.id, { onDelete: 'cascade' }),
  key: text('key').notNull(),
  createdAt: ms('created_at').notNull(),
});

/** The hash of one erased handle (lower-case, as identities are kept) and the erasure that added it. */
export const erasedHandles = sqliteTable(
  'erased_handles',
  {
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    hash: text('hash').notNull(),
    erasureId: text('erasure_id').notNull(),
    erasedAt: ms('erased_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.hash] })],
);
