import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, migrateDb, type DbHandle } from '../db/client';
import { createTestOrg, interactionData, pushAccepted } from '../testing/test-org';

const run = promisify(execFile);
const serverDir = fileURLToPath(new URL('../..', import.meta.url));
const tsx = join(serverDir, 'node_modules', '.bin', 'tsx');

let dir: string;

async function cli(databaseFile: string, ...args: string[]) {
  try {
    const { stdout, stderr } = await run(tsx, ['src/cli.ts', ...args], {
      cwd: serverDir,
      env: { ...process.env, DATABASE_URL: `file:${databaseFile}`, INIT_CWD: dir },
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

/** Every user table's rows, sorted, by table name. */
async function tableContents(handle: DbHandle): Promise<Record<string, string[]>> {
  const tables = await handle.client.execute(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%' ORDER BY name",
  );
  const out: Record<string, string[]> = {};
  for (const { name } of tables.rows) {
    const rs = await handle.client.execute(`SELECT * FROM "${String(name)}"`);
    out[String(name)] = rs.rows.map((r) => JSON.stringify(rs.columns.map((_, i) => r[i]))).sort();
  }
  return out;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cl-backup-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const BATCH = 50;

describe('backup and restore', () => {
  it('a backup taken while pushes run restores into a fresh file equal table by table', async () => {
    const live = await createDb(`file:${join(dir, 'live.db')}`);
    await migrateDb(live.db);
    const org = await createTestOrg(live);
    let pushing = true;
    let pushes = 0;
    const pusher = (async () => {
      while (pushing) {
        const thread = `gmail:${ulid()}`;
        await pushAccepted(
          org.staff,
          Array.from({ length: BATCH }, (_, i) =>
            interactionData({ threadKey: thread, direction: i % 2 ? 'outbound' : 'inbound', externalId: ulid() }),
          ),
        );
        pushes++;
        // An embedded libSQL call settles without a turn of the event loop: let the CLI's exit be heard.
        await new Promise((r) => setImmediate(r));
      }
    })();
    // The backup runs in its own process, as an admin would run it beside the server.
    while (pushes < 2) await new Promise((r) => setTimeout(r, 20));
    const backup = await cli(join(dir, 'live.db'), 'backup', '--out', 'snap.db');
    const pushesDuringBackup = pushes;
    pushing = false;
    await pusher;
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stdout).toMatch(/integrity ok/);

    const snap = await createDb(`file:${join(dir, 'snap.db')}`);
    const snapTables = await tableContents(snap);
    // Consistent: whole pushes only, and the change sequence agrees with the rows it numbered.
    const inSnap = snapTables.interactions!.length;
    expect(inSnap % BATCH).toBe(0);
    expect(inSnap).toBeGreaterThanOrEqual(2 * BATCH);
    expect(inSnap).toBeLessThanOrEqual(pushesDuringBackup * BATCH + BATCH);
    const seq = await snap.client.execute(
      `SELECT (SELECT seq FROM org_seq WHERE org_id = '${org.org.id}') AS top, (SELECT max(seq) FROM interactions) AS maxSeq`,
    );
    expect(seq.rows[0]!.top).toBe(seq.rows[0]!.maxSeq);

    const restore = await cli(join(dir, 'fresh.db'), 'restore', '--from', 'snap.db');
    expect(restore.code, restore.stderr).toBe(0);
    const fresh = await createDb(`file:${join(dir, 'fresh.db')}`);
    const freshTables = await tableContents(fresh);
    expect(Object.keys(freshTables)).toEqual(Object.keys(snapTables));
    for (const table of Object.keys(snapTables)) expect(freshTables[table], table).toEqual(snapTables[table]);
    for (const h of [live, snap, fresh]) h.close();
  }, 240_000);

  it('refuses to overwrite a database that holds data without --force, and a damaged file always', async () => {
    const target = join(dir, 'target.db');
    const seeded = await createDb(`file:${target}`);
    await migrateDb(seeded.db);
    await createTestOrg(seeded, { name: 'Kept' });
    seeded.close();
    await cli(target, 'backup', '--out', 'kept.db');

    const refused = await cli(target, 'restore', '--from', 'kept.db');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/not empty.*--force/);

    writeFileSync(join(dir, 'garbage.db'), 'SQLite format 3\0'.padEnd(8192, 'x'));
    const damaged = await cli(target, 'restore', '--from', 'garbage.db', '--force');
    expect(damaged.code).not.toBe(0);
    expect(damaged.stderr).toMatch(/damaged|not a comms-log backup|malformed|not a database/);

    const forced = await cli(target, 'restore', '--from', 'kept.db', '--force');
    expect(forced.code, forced.stderr).toBe(0);
    expect(forced.stdout).toMatch(/Restored .*orgs 1/);
  }, 240_000);
});
