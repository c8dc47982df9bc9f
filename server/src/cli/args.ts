import { parseArgs } from 'node:util';
import { eq } from 'drizzle-orm';
import { roleSchema, type Role } from '@comms-log/shared';
import type { Db } from '../db/client';
import { orgs } from '../db/schema';

/** A mistake in how the command was called: printed with a hint, exit code 2. */
export class UsageError extends Error {}

/** A command: its arguments after the command name, run on the opened and migrated database. */
export type Command = (db: Db, args: string[]) => Promise<void>;

export type Flags = Record<string, string | undefined>;

/** Parse `args`: `allowed` options take a value; `switches` take none and read as "yes" when given. */
export function flags(args: string[], allowed: string[], switches: string[] = []): Flags {
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

export function required(f: Flags, name: string): string {
  const v = f[name]?.trim();
  if (!v) throw new UsageError(`--${name} is required`);
  return v;
}

export async function findOrg(db: Db, ref: string) {
  const byId = await db.select().from(orgs).where(eq(orgs.id, ref));
  if (byId[0]) return byId[0];
  const byName = await db.select().from(orgs).where(eq(orgs.name, ref));
  if (byName.length > 1) throw new UsageError(`several orgs are named "${ref}": use the org id`);
  if (!byName[0]) throw new UsageError(`no org with id or name "${ref}"`);
  return byName[0];
}

export function parseRole(value: string): Role {
  const r = roleSchema.safeParse(value);
  if (!r.success) throw new UsageError(`--role must be staff, manager or admin (got "${value}")`);
  return r.data;
}
