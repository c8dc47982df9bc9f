/*
 * (d) the period report of one large org, in process on the server's own service: `--report-rows` interactions
 * (default 200,000) over 200 days loaded like (c), then the whole 200 days' report built `runs` times (after one
 * untimed run). The database is kept in `dir` and reused when it already holds the same size.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { authenticate } from '../../server/src/auth/tokens';
import { createDb, migrateDb } from '../../server/src/db/client';
import { periodReport } from '../../server/src/services/reports/period-report';
import { bulkLoad } from './bulk-load';
import { fmtInt, fmtMs, mark, table } from './report';
import { type StatementCost, statementCosts } from './statement-cpu';
import { type LatencyStats, latencyStats, timeRuns } from './stats';

const DAY = 86_400_000;
const PERIOD_DAYS = 200;

export interface ReportBenchResult {
  rows: number;
  loadMs: number | null;
  /** Interactions in the report's period. */
  total: number;
  report: LatencyStats;
  /** CPU time of the process per report (user + system), median: on a loaded machine wall time mostly waits. */
  cpuP50Ms: number;
  /** One more report's SQL by statement, most CPU first; the rest of its CPU is JavaScript. */
  statements: StatementCost[];
  statementsReportCpuMs: number;
}

/** Loads the org unless `dir` already holds it; returns the manager's token and how long loading took. */
async function ensureLoaded(dir: string, rows: number, endMs: number, seed: number) {
  const tokenFile = join(dir, `report-${rows}.token`);
  const url = `file:${join(dir, `report-${rows}.db`)}`;
  if (existsSync(tokenFile)) return { url, token: readFileSync(tokenFile, 'utf8'), loadMs: null };
  const handle = await createDb(url);
  await migrateDb(handle.db);
  const { load, measured } = await bulkLoad(handle, {
    orgCount: 1,
    totalRows: rows,
    startMs: endMs - PERIOD_DAYS * DAY,
    endMs,
    seed,
  });
  handle.close();
  writeFileSync(tokenFile, measured.managerToken);
  return { url, token: measured.managerToken, loadMs: load.loadMs };
}

export async function periodReportBench(
  dir: string,
  opts: { rows: number; runs: number; seed: number; endMs: number },
): Promise<ReportBenchResult> {
  const { url, token, loadMs } = await ensureLoaded(dir, opts.rows, opts.endMs, opts.seed);
  const handle = await createDb(url);
  try {
    const user = await authenticate(handle.db, token);
    if (!user) throw new Error(`no manager token for ${url}`);
    const input = {
      filter: { from: new Date(opts.endMs - PERIOD_DAYS * DAY).toISOString(), to: new Date(opts.endMs).toISOString() },
      language: 'en' as const,
    };
    const ctx = { db: handle.db, user, now: opts.endMs };
    const first = await periodReport(ctx, input);
    const cpu: number[] = [];
    const report = await timeRuns(
      opts.runs,
      async () => {
        const c0 = process.cpuUsage();
        await periodReport(ctx, input);
        const c = process.cpuUsage(c0);
        cpu.push((c.user + c.system) / 1000);
      },
      0,
    );
    const c0 = process.cpuUsage();
    const statements = await statementCosts(handle.client, () => periodReport(ctx, input));
    const c = process.cpuUsage(c0);
    return {
      rows: opts.rows,
      loadMs,
      total: first.overview.total,
      report,
      cpuP50Ms: latencyStats(cpu).p50Ms,
      statements,
      statementsReportCpuMs: (c.user + c.system) / 1000,
    };
  } finally {
    handle.close();
  }
}

export const REPORT_TARGET_MS = 500;

/** (d)'s table, its target marked, and its part of the JSON summary. */
export function printReportBench(r: ReportBenchResult) {
  console.log(
    `\n(d) period report — one org, ${fmtInt(r.rows)} interactions over ${PERIOD_DAYS} days (${fmtInt(r.total)} in the report's period), reports.period's service in process${r.loadMs === null ? '' : `; loaded in ${fmtMs(r.loadMs)}`}`,
  );
  console.log(
    table([
      ['', 'p50', 'p95', 'CPU p50', 'target', ''],
      [
        `full report, ${r.report.runs} runs`,
        fmtMs(r.report.p50Ms),
        fmtMs(r.report.p95Ms),
        fmtMs(r.cpuP50Ms),
        `≤ ${REPORT_TARGET_MS} ms`,
        mark(r.report.p50Ms <= REPORT_TARGET_MS),
      ],
    ]),
  );
  const sqlMs = r.statements.reduce((sum, st) => sum + st.cpuMs, 0);
  console.log(
    `  one more report, timed by statement: ${fmtMs(r.statementsReportCpuMs)} CPU, of which SQL ${fmtMs(sqlMs)} (${r.statements.reduce((n, st) => n + st.calls, 0)} statements); the costliest:`,
  );
  console.log(
    table(
      r.statements.slice(0, 6).map((st) => [fmtMs(st.cpuMs), `×${st.calls}`, st.label]),
      ['r', 'r', 'l'],
      '    ',
    ),
  );
  return {
    rows: r.rows,
    p50Ms: r.report.p50Ms,
    p95Ms: r.report.p95Ms,
    cpuP50Ms: r.cpuP50Ms,
    sqlCpuMs: Math.round(sqlMs),
    targetMet: r.report.p50Ms <= REPORT_TARGET_MS,
  };
}
