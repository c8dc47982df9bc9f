import { join } from 'node:path';
import { trpcClient } from './client';
import { provision } from './concurrent-push';
import { generateInteractions, inBatches, makeDirectory } from './generate';
import { fmtMs, mark, table } from './report';
import { pushItem } from './rows';
import { startServer } from './server-process';
import { latencyStats, type LatencyStats } from './stats';
import { largeReportBeside, reportBeside } from './report-beside';
import { createStakeholders } from './sync-push';

const DAY = 86_400_000;
export const importTargets = { previewMs: 2_000, besideP95Ms: 200 };
/** Interactions the org holds when (g) recomputes its plan. */
const RECOMPUTE_ROWS = 20_000;

interface JobFigures {
  ms: number;
  healthz: LatencyStats;
  read: LatencyStats;
  push: LatencyStats;
}

/** The allowed maximum: 10,000 rows, each a new stakeholder with an e-mail address and a domain. */
function bigCsv(): string {
  const lines = ['name,type,emails,domains'];
  for (let i = 0; i < 10_000; i++) lines.push(`Import ${i},customer,desk${i}@imp${i}.cn,imp${i}.cn`);
  return lines.join('\n');
}

/**
 * Time `job`, calling /healthz, a manager read and a 20-item push, each in a loop of its own, until it ends; a call
 * counts when it started before the job ended, however long it then waited.
 */
async function beside(job: () => Promise<unknown>, calls: Record<'healthz' | 'read' | 'push', () => Promise<unknown>>) {
  const samples = { healthz: [] as number[], read: [] as number[], push: [] as number[] };
  let done = false;
  let ms = 0;
  const t0 = performance.now();
  const running = job().finally(() => {
    ms = performance.now() - t0;
    done = true;
  });
  // Each caller on its own, so a push waiting for the import does not stop /healthz and the read being sampled.
  await Promise.all(
    (Object.entries(calls) as [keyof typeof samples, () => Promise<unknown>][]).map(async ([name, call]) => {
      while (!done) {
        const t = performance.now();
        await call();
        samples[name].push(performance.now() - t);
      }
    }),
  );
  await running;
  return {
    ms,
    healthz: latencyStats(samples.healthz),
    read: latencyStats(samples.read),
    push: latencyStats(samples.push),
  };
}

/** (g)'s report build: its figures and the interactions its year held. */
interface ReportFigures extends JobFigures {
  total: number;
}

/** 20-item pushes of a 30-day stream of interactions with `directory`'s stakeholders, ids `stakeholderIds`. */
function pushBatches(seed: number, stakeholderIds: string[]) {
  const directory = makeDirectory(seed, 20, 2);
  const endMs = Math.floor(Date.now() / DAY) * DAY;
  const gen = generateInteractions({ seed, count: 1_000_000, startMs: endMs - 30 * DAY, endMs, directory });
  return inBatches(
    (function* () {
      for (const g of gen) yield pushItem(g, { stakeholderIds });
    })(),
    20,
  );
}

/** What (g)'s recompute changed, and what a from-scratch recompute (a dry run) would still change after it. */
interface RecomputeFigures extends JobFigures {
  changed: number;
  differences: number;
}

/**
 * Lengthen every response-time limit by an hour, so that the recompute rewrites the waits, then recompute while the
 * calls run (pushes land between its chunks) and ask for a dry run afterwards: it must find nothing to change.
 */
async function recomputeBeside(
  manager: ReturnType<typeof trpcClient>,
  calls: Parameters<typeof beside>[1],
): Promise<RecomputeFigures> {
  const { plan } = await manager.plan.get.query();
  await manager.plan.update.mutate({
    sla: plan.sla.map((r) => ({ ...r, limit: { ...r.limit, value: r.limit.value + 1 } })),
  });
  let changed = 0;
  const figures = await beside(async () => {
    changed = (await manager.plan.recompute.mutate()).changed;
  }, calls);
  const differences = (await manager.plan.recomputePreview.query()).changed;
  return { ...figures, changed, differences };
}

/** Push RECOMPUTE_ROWS interactions from their own stream, 500 at a time, so that the recompute has work. */
async function fillForRecompute(staff: ReturnType<typeof trpcClient>, seed: number, stakeholderIds: string[]) {
  const directory = makeDirectory(seed + 1, 20, 2);
  const endMs = Math.floor(Date.now() / DAY) * DAY;
  const gen = generateInteractions({
    seed: seed + 1,
    count: RECOMPUTE_ROWS,
    startMs: endMs - 60 * DAY,
    endMs,
    directory,
  });
  const items = (function* () {
    for (const g of gen) yield pushItem(g, { stakeholderIds });
  })();
  for (const batch of inBatches(items, 500)) await staff.sync.push.mutate({ items: batch });
}

/**
 * (g) A 10,000-row stakeholder import over HTTP, previewed then applied, then a plan recompute of an org holding
 * RECOMPUTE_ROWS interactions, while /healthz, a manager's directory.list and a staff member's 20-item push are
 * called one after another: the job's time and their p95.
 */
export async function importBesideBench(dir: string, seed: number): Promise<ImportBeside> {
  const databaseUrl = `file:${join(dir, 'import.db')}`;
  const ids = await provision(databaseUrl, 1);
  const server = await startServer({ databaseUrl });
  try {
    const manager = trpcClient(server.url, ids.managerToken);
    const staff = trpcClient(server.url, ids.staffTokens[0]!);
    const directory = makeDirectory(seed, 20, 2);
    const stakeholderIds = await createStakeholders(manager, directory);
    const batches = pushBatches(seed, stakeholderIds);
    const calls = {
      healthz: () => fetch(`${server.url}/healthz`).then((r) => r.json()),
      read: () => manager.directory.list.query({}),
      push: () => staff.sync.push.mutate({ items: batches.next().value! }),
    };
    const csv = bigCsv();
    const preview = await beside(() => manager.directory.importCsv.mutate({ csv, dryRun: true }), calls);
    const apply = await beside(() => manager.directory.importCsv.mutate({ csv, dryRun: false }), calls);
    await fillForRecompute(staff, seed, stakeholderIds);
    const recompute = await recomputeBeside(manager, calls);
    const report = await reportBeside(beside, manager, Math.floor(Date.now() / DAY) * DAY, calls);
    await server.stop();
    return { preview, apply, recompute, report, largeReport: await largeReport(seed) };
  } finally {
    await server.stop();
  }
}

/** The report build on BENCH_G_REPORT_DB's org (report-beside.ts), when it names a database file. */
function largeReport(seed: number): Promise<ReportFigures> | null {
  const path = process.env.BENCH_G_REPORT_DB;
  return path ? largeReportBeside(beside, path, (ids) => pushBatches(seed, ids)) : null;
}

interface ImportBeside {
  preview: JobFigures;
  apply: JobFigures;
  recompute: RecomputeFigures;
  report: ReportFigures;
  largeReport: ReportFigures | null;
}

/** (g)'s table; returns its JSON summary. */
export function printImportBeside(g: ImportBeside) {
  const t = importTargets;
  console.log(
    '\n(g) a 10,000-row stakeholder import and a plan recompute over HTTP, with /healthz, a read and a push called meanwhile',
  );
  const row = (label: string, f: JobFigures, target: number | null) => [
    [label, fmtMs(f.ms), target === null ? '' : `≤ ${fmtMs(target)}`, target === null ? '' : mark(f.ms <= target)],
    ...(['healthz', 'read', 'push'] as const).map((k) => [
      `  ${k} p95 meanwhile (${f[k].runs} calls)`,
      f[k].runs ? fmtMs(f[k].p95Ms) : 'none answered',
      `≤ ${t.besideP95Ms} ms`,
      mark(f[k].runs > 0 && f[k].p95Ms <= t.besideP95Ms),
    ]),
  ];
  console.log(
    table([
      ['', 'figure', 'target', ''],
      ...row('preview (dry run)', g.preview, t.previewMs),
      ...row('apply', g.apply, null),
      ...row(`plan recompute (${RECOMPUTE_ROWS.toLocaleString('en')}+ interactions)`, g.recompute, null),
      [
        `  rows changed ${g.recompute.changed}; a recompute afterwards would change`,
        `${g.recompute.differences}`,
        '0',
        mark(g.recompute.differences === 0),
      ],
      ...row(`a year's period report (${g.report.total.toLocaleString('en')} interactions)`, g.report, null),
      ...(g.largeReport
        ? row(`… of BENCH_G_REPORT_DB (${g.largeReport.total.toLocaleString('en')} in its year)`, g.largeReport, null)
        : []),
    ]),
  );
  const summary = (f: JobFigures) => ({
    ms: Math.round(f.ms),
    healthzP95Ms: f.healthz.p95Ms,
    readP95Ms: f.read.p95Ms,
    pushP95Ms: f.push.p95Ms,
  });
  return {
    preview: summary(g.preview),
    apply: summary(g.apply),
    recompute: { ...summary(g.recompute), changed: g.recompute.changed, differences: g.recompute.differences },
    report: summary(g.report),
    largeReport: g.largeReport && { ...summary(g.largeReport), total: g.largeReport.total },
  };
}
