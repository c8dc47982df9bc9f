/*
 * comms-log benchmark (`pnpm bench`): (a) raw libSQL upsert into the server's schema, (b) the same interactions
 * through sync.push over real HTTP to the server as its own process, (c) dashboard queries over one org of 1M interactions
 * next to plain SQL. Prints a table with the targets marked, then one JSON line. See README.md.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { concurrentPushBench } from './concurrent-push';
import { hotFunctions } from './cpu-profile';
import { importBesideBench, printImportBeside } from './import-beside';
import { managerCopyBench, printManagerCopy } from './manager-copy';
import { dashboardBench, type DashboardResult } from './dashboard';
import { generateInteractions, makeDirectory } from './generate';
import { parseOptions, type BenchOptions } from './options';
import { pageCostBench, printPageCost } from './page-cost';
import { periodReportBench, printReportBench } from './period-report';
import { printConcurrent } from './print-concurrent';
import { printA, printB, printC, printHotFunctions, type RawPair, targets } from './print-results';
import { rawUpsert, type DataSpec, type RawUpsertResult } from './raw-upsert';
import { fmtInt } from './report';
import { round } from './stats';
import { syncPushBench } from './sync-push';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const progress = (text: string) => process.stderr.write(`… ${text}\n`);

function describeData(data: DataSpec) {
  let threads = 0;
  let lastThread = '';
  let inbound = 0;
  const channels: Record<string, number> = {};
  for (const g of generateInteractions({ ...data, count: data.rows })) {
    if (g.threadKey !== lastThread) threads++;
    lastThread = g.threadKey;
    if (g.direction === 'inbound') inbound++;
    channels[g.channel] = (channels[g.channel] ?? 0) + 1;
  }
  const pct = (n: number) => `${Math.round((100 * n) / data.rows)}%`;
  return {
    threads,
    line:
      `${fmtInt(data.rows)} interactions in ${fmtInt(threads)} threads over 180 days; ` +
      `${Object.entries(channels)
        .sort((a, b) => b[1] - a[1])
        .map(([c, n]) => `${c} ${pct(n)}`)
        .join(', ')}; inbound ${pct(inbound)}; ${data.directory.stakeholders.length} stakeholders`,
  };
}

/** The machine and the mode, printed first; returns the JSON summary's head. */
function startSummary(options: BenchOptions): Record<string, unknown> {
  const cpu = cpus();
  console.log(
    `comms-log bench — ${new Date().toISOString()} · node ${process.version} · ${cpu.length} × ${cpu[0]?.model.trim() ?? 'cpu'} · load ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')} · ${options.quick ? 'quick' : 'full'}`,
  );
  return {
    bench: 'comms-log',
    at: new Date().toISOString(),
    mode: options.quick ? 'quick' : 'full',
    node: process.version,
    cpus: cpu.length,
  };
}

/** (a): the rows as stored and the client's columns, 500-row transactions, then the larger transactions. */
async function runRawUpsert(dir: string, data: DataSpec, options: BenchOptions) {
  progress(`(a) raw upsert of ${fmtInt(data.rows)} rows as stored (33 columns), 500-row transactions`);
  const stored = await rawUpsert(dir, data, 500, { columns: 'stored' });
  progress(`(a) raw upsert of ${fmtInt(data.rows)} rows, the client's 24 columns, 500-row transactions`);
  const client = await rawUpsert(dir, data, 500, { columns: 'client' });
  const larger: RawUpsertResult[] = [];
  for (const tx of options.largerTx.filter((t) => t < data.rows)) {
    progress(`(a) raw upsert, the client's 24 columns, ${fmtInt(tx)}-row transactions`);
    larger.push(await rawUpsert(dir, data, tx, { columns: 'client' }));
  }
  printA([stored, client, ...larger]);
  const summary = {
    rows: data.rows,
    storedRowsPerSecAt500: stored.rowsPerSec,
    clientColumnsRowsPerSecByTx: Object.fromEntries([client, ...larger].map((r) => [r.txRows, r.rowsPerSec])),
  };
  return { a: { stored, client }, summary };
}

/** (b): sync.push over HTTP, its ratio to (a) when (a) ran, and the server's CPU profile when asked. */
async function runSyncPush(dir: string, data: DataSpec, a: RawPair | null, options: BenchOptions) {
  progress(`(b) sync.push of ${fmtInt(data.rows)} rows over HTTP`);
  const cpuProfileDir = options.cpuProf ? join(dir, 'cpu-prof') : undefined;
  const b = await syncPushBench(dir, data, { batchSize: 500, cpuProfileDir, nodeArgs: options.serverNodeArgs });
  const { ratio, clientRatio } = printB(b, a, options.serverNodeArgs);
  if (cpuProfileDir) printHotFunctions(hotFunctions(cpuProfileDir, 25));
  return {
    rows: b.rows,
    rowsPerSec: b.rowsPerSec,
    ratioToRaw: ratio === null ? null : round(ratio, 3),
    ratioTargetMet: ratio === null ? null : ratio >= targets.ratio,
    ratioToRawClientColumns: clientRatio === null ? null : round(clientRatio, 3),
    serverPeakRssMb: b.serverPeakRssMb,
    serverHwmMb: b.serverHwmMb,
    rssTargetMet: b.serverPeakRssMb <= targets.serverRssMb,
    treePeakRssMb: b.treePeakRssMb,
    pushP50Ms: b.push.p50Ms,
    pushP95Ms: b.push.p95Ms,
    serverCpuS: b.cpu,
    rejected: b.rejected,
    stored: b.stored,
    waits: b.waits,
    answered: b.answered,
  };
}

/** One dashboard query's figures in the JSON summary. */
const querySummary = (q: DashboardResult['queries'][number]) => ({
  name: q.name,
  httpP50Ms: q.http.p50Ms,
  httpP95Ms: q.http.p95Ms,
  sqlP50Ms: q.sql?.p50Ms ?? null,
  sqlP95Ms: q.sql?.p95Ms ?? null,
  targetMet: q.http.p95Ms <= targets.dashboardP95Ms,
  sameFigures: q.sameFigures,
});

/** (c): every dashboard query over one large org, next to plain SQL. */
async function runDashboard(dir: string, options: BenchOptions, endMs: number) {
  progress(
    options.dashboardDb
      ? `(c) ${options.calls} calls per query on ${options.dashboardDb}`
      : `(c) bulk load of ${fmtInt(options.dashboardRows)} rows into one org over ${options.dashboardDays} days, then ${options.calls} calls per query`,
  );
  const c = await dashboardBench(dir, {
    totalRows: options.dashboardRows,
    spanDays: options.dashboardDays,
    reuseDb: options.dashboardDb,
    calls: options.calls,
    seed: options.seed,
    endMs,
  });
  printC(c, options.calls);
  return {
    rows: c.load.rows,
    spanDays: c.spanDays,
    loadMs: round(c.load.loadMs, 0),
    windowRows: c.orgRowsInWindow,
    windowWaits: c.waitsInWindow,
    queries: c.queries.map(querySummary),
  };
}

async function main(options: BenchOptions) {
  const dir = mkdtempSync(join(tmpdir(), 'comms-log-bench-'));
  const endMs = Math.floor(Date.now() / HOUR) * HOUR;
  const data: DataSpec = {
    seed: options.seed,
    rows: options.rows,
    startMs: endMs - 180 * DAY,
    endMs,
    directory: makeDirectory(options.seed, 100, 5),
  };
  const summary = startSummary(options);
  try {
    if (options.only.has('a') || options.only.has('b')) {
      const d = describeData(data);
      console.log(`data (a)/(b): ${d.line}`);
    }
    let a: RawPair | null = null;
    if (options.only.has('a')) {
      const raw = await runRawUpsert(dir, data, options);
      a = raw.a;
      summary.a = raw.summary;
    }
    if (options.only.has('b')) summary.b = await runSyncPush(dir, data, a, options);
    if (options.only.has('f')) {
      summary.f = [];
      for (const servers of [1, 2]) {
        progress(
          `(f) 8 clients pushing ${fmtInt(data.rows)} rows at once to ${servers} server process(es), a manager reading`,
        );
        const cpuProfileDir = options.cpuProf && servers === 1 ? join(dir, 'cpu-prof-f') : undefined;
        const f = await concurrentPushBench(dir, data, { clients: 8, servers, batchSize: 500, cpuProfileDir });
        (summary.f as unknown[]).push(printConcurrent(f, a));
        if (cpuProfileDir) printHotFunctions(hotFunctions(cpuProfileDir, 25));
      }
    }
    if (options.only.has('g')) {
      progress(
        '(g) a 10,000-row stakeholder import, previewed and applied, and a plan recompute, with /healthz, a read and a push meanwhile',
      );
      summary.g = printImportBeside(await importBesideBench(dir, options.seed));
    }
    if (options.only.has('c')) summary.c = await runDashboard(dir, options, endMs);
    if (options.only.has('d')) {
      progress(`(d) load of ${fmtInt(options.reportRows)} interactions of one org, then its 200-day report`);
      summary.d = printReportBench(
        await periodReportBench(dir, { rows: options.reportRows, runs: 5, seed: options.seed, endMs }),
      );
    }
    if (options.only.has('h')) {
      progress(
        `(h) an org of ${fmtInt(options.dashboardRows)} interactions, 100 people: a manager's pull and local copy`,
      );
      summary.h = printManagerCopy(
        await managerCopyBench(dir, {
          rows: options.dashboardRows,
          users: 100,
          stakeholders: 2_000,
          seed: options.seed,
          endMs,
        }),
      );
    }
    if (options.only.has('e'))
      summary.e = printPageCost(await pageCostBench({ loads: options.pageLoads }), options.pageLoads);
  } finally {
    if (options.keep) console.log(`\ndatabases kept in ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
  console.log('');
  console.log(JSON.stringify(summary));
}

let options: BenchOptions;
try {
  options = parseOptions(process.argv.slice(2));
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exit(2);
}
main(options).catch((e) => {
  console.error(e);
  process.exit(1);
});
