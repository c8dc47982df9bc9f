import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { createTRPCClient, httpLink } from '@trpc/client';
import { createApp } from '../../app';
import { createDb, migrateDb, type DbHandle } from '../../db/client';
import type { AppRouter } from '../../routers/_app';
import { serve, type RunningServer } from '../../serve';
import { createTestOrg } from '../../testing/test-org';

let dir = '';
let handle: DbHandle | undefined;
let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  handle?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The allowed maximum: 10,000 rows, each a new stakeholder with an e-mail address and a domain. */
function bigCsv(): string {
  const lines = ['name,type,emails,domains'];
  for (let i = 0; i < 10_000; i++) lines.push(`Company ${i},customer,desk${i}@co${i}.cn,co${i}.cn`);
  return lines.join('\n');
}

it('answers /healthz and a manager read over HTTP while a 10,000-row import preview runs', async () => {
  dir = mkdtempSync(join(tmpdir(), 'cl-import-'));
  handle = await createDb(`file:${join(dir, 'org.db')}`);
  await migrateDb(handle.db);
  const t = await createTestOrg(handle);
  server = await serve({ app: createApp({ db: handle.db }), port: 0 });
  const manager = createTRPCClient<AppRouter>({
    links: [httpLink({ url: `${server.url}/trpc`, headers: { authorization: `Bearer ${t.manager.token}` } })],
  });

  let importDone = false;
  const preview = manager.directory.importCsv.mutate({ csv: bigCsv(), dryRun: true }).finally(() => {
    importDone = true;
  });
  let answeredDuring = 0;
  while (!importDone) {
    const health = await fetch(`${server.url}/healthz`);
    expect(await health.json()).toEqual({ ok: true, db: 'ok' });
    const list = await manager.directory.list.query({});
    // Only the last commit is visible: the preview's rows never are.
    expect(list.items).toEqual([]);
    if (!importDone) answeredDuring++;
    await new Promise((r) => setTimeout(r, 50));
  }
  const report = await preview;
  expect(report.created).toBe(10_000);
  expect(report.errors).toBe(0);
  // Before the import let the event loop run and reads had their own connection, nothing answered until it ended.
  expect(answeredDuring).toBeGreaterThanOrEqual(3);
}, 300_000);
