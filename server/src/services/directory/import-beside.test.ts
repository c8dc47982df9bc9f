import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createTRPCClient, httpLink } from '@trpc/client';
import { createApp } from '../../app';
import { createDb, migrateDb, type DbHandle } from '../../db/client';
import { interactions } from '../../db/schema';
import type { AppRouter } from '../../routers/_app';
import { serve, type RunningServer } from '../../serve';
import { createTestOrg, interactionData, upsert, type TestOrg } from '../../testing/test-org';

let dir = '';
let handle: DbHandle;
let server: RunningServer;
let t: TestOrg;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cl-import-'));
  handle = await createDb(`file:${join(dir, 'org.db')}`);
  await migrateDb(handle.db);
  t = await createTestOrg(handle);
  server = await serve({ app: createApp({ db: handle.db }), port: 0 });
});
afterEach(async () => {
  await server.close();
  handle.close();
  rmSync(dir, { recursive: true, force: true });
});

const client = (token: string) =>
  createTRPCClient<AppRouter>({
    links: [httpLink({ url: `${server.url}/trpc`, headers: { authorization: `Bearer ${token}` } })],
  });

/** The allowed maximum: 10,000 rows, each a new stakeholder with an e-mail address and a domain. */
function bigCsv(): string {
  const lines = ['name,type,emails,domains'];
  for (let i = 0; i < 10_000; i++) lines.push(`Company ${i},customer,desk${i}@co${i}.cn,co${i}.cn`);
  return lines.join('\n');
}

/** Run `job`, calling `meanwhile` one call after another until it ends; how many calls finished before it did. */
async function callsDuring<T>(job: Promise<T>, meanwhile: () => Promise<void>): Promise<{ result: T; during: number }> {
  let done = false;
  const settled = job.finally(() => {
    done = true;
  });
  let during = 0;
  while (!done) {
    await meanwhile();
    if (!done) during++;
    await new Promise((r) => setTimeout(r, 50));
  }
  return { result: await settled, during };
}

async function healthy() {
  const health = await fetch(`${server.url}/healthz`);
  expect(await health.json()).toEqual({ ok: true, db: 'ok' });
}

it('answers /healthz and a manager read over HTTP while a 10,000-row import preview runs', async () => {
  const manager = client(t.manager.token);
  const { result, during } = await callsDuring(
    manager.directory.importCsv.mutate({ csv: bigCsv(), dryRun: true }),
    async () => {
      await healthy();
      // Only the last commit is visible: the preview's rows never are.
      expect((await manager.directory.list.query({})).items).toEqual([]);
    },
  );
  expect(result.created).toBe(10_000);
  expect(result.errors).toBe(0);
  // Before the import let the event loop run and reads had their own connection, nothing answered until it ended.
  expect(during).toBeGreaterThanOrEqual(3);
}, 300_000);

it('answers /healthz and stores a push over HTTP while a 10,000-row import is applied', async () => {
  const staff = client(t.staff.token);
  const pushed: string[] = [];
  const { result, during } = await callsDuring(
    client(t.manager.token).directory.importCsv.mutate({ csv: bigCsv(), dryRun: false }),
    async () => {
      await healthy();
      const item = interactionData();
      const res = await staff.sync.push.mutate({ items: [upsert(item)] });
      expect(res.rejected).toEqual([]);
      pushed.push(item.id);
    },
  );
  expect(result.created).toBe(10_000);
  // The import commits in slices, so pushes are stored between them rather than after the whole file.
  expect(during).toBeGreaterThanOrEqual(3);
  const stored = await handle.db.select({ id: interactions.id }).from(interactions);
  expect(stored.map((r) => r.id).sort()).toEqual([...pushed].sort());
}, 300_000);
