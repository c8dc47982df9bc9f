import { index, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { apiTokens, ms, orgs, users } from '../schema';

/*
 * Browser sessions of the web view (docs/web-view.md "Signing in"): an API token exchanged for a cookie. Only the
 * SHA-256 of the cookie's secret is stored. A session ends at `expires_at`, on sign-out, and with its token (revoked,
 * expired) or its user (deactivated). Conventions as in ../schema.ts.
 */
export const webSessions = sqliteTable(
  'web_sessions',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The API token the session was made from: revoking it ends the session. */
    tokenId: text('token_id')
      .notNull()
      .references(() => apiTokens.id, { onDelete: 'cascade' }),
    /** Hex SHA-256 of the cookie's secret. */
    secretHash: text('secret_hash').notNull(),
    createdAt: ms('created_at').notNull(),
    expiresAt: ms('expires_at').notNull(),
  },
  (t) => [uniqueIndex('web_sessions_secret').on(t.secretHash), index('web_sessions_token').on(t.tokenId)],
);
