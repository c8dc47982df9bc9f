import { join } from 'node:path';
import type { PushItem } from '@comms-log/shared';
import { issueToken } from '../../server/src/auth/tokens';
import { createDb, migrateDb } from '../../server/src/db/client';
import { recomputeOrg } from '../../server/src/services/derive/recompute';
import { currentPlan } from '../../server/src/services/plans';
import { createBenchOrg } from './bench-org';
import { trpcClient, type BenchClient } from './client';
import { generateInteractions, inBatches } from './generate';
import type { DataSpec } from './raw-upsert';
import { pushItem } from './rows';
import { serverCpuBetween, startServer, threadCpuSeconds, type ServerCpu, type ServerProcess } from './server-process';
import { latencyStats, rate, type LatencyStats } from './stats';
import { storedCounts } from './stored-counts';
import { createStakeholders } from './sync-push';

export interface ConcurrentPushResult {
  clients: number;
  servers: number;
  rows: number;
  wallMs: number;
  rowsPerSec: number;
  push: LatencyStats;
  responseTimes: LatencyStats;
  totals: LatencyStats;
  rejected: number;
  stored: number;
  /** Rows whose stored derived fields differ from a from-scratch recompute (0 when pairing under load is right). */
  recomputeChanged: number;
  /** The first server process's CPU seconds while the pushes ran, by thread. */
  cpu: ServerCpu;
}

const HOUR = 3_600_000;

/** An org with `clients` staff members and a manager, and a token each, written before any server starts. */
export async function provision(databaseUrl: string, clients: number) {
  const handle = await createDb(databaseUrl);
  try {
    await migrateDb(handle.db);
    const users = [
      ...Array.from({ length: clients }, (_, i) => ({
        name: `Staff ${i}`,
        email: `staff${i}@bench.example.com`,
        role: 'staff' as const,
      })),
      { name: 'Manager', email: 'manager@bench.example.com', role: 'manager' as const },
    ];
    const { orgId, userIds } = await createBenchOrg(handle.db, 'Bench concurrent', users, Date.now() - HOUR);
    const tokens: string[] = [];
    for (const userId of userIds) tokens.push((await issueToken(handle.db, { orgId, userId, name: 'bench' })).token);
    return { orgId, staffTokens: tokens.slice(0, clients), managerToken: tokens[clients]! };
  } finally {
    handle.close();
  }
}

/** The manager's dashboard reads, one after another until `done`: each call's round trip. */
async function managerReads(client: BenchClient, data: DataSpec, done: () => boolean) {
  const filter = { from: new Date(data.endMs - 90 * 24 * HOUR).toISOString(), to: new Date(data.endMs).toISOString() };
  const responseTimes: number[] = [];
  const totals: number[] = [];
  while (!done()) {
    let t = performance.now();
    await client.metrics.responseTimes.query({
      filter,
      groupBy: ['stakeholderType'],
      basis: 'working',
      asOf: filter.to,
    });
    responseTimes.push(performance.now() - t);
    t = performance.now();
    await client.metrics.totals.query({ filter, groupBy: ['stakeholderType', 'channel'] });
    totals.push(performance.now() - t);
  }
  return { responseTimes, totals };
}

/** `clients` pushers taking the next batch from one shared stream (so threads and stakeholders overlap). */
async function pushConcurrently(clients: BenchClient[], batches: Iterator<PushItem[]>) {
  const latencies: number[] = [];
  let rejected = 0;
  await Promise.all(
    clients.map(async (client) => {
      for (let next = batches.next(); !next.done; next = batches.next()) {
        const t = performance.now();
        const result = await client.sync.push.mutate({ items: next.value });
        latencies.push(performance.now() - t);
        rejected += result.rejected.length;
      }
    }),
  );
  return { latencies, rejected };
}

/**
 * (f) `clients` staff members pushing `batchSize`-item batches at once over HTTP to `servers` server processes on
 * one database file (clients dealt round-robin), while a manager reads metrics.responseTimes and metrics.totals;
 * then every row counted and the derived fields checked against a from-scratch recompute.
 */
export async function concurrentPushBench(
  dir: string,
  data: DataSpec,
  opts: { clients: number; servers: number; batchSize: number; cpuProfileDir?: string | undefined },
): Promise<ConcurrentPushResult> {
  const databaseUrl = `file:${join(dir, `concurrent-${opts.servers}.db`)}`;
  const ids = await provision(databaseUrl, opts.clients);
  const servers: ServerProcess[] = [];
  try {
    for (let i = 0; i < opts.servers; i++)
      servers.push(await startServer({ databaseUrl, cpuProfileDir: i === 0 ? opts.cpuProfileDir : undefined }));
    const url = (i: number) => servers[i % servers.length]!.url;
    const stakeholderIds = await createStakeholders(trpcClient(url(0), ids.managerToken), data.directory);
    const items = (function* () {
      for (const g of generateInteractions({ ...data, count: data.rows })) yield pushItem(g, { stakeholderIds });
    })();
    const pushers = ids.staffTokens.map((token, i) => trpcClient(url(i), token));
    let pushing = true;
    const cpuBefore = threadCpuSeconds(servers[0]!.serverPid);
    const t0 = performance.now();
    const reads = managerReads(trpcClient(url(0), ids.managerToken), data, () => !pushing);
    const pushed = await pushConcurrently(pushers, inBatches(items, opts.batchSize)).finally(() => {
      pushing = false;
    });
    const wallMs = performance.now() - t0;
    const cpu = serverCpuBetween(servers[0]!.serverPid, cpuBefore, threadCpuSeconds(servers[0]!.serverPid));
    const read = await reads;
    for (const s of servers) await s.stop();
    const check = await createDb(databaseUrl);
    try {
      const { plan } = await currentPlan(check.db, ids.orgId);
      const recompute = await recomputeOrg(check.db, ids.orgId, plan, { dryRun: true });
      return {
        clients: opts.clients,
        servers: opts.servers,
        rows: data.rows,
        wallMs,
        rowsPerSec: rate(data.rows, wallMs),
        push: latencyStats(pushed.latencies),
        responseTimes: latencyStats(read.responseTimes),
        totals: latencyStats(read.totals),
        rejected: pushed.rejected,
        stored: (await storedCounts(check.client)).rows,
        recomputeChanged: recompute.changed,
        cpu,
      };
    } finally {
      check.close();
    }
  } finally {
    for (const s of servers) await s.stop();
  }
}
