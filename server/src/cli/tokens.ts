import { and, asc, eq } from 'drizzle-orm';
import { issueToken } from '../auth/tokens';
import { apiTokens, orgs, users } from '../db/schema';
import { toIso } from '../iso';
import { findOrg, flags, required, UsageError, type Command } from './args';

/** `token:create`, `token:revoke`, `token:list`. */
export const tokenCommands: Record<string, Command> = {
  async 'token:create'(db, args) {
    const f = flags(args, ['user', 'org', 'name']);
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
    const issued = await issueToken(db, { orgId: user.orgId, userId: user.id, name: f.name ?? 'cli' });
    console.log(`Token ${issued.id} for ${email} in "${user.orgName}", shown only once:\n\n  ${issued.token}\n`);
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
    await db.update(apiTokens).set({ revokedAt: Date.now() }).where(eq(apiTokens.id, id));
    console.log(`Revoked token ${id}: it is refused from now on.`);
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
          : r.lastUsedAt !== null
            ? `last used ${toIso(r.lastUsedAt)}`
            : 'never used';
      console.log(`${r.id}  ${r.hint}…  ${r.org} / ${r.email}  "${r.name}"  created ${toIso(r.createdAt)}  ${state}`);
    }
  },
};
