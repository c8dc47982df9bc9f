import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { TRPCError } from '@trpc/server';
import { and, asc, eq } from 'drizzle-orm';
import { captureLevelSchema, nameSchema, roleSchema, timeZoneSchema, type Role } from '@comms-log/shared';
import { createDb, migrateDb, type Db } from './db/client';
import { apiTokens, orgs, users } from './db/schema';
import { EnvError, loadEnv } from './env';
import { issueToken } from './auth/tokens';
import { toIso } from './iso';
import { createOrg, createUser, DuplicateUserError, updateOrg } from './services/orgs';
import { recomputeOrg } from './services/derive';
import { currentPlan } from './services/plans';
import { importStakeholdersCsv } from './services/stakeholder-import';
import { seedDemo } from './services/demo-seed';

/** A mistake in how the command was called: printed with a hint, exit code 2. */
class UsageError extends Error {}

const help = `comms-log admin CLI — uses the same DATABASE_URL as the server (default: server/data/comms-log.db)

Usage: pnpm cli <command> [options]

  org:create --name <name> --tz <IANA zone> [--admin-email <email> --admin-name <name>]
      Create an org (with the default plan); with --admin-email also its admin and an admin token.
  org:update --org <org id or name> [--name <name>] [--tz <IANA zone>] [--capture-level metadata|subject|snippet] [--recompute]
      Rename an org, move it to another time zone (a new plan version with the working calendar in that zone) or
      change what it keeps of messages. Stored response times keep the old calendar until recomputed: --recompute
      does it now (or a manager does it from the plan editor).
  user:create --org <org id or name> --email <email> --name <name> --role staff|manager|admin
  token:create --user <email> [--org <org id or name>] [--name <label>]
      Issue an API token. It is printed once and stored only as a hash.
  token:revoke --id <token id>
  token:list [--org <org id or name>]
  import:stakeholders --org <org id or name> --file <stakeholders.csv>
      Columns: name,type,tier,organization,owner_email,emails,domains,weibo,jira,trello,phones
      (multiple values separated by ";"). Prints a line per row.
  seed-demo [--org-name <name>] [--seed <number>] [--interactions <n>] [--now <ISO date-time>]
      Create a demo org: 8 users, ~60 stakeholders, ~5,000 interactions over 6 months. Prints the users' tokens.
      The same --seed and --now give the same history (without --now it ends at the current time).
  help
`;

type Flags = Record<string, string | undefined>;

/** Parse `args`: `allowed` options take a value; `switches` take none and read as "yes" when given. */
function flags(args: string[], allowed: string[], switches: string[] = []): Flags {
  try {
    const { values, positionals } = parseArgs({
      args,
      options: Object.fromEntries([
        ...allowed.map((name) => [name, { type: 'string' as const }]),
        ...switches.map((name) => [name, { type: 'boolean' as const }]),
      ]),
      strict: true,
      allowPositionals: true,
    });
    if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    return Object.fromEntries(
      Object.entries(values).map(([k, v]) => [k, v === true ? 'yes' : v === false ? undefined : v]),
    ) as Flags;
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError((e as Error).message.replace(/^Unknown option/, 'unknown option'));
  }
}

function required(f: Flags, name: string): string {
  const v = f[name]?.trim();
  if (!v) throw new UsageError(`--${name} is required`);
  return v;
}

async function findOrg(db: Db, ref: string) {
  const byId = await db.select().from(orgs).where(eq(orgs.id, ref));
  if (byId[0]) return byId[0];
  const byName = await db.select().from(orgs).where(eq(orgs.name, ref));
  if (byName.length > 1) throw new UsageError(`several orgs are named "${ref}": use the org id`);
  if (!byName[0]) throw new UsageError(`no org with id or name "${ref}"`);
  return byName[0];
}

function parseRole(value: string): Role {
  const r = roleSchema.safeParse(value);
  if (!r.success) throw new UsageError(`--role must be staff, manager or admin (got "${value}")`);
  return r.data;
}

const commands: Record<string, (db: Db, args: string[]) => Promise<void>> = {
  async 'org:create'(db, args) {
    const f = flags(args, ['name', 'tz', 'admin-email', 'admin-name']);
    const name = required(f, 'name');
    const tz = required(f, 'tz');
    if (!timeZoneSchema.safeParse(tz).success)
      throw new UsageError(`--tz must be an IANA time zone such as Asia/Shanghai (got "${tz}")`);
    if (f['admin-name'] && !f['admin-email']) throw new UsageError('--admin-name needs --admin-email');
    const result = await db.transaction(async (tx) => {
      const org = await createOrg(tx, { name, timeZone: tz });
      if (!f['admin-email']) return { org, admin: null, token: null };
      const admin = await createUser(tx, {
        orgId: org.id,
        name: f['admin-name'] ?? 'Admin',
        email: f['admin-email'],
        role: 'admin',
      });
      const token = await issueToken(tx, { orgId: org.id, userId: admin.id, name: 'cli' });
      return { org, admin, token };
    });
    console.log(`Created org "${result.org.name}" (${result.org.id}), time zone ${tz}, default plan.`);
    if (result.admin && result.token) {
      console.log(
        `Admin ${result.admin.email} (${result.admin.id}). API token, shown only once:\n\n  ${result.token.token}\n`,
      );
    }
  },

  async 'org:update'(db, args) {
    const f = flags(args, ['org', 'name', 'tz', 'capture-level'], ['recompute']);
    const org = await findOrg(db, required(f, 'org'));
    const name = f.name?.trim();
    if (name !== undefined && !nameSchema.safeParse(name).success)
      throw new UsageError(`--name must be 1 to 200 characters (got "${f.name}")`);
    if (f.tz !== undefined && !timeZoneSchema.safeParse(f.tz).success)
      throw new UsageError(`--tz must be an IANA time zone such as Asia/Shanghai (got "${f.tz}")`);
    const level = f['capture-level'];
    if (level !== undefined && !captureLevelSchema.safeParse(level).success)
      throw new UsageError(`--capture-level must be metadata, subject or snippet (got "${level}")`);
    if (name === undefined && f.tz === undefined && level === undefined && f.recompute === undefined)
      throw new UsageError('nothing to change: give --name, --tz, --capture-level or --recompute');
    const changed = await db.transaction((tx) =>
      updateOrg(tx, org.id, { name, timeZone: f.tz, captureLevel: captureLevelSchema.optional().parse(level) }, null),
    );
    if (!changed) throw new UsageError(`org "${org.name}" no longer exists`);
    const said: string[] = [];
    if (changed.name) said.push(`renamed to "${name}"`);
    if (changed.timeZone) said.push(`time zone ${f.tz} (new plan version; working calendar in ${f.tz})`);
    if (changed.captureLevel) said.push(`capture level ${level}`);
    console.log(
      said.length
        ? `Updated org "${org.name}" (${org.id}): ${said.join('; ')}.`
        : `Org "${org.name}" (${org.id}) already had these settings.`,
    );
    if (f.recompute !== undefined) {
      const { plan } = await currentPlan(db, org.id);
      const { changed: rows, total } = await db.transaction((tx) => recomputeOrg(tx, org.id, plan, { dryRun: false }));
      console.log(`Recomputed response times under the current plan: ${rows} of ${total} interactions changed.`);
    } else if (changed.timeZone) {
      const { plan } = await currentPlan(db, org.id);
      const { changed: rows } = await recomputeOrg(db, org.id, plan, { dryRun: true });
      console.log(
        rows === 0
          ? 'Stored response times already agree with the new calendar.'
          : `${rows} stored interactions still have response times on the old calendar: recompute them with --recompute (or from the plan editor).`,
      );
    }
  },

  async 'user:create'(db, args) {
    const f = flags(args, ['org', 'email', 'name', 'role']);
    const org = await findOrg(db, required(f, 'org'));
    const email = required(f, 'email');
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
      throw new UsageError(`--email must be an email address (got "${email}")`);
    const user = await createUser(db, {
      orgId: org.id,
      name: required(f, 'name'),
      email,
      role: parseRole(required(f, 'role')),
    });
    console.log(
      `Created ${user.role} ${user.name} <${user.email}> (${user.id}) in "${org.name}". Issue a token with: pnpm cli token:create --user ${user.email}`,
    );
  },

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

  async 'import:stakeholders'(db, args) {
    const f = flags(args, ['org', 'file']);
    const org = await findOrg(db, required(f, 'org'));
    const path = resolve(process.env.INIT_CWD ?? process.cwd(), required(f, 'file'));
    let csv: string;
    try {
      csv = readFileSync(path, 'utf8');
    } catch {
      throw new UsageError(`cannot read ${path}`);
    }
    if (Buffer.byteLength(csv) > 1024 * 1024) throw new UsageError('the CSV can be at most 1 MiB; split it');
    const report = await importStakeholdersCsv(db, org.id, csv);
    for (const r of report.rows)
      console.log(
        `row ${r.row}: ${r.status}${r.status === 'error' ? ` — ${r.message}` : ''}${r.stakeholderId ? ` (${r.stakeholderId})` : ''}`,
      );
    console.log(`\n${report.created} created, ${report.updated} updated, ${report.errors} with errors.`);
    if (report.errors > 0) process.exitCode = 1;
  },

  async 'seed-demo'(db, args) {
    const f = flags(args, ['org-name', 'seed', 'interactions', 'now']);
    const now = f.now === undefined ? undefined : Date.parse(f.now);
    if (now !== undefined && !Number.isFinite(now))
      throw new UsageError(`--now must be an ISO 8601 date-time such as 2026-03-17T09:00:00+08:00 (got "${f.now}")`);
    const seed = f.seed === undefined ? 42 : Number(f.seed);
    if (!Number.isInteger(seed)) throw new UsageError(`--seed must be an integer (got "${f.seed}")`);
    const interactions = f.interactions === undefined ? 5000 : Number(f.interactions);
    if (!Number.isInteger(interactions) || interactions < 1 || interactions > 200_000)
      throw new UsageError('--interactions must be an integer from 1 to 200000');
    const started = Date.now();
    const result = await seedDemo(db, { orgName: f['org-name'], seed, interactions, now });
    const c = result.counts;
    console.log(
      `Created demo org "${result.orgName}" (${result.orgId}) in ${((Date.now() - started) / 1000).toFixed(1)} s:`,
    );
    console.log(
      `  ${c.stakeholders} stakeholders, ${c.interactions} interactions, ${c.followups} follow-ups, ${c.closures} "no reply needed" closures.\n`,
    );
    console.log('API tokens (shown only once):');
    for (const u of result.users) console.log(`  ${u.role.padEnd(7)} ${u.email.padEnd(28)} ${u.token}`);
  },
};

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    console.log(help);
    return 0;
  }
  const run = commands[command];
  if (!run) {
    console.error(`Unknown command "${command}".\n\n${help}`);
    return 2;
  }
  const env = loadEnv();
  const { db, close } = await createDb(env.DATABASE_URL, env.DATABASE_AUTH_TOKEN);
  try {
    await migrateDb(db);
    await run(db, args);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } finally {
    close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    if (e instanceof UsageError) {
      console.error(`Error: ${e.message}. See: pnpm cli help`);
      process.exit(2);
    }
    if (e instanceof EnvError || e instanceof DuplicateUserError || e instanceof TRPCError) {
      console.error(`Error: ${e.message}`);
      process.exit(1);
    }
    console.error('Error:', e instanceof Error ? e.message : e);
    process.exit(1);
  },
);
