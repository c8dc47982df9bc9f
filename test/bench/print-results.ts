/** The sections of the bench's printed report: (a), (b) and (c) as tables, with their targets marked. */
import type { hotFunctions } from './cpu-profile';
import type { DashboardResult } from './dashboard';
import type { RawUpsertResult } from './raw-upsert';
import { fmtInt, fmtMs, mark, table } from './report';
import { round } from './stats';
import type { SyncPushResult } from './sync-push';

export const targets = { ratio: 0.5, serverRssMb: 200, dashboardP95Ms: 50, extractMs: 5 };

/** (a)'s two runs at 500-row transactions: the rows as (b) stores them, and the client's columns only. */
export interface RawPair {
  stored: RawUpsertResult;
  client: RawUpsertResult;
}

const columnsLabel = {
  stored: 'all 33 (rows as (b) stores them)',
  client: "the client's 24 (derived at defaults)",
} as const;

export function printA(results: RawUpsertResult[]) {
  console.log(
    `\n(a) raw libSQL upsert — server migrations on a fresh file, multi-row INSERT … ON CONFLICT(id) DO UPDATE, 500 rows/statement`,
  );
  console.log(
    table(
      [
        ['columns written', 'transaction', 'rows/s', 'time in libSQL', 'CPU'],
        ...results.map((r) => [
          columnsLabel[r.columns],
          `${fmtInt(r.txRows)} rows${r.txRows === 500 ? ' (as (b))' : ''}`,
          fmtInt(r.rowsPerSec),
          fmtMs(r.dbMs),
          fmtMs(r.cpuMs),
        ]),
      ],
      ['l', 'l', 'r', 'r', 'r'],
    ),
  );
}

export function printB(b: SyncPushResult, a: RawPair | null, nodeArgs: string[]) {
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
        'server CPU: main thread / push writer / rest',
        `${b.cpu.mainS} / ${b.cpu.writerS} / ${b.cpu.otherS} s (${fmtMs((1000 * (b.cpu.mainS + b.cpu.writerS + b.cpu.otherS)) / b.batches)} a push)`,
        '',
        '',
      ],
      ...(a
        ? [["(a)'s CPU (all 33) / the push writer's", `${(a.stored.cpuMs / (10 * b.cpu.writerS)).toFixed(1)}%`, '', '']]
        : []),
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

export function printC(c: DashboardResult, calls: number) {
  const l = c.load;
  console.log(
    `\n(c) dashboard — one org of ${fmtInt(l.rows)} interactions over ${c.spanDays} days; every query of the overview and threads pages for its last 90 days, ${calls} calls each after 2 untimed`,
  );
  console.log(
    l.loadMs === 0
      ? '  load: none (--dashboard-db: the database an earlier run loaded)'
      : `  load: ${fmtMs(l.loadMs)} (${fmtInt(round((l.rows * 1000) / l.loadMs, 0))} rows/s; generate + derive ${fmtMs(l.deriveMs)}, insert with the day-count triggers ${fmtMs(l.insertMs)}, rebuild indexes ${fmtMs(l.indexMs)}); ${fmtInt(l.waits)} waits derived`,
  );
  console.log(
    `  window: ${fmtInt(c.orgRowsInWindow)} interactions, ${fmtInt(c.waitsInWindow)} waits; server started in ${fmtMs(c.serverStartMs)}`,
  );
  const row = (q: DashboardResult['queries'][number]) => [
    q.name,
    `${fmtMs(q.http.p50Ms)} / ${fmtMs(q.http.p95Ms)}`,
    mark(q.http.p95Ms <= targets.dashboardP95Ms),
    q.sql ? `${fmtMs(q.sql.p50Ms)} / ${fmtMs(q.sql.p95Ms)}` : '—',
    q.sameFigures === null ? 'no plain-SQL twin' : q.sameFigures ? '✓ same figures' : `✗ ${q.mismatch}`,
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
      ...c.queries.map(row),
    ]),
  );
}

/** The server's hottest functions from its CPU profile during (b). */
export function printHotFunctions(hot: ReturnType<typeof hotFunctions>): void {
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
