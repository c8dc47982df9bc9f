import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { createTestDb } from '../testing/test-org';
import type { DbHandle } from '../db/client';

let handle: DbHandle;
let root: string;
let webDir: string;

beforeAll(async () => {
  handle = await createTestDb();
  root = mkdtempSync(join(tmpdir(), 'comms-log-web-'));
  webDir = join(root, 'app');
  mkdirSync(join(webDir, 'assets'), { recursive: true });
  writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>web view</title>');
  writeFileSync(join(webDir, 'assets/main-ABC.js'), 'console.log(1)');
  writeFileSync(join(root, 'secret.txt'), 'not for the web');
});

afterAll(() => {
  handle.close();
  rmSync(root, { recursive: true, force: true });
});

const get = async (path: string, dir: string | null = webDir) => {
  const res = await createApp({ db: handle.db, logError: () => {}, webAppDir: dir }).request(path);
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    cache: res.headers.get('cache-control'),
    text: await res.text(),
  };
};

describe('the web view files', () => {
  it('serves the page at /app and any path under it, the bundles with a long cache', async () => {
    for (const path of ['/app', '/app/', '/app/report/anything']) {
      const page = await get(path);
      expect([page.status, page.type, page.cache]).toEqual([200, 'text/html; charset=utf-8', 'no-cache']);
      expect(page.text).toContain('web view');
    }
    const js = await get('/app/assets/main-ABC.js');
    expect([js.status, js.type, js.cache]).toEqual([
      200,
      'text/javascript; charset=utf-8',
      'public, max-age=31536000, immutable',
    ]);
  });

  it('never serves a file outside its folder', async () => {
    for (const path of ['/app/../secret.txt', '/app/%2e%2e/secret.txt', '/app/assets/%2e%2e%2f%2e%2e%2fsecret.txt']) {
      const res = await get(path);
      expect(res.text).not.toContain('not for the web');
    }
  });

  it('answers a path that is not valid percent-encoding with 404, not an error', async () => {
    expect((await get('/app/%E0%A4%A')).status).toBe(404);
  });

  it('says how to build it when it is not built', async () => {
    const res = await get('/app', null);
    expect(res.status).toBe(503);
    expect(res.text).toContain('pnpm start');
  });
});
