/*
 * metrics.responseTimes over a long period of a large org, in process: how long it takes and how much the
 * process grows while it runs. One org of `--rows` interactions over 180 days (loaded like (c), into a database
 * kept under the system's temp folder and reused by later runs with the same size), then the whole span grouped
 * by stakeholder type, working time.
 *
 *   pnpm --filter @comms-log/test exec tsx bench/long-period.ts [--rows 200000]
 *
 * The first run of a size loads the data (the generator holds the org's rows in memory: ~1.4 GB for 200,000).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { authenticate } from '../../server/src/auth/tokens';
import { createDb, migrateDb } from '../../server/src/db/client';
import { metricsResponseTimes } from '../../server/src/services/metrics/response-times';
import { bulkLoad } from './bulk-load';

const DAY = 86_400_000;
const i = process.argv.indexOf('--rows');
const rows = i > 0 ? Number(process.argv[i + 1]) : 200_000;
const dir = join(tmpdir(), `comms-log-long-period-${rows}`);
const endMs = Date.parse('2026-11-23T00:00:00Z');

if (!existsSync(join(dir, 'token'))) {
  mkdirSync(dir, { recursive: true });
  const load = await createDb(`file:${join(dir, 'bench.db')}`);
  await migrateDb(load.db);
  const { measured } = await bulkLoad(load, {
    orgCount: 1,
    totalRows: rows,
    startMs: endMs - 180 * DAY,
    endMs,
    seed: 1,
  });
  writeFileSync(join(dir, 'token'), measured.managerToken);
  load.close();
  console.log(`loaded ${rows} interactions into ${dir}; run again to measure (in a fresh process)`);
  process.exit(0);
}

const handle = await createDb(`file:${join(dir, 'bench.db')}`);
const user = await authenticate(handle.db, readFileSync(join(dir, 'token'), 'utf8'));
if (!user) throw new Error(`no manager token in ${dir}`);
const before = process.memoryUsage().rss;
let peak = before;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
const t0 = performance.now();
const result = await metricsResponseTimes(
  { db: handle.db, user },
  {
    filter: { from: new Date(endMs - 200 * DAY).toISOString(), to: new Date(endMs).toISOString() },
    groupBy: ['stakeholderType'],
    basis: 'working',
  },
);
const ms = performance.now() - t0;
clearInterval(sampler);
peak = Math.max(peak, process.memoryUsage().rss);
const mb = (b: number) => `${(b / 1e6).toFixed(0)} MB`;
console.log(
  `metrics.responseTimes, ${rows} interactions, ${result.total.waits} waits over 200 days: ${ms.toFixed(0)} ms; RSS ${mb(before)} → peak ${mb(peak)} (+${mb(peak - before)})`,
);
handle.close();
