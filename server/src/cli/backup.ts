import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Client } from '@libsql/client';
import type { Db } from '../db/client';
import { checkBackupFile, copyAllTablesFrom, holdsData, migrateFile, vacuumInto } from '../db/queries/backup';
import { flags, required, UsageError, type Command } from './args';

/* `backup` and `restore` (README "Reliability and security"). */

/** The libSQL client under the CLI's database (drizzle keeps it as `$client`). */
const clientOf = (db: Db) => (db as Db & { $client: Client }).$client;

/** A path as the person typed it: relative to the directory the command was typed in. */
const typedPath = (path: string) => resolve(process.env.INIT_CWD ?? process.cwd(), path);

function requireFileDatabase(): void {
  const url = process.env.DATABASE_URL ?? 'file:';
  if (!url.startsWith('file:') || url.startsWith('file::memory:'))
    throw new UsageError('backup and restore work on an embedded database file (DATABASE_URL=file:…) only');
}

const describeCounts = (counts: Record<string, number>) =>
  Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([t, n]) => `${t} ${n}`)
    .join(', ');

export const backupCommands: Record<string, Command> = {
  async backup(db, args) {
    requireFileDatabase();
    const out = typedPath(required(flags(args, ['out']), 'out'));
    if (existsSync(out)) throw new UsageError(`${out} exists: choose a new file name`);
    const started = Date.now();
    await vacuumInto(clientOf(db), out);
    const check = await checkBackupFile(out);
    if (check.integrity.join() !== 'ok') throw new Error(`the backup failed its check: ${check.integrity.join('; ')}`);
    console.log(`Backup written to ${out} in ${Date.now() - started} ms and checked (integrity ok).`);
  },

  async restore(db, args) {
    requireFileDatabase();
    const f = flags(args, ['from'], ['force']);
    const from = typedPath(required(f, 'from'));
    if (!existsSync(from)) throw new UsageError(`no file ${from}`);
    const client = clientOf(db);
    if ((await holdsData(client)) && !f.force)
      throw new UsageError(
        'this database is not empty: restoring would replace everything in it. Add --force to do so',
      );
    const check = await checkBackupFile(from);
    if (check.integrity.join() !== 'ok')
      throw new UsageError(
        `${from} is damaged (integrity check: ${check.integrity.slice(0, 5).join('; ')}); nothing was changed`,
      );
    if (check.migrationsApplied === 0) throw new UsageError(`${from} is not a comms-log backup; nothing was changed`);
    if (check.migrationsApplied > check.migrationsKnown)
      throw new UsageError(
        `${from} comes from a newer server (${check.migrationsApplied} migrations, this one has ${check.migrationsKnown}): upgrade first`,
      );
    // Work on a copy: the backup itself is never changed, and an older one is migrated as the server would at boot.
    const dir = mkdtempSync(join(tmpdir(), 'comms-log-restore-'));
    try {
      const copy = join(dir, 'backup.db');
      copyFileSync(from, copy);
      await migrateFile(copy);
      const counts = await copyAllTablesFrom(client, copy);
      console.log(`Restored ${from}: ${describeCounts(counts) || 'no rows'}.`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
