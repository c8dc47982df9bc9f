import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticate } from '../auth/tokens';
import { createDb } from '../db/client';

const run = promisify(execFile);
const serverDir = fileURLToPath(new URL('../..', import.meta.url));
const tsx = join(serverDir, 'node_modules', '.bin', 'tsx');

let dir: string;
let databaseUrl: string;

async function cli(...args: string[]) {
  try {
    const { stdout, stderr } = await run(tsx, ['src/cli.ts', ...args], {
      cwd: serverDir,
      env: { ...process.env, DATABASE_URL: databaseUrl, INIT_CWD: dir },
      timeout: 90_000,
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

const tokenIn = (text: string) => /\b(cl_[A-Za-z0-9_-]{43})\b/.exec(text)?.[1] ?? null;
const tokenIdIn = (text: string, verb: RegExp) => new RegExp(`${verb.source} ([0-9A-Z]{26})`).exec(text)?.[1] ?? null;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cl-ops-cli-'));
  databaseUrl = `file:${join(dir, 'ops.db')}`;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('token expiry and rotation, the audit trail and access requests from the CLI', () => {
  it('rotates a token, records it, and prints the trail', async () => {
    const org = await cli(
      'org:create',
      '--name',
      'Ops Co',
      '--tz',
      'Asia/Shanghai',
      '--admin-email',
      'a@ops.cn',
      '--admin-name',
      'Ada',
    );
    expect(org.code, org.stderr).toBe(0);
    const created = await cli('token:create', '--user', 'a@ops.cn', '--name', 'laptop', '--expires-in-days', '30');
    expect(created.stdout).toMatch(/expires 20\d\d-/);
    const oldId = tokenIdIn(created.stdout, /Token/)!;
    const oldToken = tokenIn(created.stdout)!;

    const rotated = await cli('token:rotate', '--id', oldId);
    expect(rotated.code, rotated.stderr).toBe(0);
    const newToken = tokenIn(rotated.stdout)!;
    expect(newToken).not.toBe(oldToken);
    expect((await cli('token:rotate', '--id', oldId)).stderr).toMatch(/was revoked/);

    const handle = await createDb(databaseUrl);
    expect(await authenticate(handle.db, oldToken)).toBeNull();
    expect((await authenticate(handle.db, newToken))?.email).toBe('a@ops.cn');
    handle.close();

    const trail = await cli('audit', '--org', 'Ops Co', '--since', '2020-01-01');
    expect(trail.code, trail.stderr).toBe(0);
    const lines = trail.stdout.trim().split('\n');
    // org:create's first token is part of making the org; the rest are one line each.
    expect(lines.map((l) => l.split(/\s+/)[2])).toEqual(['token.create', 'token.revoke', 'token.rotate']);
    expect(lines.every((l) => /^\S+Z\s+cli\s/.test(l))).toBe(true);
    expect((await cli('audit', '--org', 'Ops Co', '--since', 'yesterday')).code).toBe(2);
  }, 240_000);

  it('exports a stakeholder as JSON, then erases them only with --yes', async () => {
    const csv = join(dir, 'people.csv');
    await cli('org:create', '--name', 'Ops Two', '--tz', 'Asia/Shanghai');
    writeFileSync(
      csv,
      'name,type,tier,organization,owner_email,emails\nWang Fang,customer,standard,Acme,,wang@acme.cn\n',
    );
    const imported = await cli('import:stakeholders', '--org', 'Ops Two', '--file', 'people.csv');
    const id = /\(([0-9A-Z]{26})\)/.exec(imported.stdout)?.[1];
    expect(id, imported.stdout + imported.stderr).toBeTruthy();

    expect((await cli('export:stakeholder', '--org', 'Ops Two', '--stakeholder', id!, '--out', 'wang.json')).code).toBe(
      0,
    );
    const exported = JSON.parse(readFileSync(join(dir, 'wang.json'), 'utf8'));
    expect(exported.stakeholder.identities.map((i: { value: string }) => i.value)).toEqual(['wang@acme.cn']);

    const unconfirmed = await cli('erase:stakeholder', '--org', 'Ops Two', '--stakeholder', id!);
    expect(unconfirmed.code).toBe(2);
    const erased = await cli('erase:stakeholder', '--org', 'Ops Two', '--stakeholder', id!, '--yes');
    expect(erased.code, erased.stderr).toBe(0);
    expect(erased.stdout).toMatch(/stakeholders 1/);
    expect(existsSync(join(dir, 'wang.json'))).toBe(true);
    const trail = await cli('audit', '--org', 'Ops Two');
    expect(trail.stdout).toMatch(/import\.stakeholders.*\n.*stakeholder\.export.*\n.*stakeholder\.erase/);
    expect(trail.stdout).not.toMatch(/Wang/);

    // She comes back and consents: her address is refused until an admin lets it in again.
    expect((await cli('import:stakeholders', '--org', 'Ops Two', '--file', 'people.csv')).stdout).toMatch(
      /row 2: error — .*erased on request/,
    );
    const allowed = await cli('allow:handle', '--org', 'Ops Two', '--kind', 'email', '--value', ' Wang@Acme.cn');
    expect(allowed.code, allowed.stderr).toBe(0);
    expect(
      (await cli('allow:handle', '--org', 'Ops Two', '--kind', 'email', '--value', 'wang@acme.cn')).stderr,
    ).toMatch(/not refused/);
    expect((await cli('allow:handle', '--org', 'Ops Two', '--kind', 'domain', '--value', 'acme.cn')).code).toBe(2);
    const again = await cli('import:stakeholders', '--org', 'Ops Two', '--file', 'people.csv');
    expect(again.stdout, again.stderr).toMatch(/row 2: created \([0-9A-Z]{26}\)/);
    expect((await cli('audit', '--org', 'Ops Two')).stdout).toMatch(/handle\.allow/);
  }, 240_000);
});
