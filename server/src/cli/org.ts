import { captureLevelSchema, nameSchema, timeZoneSchema } from '@comms-log/shared';
import { issueToken } from '../auth/tokens';
import { cliCtx, record } from '../services/audit/record';
import { recomputeOrg } from '../services/derive';
import { createOrg, updateOrg } from '../services/org/orgs';
import { createUser } from '../services/org/users';
import { currentPlan } from '../services/plans';
import { findOrg, flags, parseRole, required, UsageError, type Command } from './args';
import { recomputeInChunks } from './recompute';

/** `org:create`, `org:update`, `user:create`. */
export const orgCommands: Record<string, Command> = {
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
    await record(cliCtx(db, org.id), {
      action: 'org.update',
      target: org.id,
      detail: { name, timeZone: f.tz, captureLevel: level },
    });
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
      const { changed: rows, total } = await recomputeInChunks(db, org.id);
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
    await record(cliCtx(db, org.id), {
      action: 'user.create',
      target: user.id,
      detail: { email: user.email, role: user.role },
    });
    console.log(
      `Created ${user.role} ${user.name} <${user.email}> (${user.id}) in "${org.name}". Issue a token with: pnpm cli token:create --user ${user.email}`,
    );
  },
};
