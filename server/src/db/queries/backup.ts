import { readFileSync } from 'node:fs';
import { createClient, type Client } from '@libsql/client';
import { createDb, migrateDb } from '../client';

/*
 * Online backup and checked restore of an embedded libSQL file (README "Reliability and security"). `VACUUM INTO`
 * writes a transactionally consistent copy from one read transaction: pushes before it are wholly in the copy,
 * pushes after it wholly absent, and it never blocks readers. A remote libSQL server (sqld, Turso) keeps its own
 * backups; these commands refuse it.
 */

/** SQLite's string literal of `value`. */
const literal = (value: string) => `'${value.replaceAll("'", "''")}'`;

/** The tables a restore copies: every user table but SQLite's and the migration log (the target has its own). */
const userTablesSql = (schema: string) =>
  `SELECT name FROM ${schema}.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '\\_\\_drizzle%' ESCAPE '\\' AND name NOT LIKE 'libsql_%' ORDER BY name`;

/** Write a consistent snapshot of the open database to `path` (which must not exist). */
export async function vacuumInto(client: Client, path: string): Promise<void> {
  await client.execute(`VACUUM INTO ${literal(path)}`);
}

/** Rows per user table, by name. */
export async function rowCounts(client: Client, schema = 'main'): Promise<Record<string, number>> {
  const tables = await client.execute(userTablesSql(schema));
  const counts: Record<string, number> = {};
  for (const row of tables.rows) {
    const name = String(row.name);
    const rs = await client.execute(`SELECT count(*) AS n FROM ${schema}."${name}"`);
    counts[name] = Number(rs.rows[0]?.n ?? 0);
  }
  return counts;
}

/** How many migrations this server has committed (src/db/migrations). */
export function knownMigrations(): number {
  const journal = JSON.parse(readFileSync(new URL('../migrations/meta/_journal.json', import.meta.url), 'utf8'));
  return (journal as { entries: unknown[] }).entries.length;
}

/** Whether the open database holds any org (a restore would overwrite it). */
export async function holdsData(client: Client): Promise<boolean> {
  const rs = await client.execute('SELECT EXISTS (SELECT 1 FROM orgs) AS x');
  return Number(rs.rows[0]?.x) === 1;
}

export interface BackupCheck {
  /** `PRAGMA integrity_check`'s answer: `ok` or the problems it found. */
  integrity: string[];
  /** How many committed migrations the file had applied, and how many this server has. */
  migrationsApplied: number;
  migrationsKnown: number;
}

/** Check a backup file without changing it: SQLite's integrity check and how far its migrations went. */
export async function checkBackupFile(path: string, migrationsKnown = knownMigrations()): Promise<BackupCheck> {
  const client = createClient({ url: `file:${path}`, intMode: 'number' });
  try {
    const integrity = (await client.execute('PRAGMA integrity_check')).rows.map((r) => String(r[0]));
    const log = await client.execute(
      "SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'",
    );
    const applied = Number(log.rows[0]?.n ?? 0)
      ? Number((await client.execute('SELECT count(*) AS n FROM __drizzle_migrations')).rows[0]?.n ?? 0)
      : 0;
    return { integrity, migrationsApplied: applied, migrationsKnown };
  } finally {
    client.close();
  }
}

/** Bring a (copied) backup file up to this server's migrations, as the server does at boot. */
export async function migrateFile(path: string): Promise<void> {
  const handle = await createDb(`file:${path}`);
  try {
    await migrateDb(handle.db);
  } finally {
    handle.close();
  }
}

/** Tables that triggers keep as other tables change (docs/metrics.md "Roll-ups"): copied after every other. */
const KEPT_BY_TRIGGERS = ['interaction_day_counts', 'thread_firsts', 'last_contacts'];

const copyOrder = (names: string[]) => [
  ...names.filter((n) => !KEPT_BY_TRIGGERS.includes(n)),
  ...names.filter((n) => KEPT_BY_TRIGGERS.includes(n)),
];

/**
 * Replace every user table's rows in the open database by those of the file at `path`, in one transaction:
 * foreign keys are checked at commit, so a failure leaves the database as it was.
 */
export async function copyAllTablesFrom(client: Client, path: string): Promise<Record<string, number>> {
  await client.execute(`ATTACH DATABASE ${literal(path)} AS backup`);
  try {
    const names = (await client.execute(userTablesSql('backup'))).rows.map((r) => String(r.name));
    const tx = await client.transaction('write');
    try {
      await tx.execute('PRAGMA defer_foreign_keys = ON');
      for (const name of names) await tx.execute(`DELETE FROM main."${name}"`);
      for (const name of copyOrder(names)) {
        // The triggers on `interactions` counted the rows just copied: the backup's own counts replace theirs.
        if (KEPT_BY_TRIGGERS.includes(name)) await tx.execute(`DELETE FROM main."${name}"`);
        const cols = (await tx.execute(`SELECT name FROM pragma_table_info(${literal(name)})`)).rows
          .map((r) => `"${String(r.name)}"`)
          .join(', ');
        await tx.execute(`INSERT INTO main."${name}" (${cols}) SELECT ${cols} FROM backup."${name}"`);
      }
      await tx.commit();
    } finally {
      tx.close();
    }
    return await rowCounts(client, 'backup');
  } finally {
    await client.execute('DETACH DATABASE backup');
  }
}
