import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticate } from './auth/tokens';
import { createDb, type DbHandle } from './db/client';

const run = promisify(execFile);
const serverDir = fileURLToPath(new URL('..', import.meta.url));
const tsx = join(serverDir, 'node_modules', '.bin', 'tsx');

let dir: string;
let databaseUrl: string;

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(tsx, ['src/cli.ts', ...args], {
      cwd: serverDir,
      env: { ...process.env, DATABASE_URL: databaseUrl, INIT_CWD: dir },
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

const tokenIn = (text: string) => /\b(cl_[A-Za-z0-9_-]{43})\b/.exec(text)?.[1] ?? null;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cl-cli-'));
  databaseUrl = `file:${join(dir, 'db', 'cli.db')}`;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('CLI', () => {
  it('prints help, and refuses unknown commands and bad arguments with a non-zero exit', async () => {
    const help = await cli('help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/org:create/);
    expect((await cli('frobnicate')).code).toBe(2);
    const missing = await cli('org:create', '--name', 'X');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--tz is required/);
    const badTz = await cli('org:create', '--name', 'X', '--tz', 'Mars/Olympus');
    expect(badTz.code).toBe(2);
    expect(badTz.stderr).toMatch(/IANA/);
    expect((await cli('org:create', '--name', 'X', '--tz', 'UTC', '--bogus', '1')).code).toBe(2);
  }, 60_000);

  it('creates an org, users and tokens; lists and revokes tokens; imports stakeholders', async () => {
    const org = await cli('org:create', '--name', 'Cli Org', '--tz', 'Asia/Shanghai', '--admin-email', 'boss@cli.test', '--admin-name', 'Boss');
    expect(org.code).toBe(0);
    const adminToken = tokenIn(org.stdout);
    expect(adminToken).not.toBeNull();

    const user = await cli('user:create', '--org', 'Cli Org', '--email', 'staff@cli.test', '--name', 'Staffer', '--role', 'staff');
    expect(user.code).toBe(0);
    expect((await cli('user:create', '--org', 'Cli Org', '--email', 'staff@cli.test', '--name', 'Again', '--role', 'staff')).code).toBe(1);
    expect((await cli('user:create', '--org', 'Nope', '--email', 'a@b.c', '--name', 'A', '--role', 'staff')).code).toBe(2);
    expect((await cli('user:create', '--org', 'Cli Org', '--email', 'a@b.c', '--name', 'A', '--role', 'boss')).code).toBe(2);

    const issued = await cli('token:create', '--user', 'staff@cli.test', '--name', 'laptop');
    expect(issued.code).toBe(0);
    const staffToken = tokenIn(issued.stdout)!;
    const tokenId = /Token (\S+) for/.exec(issued.stdout)![1]!;

    const handle: DbHandle = await createDb(databaseUrl);
    try {
      expect((await authenticate(handle.db, staffToken))?.email).toBe('staff@cli.test');
      expect((await authenticate(handle.db, adminToken!))?.role).toBe('admin');
      const list = await cli('token:list', '--org', 'Cli Org');
      expect(list.stdout).toContain(tokenId);
      expect(list.stdout).not.toContain(staffToken);
      expect((await cli('token:revoke', '--id', tokenId)).code).toBe(0);
      expect(await authenticate(handle.db, staffToken)).toBeNull();
      expect((await cli('token:revoke', '--id', 'missing')).code).toBe(2);

      writeFileSync(join(dir, 'people.csv'), 'name,type,emails,owner_email\nAcme,customer,a@acme.cn,staff@cli.test\nBroken,martian,,\n');
      const imported = await cli('import:stakeholders', '--org', 'Cli Org', '--file', 'people.csv');
      expect(imported.stdout).toMatch(/row 2: created/);
      expect(imported.stdout).toMatch(/row 3: error — .*type/);
      expect(imported.code).toBe(1);
    } finally {
      handle.close();
    }
  }, 60_000);

  it('seeds a demo org and prints working tokens', async () => {
    // A fixed --now: which channels 400 interactions reach depends on where six months of working hours fall.
    const res = await cli('seed-demo', '--org-name', 'Demo Test', '--seed', '3', '--interactions', '400', '--now', '2026-03-17T09:00:00+08:00');
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/400 interactions/);
    const tokens = res.stdout.match(/cl_[A-Za-z0-9_-]{43}/g) ?? [];
    expect(tokens).toHaveLength(8);
    const handle = await createDb(databaseUrl);
    try {
      const manager = await authenticate(handle.db, tokens[1]!);
      expect(manager?.role).toBe('manager');
      const rows = await handle.client.execute({
        sql: 'SELECT count(*) AS n, sum(wait_start) AS waits, count(DISTINCT channel) AS channels FROM interactions WHERE org_id = ?',
        args: [manager!.orgId],
      });
      const r = rows.rows[0]!;
      expect(r.n).toBe(400);
      expect(Number(r.waits)).toBeGreaterThan(50);
      expect(r.channels).toBe(7);
    } finally {
      handle.close();
    }
  }, 120_000);
});
