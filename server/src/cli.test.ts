import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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
/** GB18030 bytes of three Chinese stakeholders (shared/src/domain/fixtures/SOURCES.md). */
const gb18030Csv = fileURLToPath(new URL('../../shared/src/domain/fixtures/stakeholders-gb18030.csv', import.meta.url));

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
    const org = await cli(
      'org:create',
      '--name',
      'Cli Org',
      '--tz',
      'Asia/Shanghai',
      '--admin-email',
      'boss@cli.test',
      '--admin-name',
      'Boss',
    );
    expect(org.code).toBe(0);
    const adminToken = tokenIn(org.stdout);
    expect(adminToken).not.toBeNull();

    const user = await cli(
      'user:create',
      '--org',
      'Cli Org',
      '--email',
      'staff@cli.test',
      '--name',
      'Staffer',
      '--role',
      'staff',
    );
    expect(user.code).toBe(0);
    expect(
      (await cli('user:create', '--org', 'Cli Org', '--email', 'staff@cli.test', '--name', 'Again', '--role', 'staff'))
        .code,
    ).toBe(1);
    expect((await cli('user:create', '--org', 'Nope', '--email', 'a@b.c', '--name', 'A', '--role', 'staff')).code).toBe(
      2,
    );
    expect(
      (await cli('user:create', '--org', 'Cli Org', '--email', 'a@b.c', '--name', 'A', '--role', 'boss')).code,
    ).toBe(2);

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

      writeFileSync(
        join(dir, 'people.csv'),
        'name,type,emails,owner_email\nAcme,customer,a@acme.cn,staff@cli.test\nBroken,martian,,\n',
      );
      const imported = await cli('import:stakeholders', '--org', 'Cli Org', '--file', 'people.csv');
      expect(imported.stdout).toMatch(/row 2: created/);
      expect(imported.stdout).toMatch(/row 3: error — .*type/);
      expect(imported.code).toBe(1);

      // A CSV saved by Excel or WPS on a Chinese Windows machine is GB18030: its names arrive intact.
      copyFileSync(gb18030Csv, join(dir, 'people-gb18030.csv'));
      const chinese = await cli('import:stakeholders', '--org', 'Cli Org', '--file', 'people-gb18030.csv');
      expect(chinese.stdout).toMatch(/3 created, 0 updated, 0 with errors/);
      const names = await handle.client.execute("SELECT name, organization FROM stakeholders WHERE name <> 'Acme'");
      expect(names.rows.map((r) => [r.name, r.organization])).toEqual(
        expect.arrayContaining([
          ['李雷', '北京蓝天科技有限公司'],
          ['韩梅梅', '上海星辰贸易'],
          ['欧阳娜娜', '广州日报'],
        ]),
      );
      writeFileSync(join(dir, 'latin1.csv'), Buffer.from([0x6e, 0x61, 0x6d, 0x65, 0x0a, 0x80, 0xff, 0xff]));
      const refused = await cli('import:stakeholders', '--org', 'Cli Org', '--file', 'latin1.csv');
      expect(refused.code).toBe(2);
      expect(refused.stderr).toMatch(/Save it as CSV UTF-8 in Excel or WPS/);
    } finally {
      handle.close();
    }
  }, 60_000);

  it('seeds a demo org and prints working tokens', async () => {
    // A fixed --now: which channels 400 interactions reach depends on where six months of working hours fall.
    const res = await cli(
      'seed-demo',
      '--org-name',
      'Demo Test',
      '--seed',
      '3',
      '--interactions',
      '400',
      '--now',
      '2026-03-17T09:00:00+08:00',
    );
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/400 interactions/);
    expect(res.stdout).toMatch(/24 own posts, 26 meetings, 19 planned activities, 18 cost entries/);
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
      // The 400 generated, plus 24 own posts and 26 weekly meetings (demo/plan-execution.ts).
      expect(r.n).toBe(450);
      expect(Number(r.waits)).toBeGreaterThan(50);
      expect(r.channels).toBe(7);
    } finally {
      handle.close();
    }
  }, 120_000);

  it('moves an org to another time zone, says how many stored response times that leaves on the old calendar, and recomputes them on request', async () => {
    // The demo org of the test above, in Asia/Shanghai.
    const sums = async () => {
      const handle = await createDb(databaseUrl);
      try {
        const rs = await handle.client.execute(
          "SELECT o.time_zone AS tz, sum(i.response_work_ms) AS work, sum(i.title IS NOT NULL) AS titled FROM orgs o JOIN interactions i ON i.org_id = o.id WHERE o.name = 'Demo Test'",
        );
        const plan = await handle.client.execute(
          "SELECT p.plan AS body FROM plans p JOIN orgs o ON o.id = p.org_id WHERE o.name = 'Demo Test' ORDER BY p.version DESC LIMIT 1",
        );
        return {
          tz: rs.rows[0]!.tz,
          work: Number(rs.rows[0]!.work),
          titled: Number(rs.rows[0]!.titled),
          planZone: JSON.parse(String(plan.rows[0]!.body)).calendar.timeZone,
        };
      } finally {
        handle.close();
      }
    };
    const before = await sums();
    expect(before).toMatchObject({ tz: 'Asia/Shanghai', planZone: 'Asia/Shanghai' });

    expect((await cli('org:update', '--org', 'Demo Test')).code).toBe(2);
    expect((await cli('org:update', '--org', 'Demo Test', '--tz', 'Mars/Olympus')).stderr).toMatch(/IANA/);
    expect((await cli('org:update', '--org', 'Demo Test', '--capture-level', 'everything')).code).toBe(2);

    const moved = await cli('org:update', '--org', 'Demo Test', '--tz', 'America/New_York');
    expect(moved.code).toBe(0);
    expect(moved.stdout).toMatch(/time zone America\/New_York/);
    const stale = Number(
      /(\d+) stored interactions still have response times on the old calendar/.exec(moved.stdout)?.[1],
    );
    expect(stale).toBeGreaterThan(0);
    const after = await sums();
    // The calendar moved, the stored figures did not (never silently).
    expect(after).toMatchObject({ tz: 'America/New_York', planZone: 'America/New_York', work: before.work });

    const recomputed = await cli('org:update', '--org', 'Demo Test', '--recompute');
    expect(recomputed.code).toBe(0);
    expect(recomputed.stdout).toContain(`${stale} of 450 interactions changed`);
    // In chunks committed one by one (about 300 interactions each), a line at each tenth done.
    const lines = recomputed.stdout.match(/^ {2}\d+ of 450 interactions recomputed \(\d+%\)$/gm) ?? [];
    expect(lines[0]).toBe('  0 of 450 interactions recomputed (0%)');
    expect(lines.length).toBeGreaterThanOrEqual(3);
    expect(lines.at(-1)).toBe('  450 of 450 interactions recomputed (100%)');
    expect((await sums()).work).not.toBe(before.work);
    expect((await cli('org:update', '--org', 'Demo Test', '--tz', 'America/New_York')).stdout).toMatch(
      /already had these settings/,
    );

    // A lower capture level also drops what it no longer keeps.
    expect(before.titled).toBeGreaterThan(0);
    expect((await cli('org:update', '--org', 'Demo Test', '--capture-level', 'metadata')).stdout).toMatch(
      /capture level metadata/,
    );
    expect((await sums()).titled).toBe(0);
  }, 120_000);
});
