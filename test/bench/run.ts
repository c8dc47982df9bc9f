/*
 * comms-log benchmark (`pnpm bench`): (a) raw libSQL upsert into the server's schema, (b) the same interactions
 * through sync.push over real HTTP to the server as its own process, (c) dashboard queries over 1M interactions
 * next to plain SQL. Prints a table with the targets marked, then one JSON line. See README.md.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { hotFunctions } from './cpu-profile';
import { dashboardBench, type DashboardResult } from './dashboard';
import { generateInteractions, makeDirectory } from './generate';
import { parseOptions, type BenchOptions } from './options';
import { rawUpsert, type DataSpec, type RawUpsertResult } from './raw-upsert';
import { fmtInt, fmtMs, mark, table } from './report';
import { round } from './stats';
import { syncPushBench, type SyncPushResult } from './sync-push';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const targets = { ratio: 0.5, serverRssMb: 200, dashboardP95Ms: 50 };

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

const columnsLabel = {
  stored: 'all 33 (rows as (b) stores them)',
  client: "the client's 24 (derived at defaults)",
} as const;

function printA(results: RawUpsertResult[]) {
  console.log(
    `\n(a) raw libSQL upsert — server migrations on a fresh file, multi-row INSERT … ON CONFLICT(id) DO UPDATE, 500 rows/statement`,
  );
  console.log(
    table(
      [
        ['columns written', 'transaction', 'rows/s', 'time in libSQL'],
        ...results.map((r) => [
          columnsLabel[r.columns],
          `${fmtInt(r.txRows)} rows${r.txRows === 500 ? ' (as (b))' : ''}`,
          fmtInt(r.rowsPerSec),
          fmtMs(r.dbMs),
        ]),
      ],
      ['l', 'l', 'r', 'r'],
    ),
  );
}

function printB(b: SyncPushResult, a: { stored: RawUpsertResult; client: RawUpsertResult } | null, nodeArgs: string[]) {
  const ratio = a ? b.rowsPerSec / a.stored.rowsPerSec : null;
  const clientRatio = a ? b.rowsPerSec / a.client.rowsPerSec : null;
  const how = `as \`pnpm start\` runs it: node ${nodeArgs.length ? `${nodeArgs.join(' ')} ` : ''}dist/index.js`;
  console.log(
    `\n(b) sync.push over HTTP on 127.0.0.1 — ${b.batchSize} items a push, server = its own process (${how}), staff token from the CLI`,
  );
  console.log(
    table([
      ['', 'figure', 'target', ''],
      ['rows/s (wall clock, all pushes)', fmtInt(b.rowsPerSec), '', ''],
      [
        'ratio (b) / (a), 500 rows, all 33 columns',
        ratio === null ? 'n/a (no (a))' : `${(100 * ratio).toFixed(1)}%`,
        `≥ ${100 * targets.ratio}%`,
        ratio === null ? '' : mark(ratio >= targets.ratio),
      ],
      [
        "ratio (b) / (a), 500 rows, client's 24",
        clientRatio === null ? 'n/a (no (a))' : `${(100 * clientRatio).toFixed(1)}%`,
        '',
        '',
      ],
      [
        'server peak RSS (VmRSS / 50 ms)',
        `${b.serverPeakRssMb} MB`,
        `≤ ${targets.serverRssMb} MB`,
        mark(b.serverPeakRssMb <= targets.serverRssMb),
      ],
      ['server VmHWM (lifetime peak)', b.serverHwmMb === null ? 'n/a' : `${b.serverHwmMb} MB`, '', ''],
      ['whole process tree peak', `${b.treePeakRssMb} MB`, '', ''],
      [
        'push round trip p50 / p95 / max',
        `${fmtMs(b.push.p50Ms)} / ${fmtMs(b.push.p95Ms)} / ${fmtMs(b.push.maxMs)}`,
        '',
        '',
      ],
      ['total time', fmtMs(b.wallMs), '', ''],
      [
        'pushes / rejected items',
        `${fmtInt(b.batches)} / ${fmtInt(b.rejected)}`,
        '',
        b.rejected === 0 ? '' : mark(false),
      ],
      [
        'stored rows / waits / answered',
        `${fmtInt(b.stored)} / ${fmtInt(b.waits)} / ${fmtInt(b.answered)}`,
        '',
        mark(b.stored === b.rows && b.waits > 0),
      ],
      ...(a
        ? [
            [
              'same waits / answered as (a) all 33',
              `${fmtInt(a.stored.waits)} / ${fmtInt(a.stored.answered)}`,
              '',
              mark(a.stored.waits === b.waits && a.stored.answered === b.answered),
            ],
          ]
        : []),
    ]),
  );
  for (const r of b.rejectedSample) console.log(`  rejected: ${r}`);
  return { ratio, clientRatio };
}

function printC(c: DashboardResult, calls: number) {
  const l = c.load;
  console.log(
    `\n(c) dashboard — ${fmtInt(l.rows)} interactions across ${l.orgs} orgs; one org's 90-day window, ${calls} calls each after 2 untimed`,
  );
  console.log(
    `  load: ${fmtMs(l.loadMs)} (${fmtInt(round((l.rows * 1000) / l.loadMs, 0))} rows/s; generate + derive ${fmtMs(l.deriveMs)}, insert ${fmtMs(l.insertMs)}, rebuild indexes ${fmtMs(l.indexMs)}); ${fmtInt(l.waits)} waits derived`,
  );
  console.log(
    `  window: ${fmtInt(c.orgRowsInWindow)} interactions, ${fmtInt(c.waitsInWindow)} waits of the measured org; server started in ${fmtMs(c.serverStartMs)}`,
  );
  const row = (name: string, q: DashboardResult['totals']) => [
    name,
    `${fmtMs(q.http.p50Ms)} / ${fmtMs(q.http.p95Ms)}`,
    mark(q.http.p95Ms <= targets.dashboardP95Ms),
    `${fmtMs(q.sql.p50Ms)} / ${fmtMs(q.sql.p95Ms)}`,
    q.sameFigures ? '✓ same figures' : `✗ ${q.mismatch}`,
  ];
  console.log(
    table([
      [
        'query',
        `HTTP p50 / p95 (target p95 ≤ ${targets.dashboardP95Ms} ms)`,
        '',
        'plain SQL p50 / p95',
        'server vs SQL',
      ],
      row('metrics.responseTimes by type (working)', c.responseTimes),
      row('metrics.totals by type × channel', c.totals),
    ]),
  );
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
  const cpu = cpus();
  console.log(
    `comms-log bench — ${new Date().toISOString()} · node ${process.version} · ${cpu.length} × ${cpu[0]?.model.trim() ?? 'cpu'} · load ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')} · ${options.quick ? 'quick' : 'full'}`,
  );
  const summary: Record<string, unknown> = {
    bench: 'comms-log',
    at: new Date().toISOString(),
    mode: options.quick ? 'quick' : 'full',
    node: process.version,
    cpus: cpu.length,
  };
  try {
    if (options.only.has('a') || options.only.has('b')) {
      const d = describeData(data);
      console.log(`data (a)/(b): ${d.line}`);
    }

    let a: { stored: RawUpsertResult; client: RawUpsertResult } | null = null;
    if (options.only.has('a')) {
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
      a = { stored, client };
      summary.a = {
        rows: data.rows,
        storedRowsPerSecAt500: stored.rowsPerSec,
        clientColumnsRowsPerSecByTx: Object.fromEntries([client, ...larger].map((r) => [r.txRows, r.rowsPerSec])),
      };
    }

    if (options.only.has('b')) {
      progress(`(b) sync.push of ${fmtInt(data.rows)} rows over HTTP`);
      const cpuProfileDir = options.cpuProf ? join(dir, 'cpu-prof') : undefined;
      const b = await syncPushBench(dir, data, { batchSize: 500, cpuProfileDir, nodeArgs: options.serverNodeArgs });
      const { ratio, clientRatio } = printB(b, a, options.serverNodeArgs);
      summary.b = {
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
        rejected: b.rejected,
        stored: b.stored,
        waits: b.waits,
        answered: b.answered,
      };
      if (cpuProfileDir) {
        const hot = hotFunctions(cpuProfileDir, 25);
        console.log(
          `\n  server CPU profile (the server process from start to stop, setup included): ${fmtMs(hot.totalMs)} busy; functions by share of busy time on the stack (inclusive / self):`,
        );
        console.log(
          table(
            hot.functions.map((f) => [`${f.inclusivePct}%`, `${f.selfPct}%`, f.name]),
            ['r', 'r', 'l'],
            '    ',
          ),
        );
      }
    }

    if (options.only.has('c')) {
      progress(
        `(c) bulk load of ${fmtInt(options.dashboardRows)} rows across ${options.orgs} orgs, then ${options.calls} calls per query`,
      );
      const c = await dashboardBench(dir, {
        orgCount: options.orgs,
        totalRows: options.dashboardRows,
        calls: options.calls,
        seed: options.seed,
        endMs,
      });
      printC(c, options.calls);
      summary.c = {
        orgs: c.load.orgs,
        rows: c.load.rows,
        loadMs: round(c.load.loadMs, 0),
        windowRows: c.orgRowsInWindow,
        windowWaits: c.waitsInWindow,
        responseTimes: {
          httpP50Ms: c.responseTimes.http.p50Ms,
          httpP95Ms: c.responseTimes.http.p95Ms,
          sqlP50Ms: c.responseTimes.sql.p50Ms,
          sqlP95Ms: c.responseTimes.sql.p95Ms,
          targetMet: c.responseTimes.http.p95Ms <= targets.dashboardP95Ms,
          sameFigures: c.responseTimes.sameFigures,
        },
        totals: {
          httpP50Ms: c.totals.http.p50Ms,
          httpP95Ms: c.totals.http.p95Ms,
          sqlP50Ms: c.totals.sql.p50Ms,
          sqlP95Ms: c.totals.sql.p95Ms,
          targetMet: c.totals.http.p95Ms <= targets.dashboardP95Ms,
          sameFigures: c.totals.sameFigures,
        },
      };
    }
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
