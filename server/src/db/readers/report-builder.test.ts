import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTRPCClient, httpLink } from '@trpc/client';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApp } from '../../app';
import type { AppRouter } from '../../routers/_app';
import { serve, type RunningServer } from '../../serve';
import { periodReport } from '../../services/reports/period-report';
import { createTestOrg, interactionData, pushAccepted, type TestOrg, upsert } from '../../testing/test-org';
import { createDb, type DbHandle, migrateDb } from '../client';
import { WriteOrder } from '../writer/write-order';
import { type ReportBuilder, reportBuilder } from './start';

// The real report thread on a real database file, over HTTP, as `node dist/index.js` runs it.
let dir: string;
let handle: DbHandle;
let builder: ReportBuilder;
let server: RunningServer;
let t: TestOrg;

const YEAR = { from: '2025-03-01T00:00:00.000Z', to: '2026-03-01T00:00:00.000Z' };
const types = ['customer', 'partner', 'media', 'government'] as const;
const channels = ['email', 'social', 'phone', 'im'] as const;

/** 6,000 interactions over the year, in 1,500 threads of a question and (mostly) its answer. */
async function fillYear() {
  const items = Array.from({ length: 6_000 }, (_, i) => {
    const thread = Math.floor(i / 4) * 2 + (i % 2);
    const at = Date.parse(YEAR.from) + (thread % 360) * 86_400_000 + (i % 4 < 2 ? 0 : 3 * 3_600_000);
    return interactionData({
      threadKey: `gmail:year${thread}`,
      direction: i % 4 < 2 ? 'inbound' : 'outbound',
      occurredAt: new Date(at + (i % 2) * 60_000).toISOString(),
      stakeholderType: types[thread % types.length]!,
      channel: channels[thread % channels.length]!,
    });
  });
  for (let i = 0; i < items.length; i += 500) await pushAccepted(t.staff, items.slice(i, i + 500));
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'report-builder-'));
  const url = `file:${join(dir, 'db.sqlite')}`;
  const order = new WriteOrder();
  handle = await createDb(url, undefined, { order });
  await migrateDb(handle.db);
  t = await createTestOrg(handle);
  await fillYear();
  builder = reportBuilder(url, order);
  server = await serve({ app: createApp({ db: handle.db, reportBuilder: builder }), port: 0 });
}, 300_000);
afterAll(async () => {
  await server?.close();
  await builder?.close();
  handle?.close();
  rmSync(dir, { recursive: true, force: true });
});

const client = (token: string) =>
  createTRPCClient<AppRouter>({
    links: [httpLink({ url: `${server.url}/trpc`, headers: { authorization: `Bearer ${token}` } })],
  });

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
  }
  return { result: await settled, during };
}

it('answers /healthz and stores a push while a year’s report is built, and shows the build’s steps', async () => {
  const manager = client(t.manager.token);
  const staff = client(t.staff.token);
  const steps: number[] = [];
  const input = { filter: YEAR, language: 'en' as const, asOf: YEAR.to };
  const { result, during } = await callsDuring(manager.reports.period.query(input), async () => {
    expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ ok: true, db: 'ok' });
    // Outside the report's year, so that its figures do not depend on how many pushes landed meanwhile.
    const item = interactionData({ occurredAt: '2024-01-10T10:00:00.000Z', threadKey: 'gmail:beside' });
    expect((await staff.sync.push.mutate({ items: [upsert(item)] })).rejected).toEqual([]);
    const [job] = (await manager.jobs.list.query({ running: true })).items;
    if (job?.kind === 'reportBuild') steps.push(job.done);
  });
  // Built on the main thread the report held the event loop from start to end: nothing answered meanwhile.
  expect(during).toBeGreaterThanOrEqual(3);
  expect(steps).toEqual([...steps].sort((a, b) => a - b));
  const [job] = (await manager.jobs.list.query({})).items;
  expect(job).toMatchObject({ kind: 'reportBuild', state: 'finished', done: 6, total: 6 });

  const here = await periodReport({ db: handle.db, user: t.manager.user }, input);
  expect(result.overview.total).toBe(6_000);
  expect(result.overview).toEqual(here.overview);
  expect(result.response).toEqual(here.response);
  expect(result.goals).toEqual(here.goals);
}, 300_000);

it('saves an edition from the report thread while this thread writes', async () => {
  const manager = client(t.manager.token);
  const [edition] = await Promise.all([
    manager.reports.save.mutate({ filter: YEAR, language: 'zh-CN', texts: {} }),
    pushAccepted(t.staff, [interactionData({ occurredAt: '2024-02-01T10:00:00.000Z' })]),
  ]);
  expect(edition.figures.overview.total).toBe(6_000);
  expect((await manager.reports.list.query({})).map((e) => e.id)).toContain(edition.id);
}, 120_000);

it('builds in this thread once its thread has stopped', async () => {
  await builder.close();
  expect(builder.running).toBe(false);
  const goals = await client(t.manager.token).reports.goals.query({ filter: YEAR, language: 'en' });
  expect(goals.goals.length).toBeGreaterThan(0);
  const [job] = (await client(t.manager.token).jobs.list.query({})).items;
  expect(job).toMatchObject({ kind: 'reportBuild', state: 'finished' });
}, 120_000);
