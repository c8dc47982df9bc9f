import { issueToken } from '../../server/src/auth/tokens';
import { createDb } from '../../server/src/db/client';
import { type BenchClient, trpcClient } from './client';
import { startServer } from './server-process';

const DAY = 86_400_000;

/** The calls (g) makes while a job runs, and how it times a job beside them. */
type Calls = Record<'healthz' | 'read' | 'push', () => Promise<unknown>>;
type Beside<F> = (job: () => Promise<unknown>, calls: Calls) => Promise<F>;

/** The `days` up to `endMs`, as a filter. */
const lastDays = (endMs: number, days: number) => ({
  from: new Date(endMs - days * DAY).toISOString(),
  to: new Date(endMs).toISOString(),
});
const yearTo = (endMs: number) => lastDays(endMs, 365);

/** A year's period report of the org of `manager`, up to `endMs`, built over HTTP while the calls run. */
export async function reportBeside<F>(beside: Beside<F>, manager: BenchClient, endMs: number, calls: Calls) {
  let total = 0;
  const figures = await beside(async () => {
    const report = await manager.reports.period.query({ filter: yearTo(endMs), language: 'en' });
    total = report.overview.total;
  }, calls);
  return { ...figures, total };
}

/** New tokens of the database's first manager and staff member, its latest interaction's time, 20 stakeholders. */
async function tokensOf(path: string) {
  const handle = await createDb(`file:${path}`);
  try {
    const tokenOf = async (role: string) => {
      const rs = await handle.client.execute({
        sql: 'SELECT org_id, id FROM users WHERE role = ? LIMIT 1',
        args: [role],
      });
      const row = rs.rows[0]!;
      return (await issueToken(handle.db, { orgId: String(row.org_id), userId: String(row.id), name: 'bench g' }))
        .token;
    };
    const latest = (await handle.client.execute('SELECT max(occurred_at) FROM interactions')).rows[0]![0];
    const manager = await tokenOf('manager');
    const stakeholders = await handle.client.execute('SELECT id FROM stakeholders ORDER BY id LIMIT 20');
    const stakeholderIds = stakeholders.rows.map((r) => String(r.id));
    return { manager, staff: await tokenOf('staff'), endMs: Number(latest), stakeholderIds };
  } finally {
    handle.close();
  }
}

/**
 * (g)'s report build on a large org's database file: BENCH_G_REPORT_DB names one (for example a copy of the
 * database (c) kept with --keep, 1,000,000 interactions; it is written to: tokens and the pushes made meanwhile).
 * Its year's report is built over HTTP while /healthz, a read and 20-item pushes are called.
 */
export async function largeReportBeside<F>(
  beside: Beside<F>,
  path: string,
  batchesOf: (stakeholderIds: string[]) => Iterator<unknown[]>,
) {
  const { manager, staff, endMs, stakeholderIds } = await tokensOf(path);
  const batches = batchesOf(stakeholderIds);
  const server = await startServer({ databaseUrl: `file:${path}` });
  try {
    const m = trpcClient(server.url, manager);
    const s = trpcClient(server.url, staff);
    const calls: Calls = {
      healthz: () => fetch(`${server.url}/healthz`).then((r) => r.json()),
      // The dashboard's default range, as (c) reads it.
      read: () => m.metrics.totals.query({ filter: lastDays(endMs, 90), groupBy: ['stakeholderType'] }),
      push: () => s.sync.push.mutate({ items: batches.next().value as never }),
    };
    return await reportBeside(beside, m, endMs, calls);
  } finally {
    await server.stop();
  }
}
