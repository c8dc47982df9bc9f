import { createHash, randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { ulid } from 'ulid';
import type { Role } from '@comms-log/shared';
import type { DbOrTx } from '../db/client';
import { apiTokens, orgs, users } from '../db/schema';

/** Every token starts with this, so a leaked one is recognisable (secret scanners, logs). */
export const TOKEN_PREFIX = 'cl_';

/** last_used_at is written at most this often per token: a write on every request would cost more than it tells. */
const LAST_USED_RESOLUTION_MS = 60_000;

export interface AuthUser {
  id: string;
  orgId: string;
  name: string;
  email: string;
  role: Role;
  /** The token the request authenticated with (null for callers built in code, e.g. tests and the CLI). */
  tokenId: string | null;
}

/** A new bearer token: 32 random bytes, base64url, prefixed. */
export function generateToken(): string {
  return TOKEN_PREFIX + randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export interface IssuedToken {
  id: string;
  /** The token itself: show it once, it is not stored. */
  token: string;
  name: string;
  hint: string;
  userId: string;
  createdAt: number;
  /** Refused from this instant on; null: never expires. */
  expiresAt: number | null;
}

export async function issueToken(
  db: DbOrTx,
  input: { orgId: string; userId: string; name: string; expiresAt?: number | null },
  now = Date.now(),
): Promise<IssuedToken> {
  const token = generateToken();
  const row = {
    id: ulid(now),
    orgId: input.orgId,
    userId: input.userId,
    name: input.name,
    tokenHash: hashToken(token),
    hint: token.slice(0, TOKEN_PREFIX.length + 4),
    createdAt: now,
    expiresAt: input.expiresAt ?? null,
  };
  await db.insert(apiTokens).values(row);
  const { id, name, hint, userId, expiresAt } = row;
  return { id, token, name, hint, userId, createdAt: now, expiresAt };
}

/** The user a bearer token belongs to, or null when it is unknown, revoked, expired, or its user is deactivated. */
export async function authenticate(db: DbOrTx, token: string, now = Date.now()): Promise<AuthUser | null> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return null;
  const [row] = await db
    .select({
      tokenId: apiTokens.id,
      revokedAt: apiTokens.revokedAt,
      expiresAt: apiTokens.expiresAt,
      lastUsedAt: apiTokens.lastUsedAt,
      id: users.id,
      orgId: users.orgId,
      name: users.name,
      email: users.email,
      role: users.role,
      active: users.active,
    })
    .from(apiTokens)
    .innerJoin(users, and(eq(users.id, apiTokens.userId), eq(users.orgId, apiTokens.orgId)))
    .innerJoin(orgs, eq(orgs.id, apiTokens.orgId))
    .where(eq(apiTokens.tokenHash, hashToken(token)))
    .limit(1);
  if (!row || row.revokedAt !== null || !row.active) return null;
  if (row.expiresAt !== null && now >= row.expiresAt) return null;
  if (row.lastUsedAt === null || now - row.lastUsedAt >= LAST_USED_RESOLUTION_MS) {
    await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.tokenId));
  }
  return { id: row.id, orgId: row.orgId, name: row.name, email: row.email, role: row.role, tokenId: row.tokenId };
}

/** The token in an `Authorization: Bearer <token>` header, or null. */
export function bearerToken(header: string | null | undefined): string | null {
  if (!header) return null;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return m ? m[1]! : null;
}
