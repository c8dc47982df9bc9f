import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { interactionData } from '../src/testing/test-org';

const serverDir = fileURLToPath(new URL('..', import.meta.url));
// Inside the package, so that the bundle's one runtime import (@libsql/client) resolves from node_modules.
const cache = join(serverDir, 'node_modules', '.cache');
mkdirSync(cache, { recursive: true });
const dir = mkdtempSync(join(cache, 'cl-build-'));
let child: ChildProcess | undefined;

afterAll(() => {
  child?.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

describe('production build (what `pnpm start` runs)', () => {
  it('bundles the server into one file that plain node starts: migrations applied, /healthz and a token answer', async () => {
    const out = join(dir, 'dist');
    await promisify(execFile)(process.execPath, ['scripts/build.mjs', out], { cwd: serverDir, timeout: 60_000 });
    expect(existsSync(join(out, 'index.js'))).toBe(true);
    expect(existsSync(join(out, 'migrations', 'meta', '_journal.json'))).toBe(true);
    expect(existsSync(join(out, 'push-writer.js'))).toBe(true);
    expect(existsSync(join(out, 'report-builder.js'))).toBe(true);

    child = spawn(process.execPath, [join(out, 'index.js')], {
      cwd: dir,
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATABASE_URL: `file:${join(dir, 'db', 'x.db')}` },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    child.stderr!.on('data', (d) => (log += d));
    const { url, token } = await new Promise<{ url: string; token: string }>((resolve, reject) => {
      child!.stdout!.on('data', (d) => {
        log += d;
        const url = /listening on (http:\/\/\S+)/.exec(log)?.[1];
        const token = /\b(cl_[A-Za-z0-9_-]{43})\b/.exec(log)?.[1];
        if (url && token) resolve({ url, token });
      });
      child!.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${log}`)));
    });
    expect(await (await fetch(`${url}/healthz`)).json()).toEqual({ ok: true, db: 'ok' });
    const whoami = await fetch(`${url}/trpc/auth.whoami`, { headers: { authorization: `Bearer ${token}` } });
    expect(whoami.status).toBe(200);
    expect(JSON.stringify(await whoami.json())).toContain('admin@example.com');
    // sync.push goes to the push writer's thread, which the bundle starts from push-writer.js.
    const item = interactionData();
    const pushed = await fetch(`${url}/trpc/sync.push`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ items: [{ op: 'upsert', entity: 'interaction', id: item.id, data: item }] }),
    });
    expect(pushed.status).toBe(200);
    expect(JSON.stringify(await pushed.json())).toContain(`"applied":[{"id":"${item.id}"`);
    // Reports are built in the report thread, which the bundle starts from report-builder.js at the first build.
    const input = encodeURIComponent(
      JSON.stringify({ filter: { from: '2026-01-01T00:00:00.000Z', to: '2026-02-01T00:00:00.000Z' }, language: 'en' }),
    );
    const goals = await fetch(`${url}/trpc/reports.goals?input=${input}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(goals.status).toBe(200);
    expect(log).not.toMatch(/report thread/);
  }, 90_000);
});
