import { and, asc, eq } from 'drizzle-orm';
import { issueToken } from '../auth/tokens';
import type { DbOrTx } from '../db/client';
import { apiTokens, orgs, users } from '../db/schema';
import { toIso } from '../iso';
import { cliCtx, record } from '../services/audit/record';
import { findOrg, flags, required, UsageError, type Command } from './args';

const DAY_MS = 86_400_000;

/** `--expires-in-days`: when the token is refused from, or null (never). */
function expiryOf(value: string | undefined, now: number): number | null {
  if (value === undefined) return null;
  const days = Number(value);
  if (!Number.isInteger(days) || days < 1 || days > 3650)
    throw new UsageError(`--expires-in-days must be a whole number from 1 to 3650 (got "${value}")`);
  return now + days * DAY_MS;
}

const expiryText = (expiresAt: number | null) => (expiresAt === null ? 'never expires' : `expires ${toIso(expiresAt)}`);

/** Revoke `id` now and record it. */
async function revoke(db: DbOrTx, token: { id: string; orgId: string; userId: string }, now: number) {
  await db.update(apiTokens).set({ revokedAt: now }).where(eq(apiTokens.id, token.id));
  await record(cliCtx(db, token.orgId), { action: 'token.revoke', target: token.id, detail: { userId: token.userId } });
}

/** `token:create`, `token:revoke`, `token:list`. */
export const tokenCommands: Record<string, Command> = {
  async 'token:create'(db, args) {
    const f = flags(args, ['user', 'org', 'name', 'expires-in-days']);
    const now = Date.now();
    const expiresAt = expiryOf(f['expires-in-days'], now);
    const email = required(f, 'user').toLowerCase();
    const org = f.org ? await findOrg(db, f.org) : null;
    const found = await db
      .select({ id: users.id, orgId: users.orgId, active: users.active, orgName: orgs.name })
      .from(users)
      .innerJoin(orgs, eq(orgs.id, users.orgId))
      .where(and(eq(users.email, email), org ? eq(users.orgId, org.id) : undefined));
    if (found.length === 0) throw new UsageError(`no user ${email}${org ? ` in "${org.name}"` : ''}`);
    if (found.length > 1)
      throw new UsageError(`${email} exists in several orgs (${found.map((u) => u.orgName).join(', ')}): add --org`);
    const user = found[0]!;
    if (!user.active) throw new UsageError(`${email} is deactivated`);
    const issued = await issueToken(db, { orgId: user.orgId, userId: user.id, name: f.name ?? 'cli', expiresAt }, now);
    await record(cliCtx(db, user.orgId), {
      action: 'token.create',
      target: issued.id,
      detail: { userId: user.id, name: issued.name, expiresAt: expiresAt === null ? null : toIso(expiresAt) },
    });
    console.log(
      `Token ${issued.id} for ${email} in "${user.orgName}" (${expiryText(expiresAt)}), shown only once:\n\n  ${issued.token}\n`,
    );
  },

  async 'token:revoke'(db, args) {
    const f = flags(args, ['id']);
    const id = required(f, 'id');
    const [token] = await db.select().from(apiTokens).where(eq(apiTokens.id, id));
    if (!token) throw new UsageError(`no token with id ${id} (see pnpm cli token:list)`);
    if (token.revokedAt !== null) {
      console.log(`Token ${id} was already revoked at ${toIso(token.revokedAt)}.`);
      return;
    }
    await revoke(db, token, Date.now());
    console.log(`Revoked token ${id}: it is refused from now on.`);
  },

  async 'token:rotate'(db, args) {
    const f = flags(args, ['id', 'expires-in-days']);
    const id = required(f, 'id');
    const now = Date.now();
    const [old] = await db.select().from(apiTokens).where(eq(apiTokens.id, id));
    if (!old) throw new UsageError(`no token with id ${id} (see pnpm cli token:list)`);
    if (old.revokedAt !== null)
      throw new UsageError(`token ${id} was revoked at ${toIso(old.revokedAt)}: issue a new one`);
    const [owner] = await db
      .select({ email: users.email, active: users.active })
      .from(users)
      .where(eq(users.id, old.userId));
    if (!owner?.active) throw new UsageError(`the owner of token ${id} is deactivated`);
    // The new token keeps the old one's name and, unless told otherwise, as long a life as the old one was given.
    const expiresAt =
      f['expires-in-days'] !== undefined
        ? expiryOf(f['expires-in-days'], now)
        : old.expiresAt === null
          ? null
          : now + Math.max(DAY_MS, old.expiresAt - old.createdAt);
    const issued = await db.transaction(async (tx) => {
      const next = await issueToken(tx, { orgId: old.orgId, userId: old.userId, name: old.name, expiresAt }, now);
      await revoke(tx, old, now);
      await record(cliCtx(tx, old.orgId), {
        action: 'token.rotate',
        target: next.id,
        detail: { replaced: old.id, userId: old.userId },
      });
      return next;
    });
    console.log(
      `Token ${id} is revoked; its replacement ${issued.id} for ${owner.email} (${expiryText(expiresAt)}), shown only once:\n\n  ${issued.token}\n`,
    );
  },

  async 'token:list'(db, args) {
    const f = flags(args, ['org']);
    const org = f.org ? await findOrg(db, f.org) : null;
    const rows = await db
      .select({
        id: apiTokens.id,
        name: apiTokens.name,
        hint: apiTokens.hint,
        email: users.email,
        org: orgs.name,
        createdAt: apiTokens.createdAt,
        lastUsedAt: apiTokens.lastUsedAt,
        revokedAt: apiTokens.revokedAt,
        expiresAt: apiTokens.expiresAt,
      })
      .from(apiTokens)
      .innerJoin(users, eq(users.id, apiTokens.userId))
      .innerJoin(orgs, eq(orgs.id, apiTokens.orgId))
      .where(org ? eq(apiTokens.orgId, org.id) : undefined)
      .orderBy(asc(orgs.name), asc(users.email), asc(apiTokens.createdAt));
    if (rows.length === 0) {
      console.log('No tokens.');
      return;
    }
    for (const r of rows) {
      const state =
        r.revokedAt !== null
          ? `revoked ${toIso(r.revokedAt)}`
          : r.expiresAt !== null && r.expiresAt <= Date.now()
            ? `expired ${toIso(r.expiresAt)}`
            : r.lastUsedAt !== null
              ? `last used ${toIso(r.lastUsedAt)}`
              : 'never used';
      console.log(`${r.id}  ${r.hint}…  ${r.org} / ${r.email}  "${r.name}"  created ${toIso(r.createdAt)}  ${state}`);
    }
  },
};
