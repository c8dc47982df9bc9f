import { randomBytes } from 'node:crypto';
import { and, eq, gt, isNull, lte, or } from 'drizzle-orm';
import { ulid } from 'ulid';
import type { DbOrTx } from '../db/client';
import { apiTokens, orgs, users } from '../db/schema';
import { webSessions } from '../db/tables/sessions';
import { authenticate, hashToken, type AuthUser } from './tokens';

/*
 * Web view sessions (docs/web-view.md "Signing in"): an API token, checked as a bearer token would be, is exchanged
 * for a random secret that lives in an httpOnly cookie; the database keeps only its hash.
 */

/** A session lasts this long from sign-in, whatever is done with it. */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

export interface NewSession {
  /** Goes into the cookie, never stored. */
  secret: string;
  expiresAt: number;
  user: AuthUser;
}

/** A session for the holder of `token`, or null when the token would be refused as a bearer token. */
export async function createSession(db: DbOrTx, token: string, now = Date.now()): Promise<NewSession | null> {
  const user = await authenticate(db, token, now);
  if (!user?.tokenId) return null;
  const secret = randomBytes(32).toString('base64url');
  const expiresAt = now + SESSION_TTL_MS;
  await db.insert(webSessions).values({
    id: ulid(now),
    orgId: user.orgId,
    userId: user.id,
    tokenId: user.tokenId,
    secretHash: hashToken(secret),
    createdAt: now,
    expiresAt,
  });
  return { secret, expiresAt, user };
}

/** The user of a live session: not expired, its token neither revoked nor expired, its user active. */
export async function sessionUser(db: DbOrTx, secret: string, now = Date.now()): Promise<AuthUser | null> {
  if (secret.length > 100) return null;
  const [row] = await db
    .select({
      id: users.id,
      orgId: users.orgId,
      name: users.name,
      email: users.email,
      role: users.role,
      tokenId: apiTokens.id,
    })
    .from(webSessions)
    .innerJoin(apiTokens, eq(apiTokens.id, webSessions.tokenId))
    .innerJoin(users, and(eq(users.id, webSessions.userId), eq(users.orgId, webSessions.orgId)))
    .innerJoin(orgs, eq(orgs.id, webSessions.orgId))
    .where(
      and(
        eq(webSessions.secretHash, hashToken(secret)),
        gt(webSessions.expiresAt, now),
        isNull(apiTokens.revokedAt),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, now)),
        eq(users.active, true),
      ),
    )
    .limit(1);
  return row ?? null;
}

/** Ends the session of `secret` (sign-out), and drops every expired one while at it. */
export async function endSession(db: DbOrTx, secret: string, now = Date.now()): Promise<void> {
  await db
    .delete(webSessions)
    .where(or(eq(webSessions.secretHash, hashToken(secret)), lte(webSessions.expiresAt, now)));
}
