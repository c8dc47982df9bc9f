import { join } from 'node:path';
import type { PushItem, PushResult } from '@comms-log/shared';
import { createDb } from '../../server/src/db/client';
import { trpcClient, type BenchClient } from './client';
import { generateInteractions, inBatches, type BenchDirectory } from './generate';
import type { DataSpec } from './raw-upsert';
import { pushItem } from './rows';
import { sampleRss } from './rss';
import {
  runCli,
  serverCpuBetween,
  type ServerCpu,
  type ServerProcess,
  startServer,
  threadCpuSeconds,
} from './server-process';
import { latencyStats, rate, type LatencyStats } from './stats';
import { storedCounts } from './stored-counts';

export interface SyncPushResult {
  rows: number;
  batches: number;
  batchSize: number;
  wallMs: number;
  rowsPerSec: number;
  /** Round trip of one push, as the client saw it. */
  push: LatencyStats;
  rejected: number;
  rejectedSample: string[];
  stored: number;
  waits: number;
  answered: number;
  /** Peak VmRSS of the server's node process sampled every 50 ms during the pushes, and its VmHWM after. */
  serverPeakRssMb: number;
  serverHwmMb: number | null;
  /** Peak summed VmRSS of the whole process tree (tsx CLI + server + esbuild), for context. */
  treePeakRssMb: number;
  rssSamples: number;
  /** The server's CPU seconds during the pushes, by thread (less sensitive to the machine's load than rows/s). */
  cpu: ServerCpu;
}

const mb = (kb: number) => Math.round(kb / 102.4) / 10;
const fmtSeconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const progress = (text: string) => process.stderr.write(`… ${text}\n`);

/** Stakeholders of the directory, created through `directory.create` (anyone may add one); their ids in order. */
export async function createStakeholders(client: BenchClient, directory: BenchDirectory): Promise<string[]> {
  const ids: string[] = [];
  for (const s of directory.stakeholders) {
    const created = await client.directory.create.mutate({
      name: s.name,
      type: s.type,
      tier: s.tier,
      organization: s.organization,
      identities: [
        { kind: 'email', value: s.email },
        { kind: 'weibo', value: s.weiboUid },
        { kind: 'jira', value: s.jiraAccount },
        { kind: 'phone', value: s.phone },
      ],
    });
    ids.push(created.id);
  }
  return ids;
}

/** An org (Asia/Shanghai, default plan), a staff user and its token, through the server's own CLI. */
async function provision(databaseUrl: string): Promise<string> {
  await runCli(databaseUrl, ['org:create', '--name', 'Bench sync', '--tz', 'Asia/Shanghai']);
  await runCli(databaseUrl, [
    'user:create',
    '--org',
    'Bench sync',
    '--email',
    'staff@bench.example.com',
    '--name',
    'Bench Staff',
    '--role',
    'staff',
  ]);
  const out = await runCli(databaseUrl, [
    'token:create',
    '--user',
    'staff@bench.example.com',
    '--org',
    'Bench sync',
    '--name',
    'bench',
  ]);
  const token = /\b(cl_[A-Za-z0-9_-]{20,})/.exec(out)?.[1];
  if (!token) throw new Error(`token:create printed no token:\n${out}`);
  return token;
}

/** The interactions as the extension pushes them, `batchSize` items a push, built as they are needed. */
function pushBatches(data: DataSpec, stakeholderIds: string[], batchSize: number): Generator<PushItem[]> {
  return inBatches(
    (function* () {
      for (const g of generateInteractions({
        seed: data.seed,
        count: data.rows,
        startMs: data.startMs,
        endMs: data.endMs,
        directory: data.directory,
      })) {
        yield pushItem(g, { stakeholderIds });
      }
    })(),
    batchSize,
  );
}

/**
 * Pushes every batch, one at a time; the next batch is built while the current push is in flight. Returns each
 * push's round trip, the pushes and what the server refused.
 */
async function pushAll(
  client: BenchClient,
  server: ServerProcess,
  batches: Generator<PushItem[]>,
  sizes: { rows: number; batchSize: number },
) {
  const latencies: number[] = [];
  let rejected = 0;
  const rejectedSample: string[] = [];
  let count = 0;
  const record = (result: PushResult) => {
    rejected += result.rejected.length;
    for (const r of result.rejected.slice(0, 3 - rejectedSample.length)) rejectedSample.push(`${r.id}: ${r.reason}`);
  };
  let next: IteratorResult<PushItem[]> = batches.next();
  const totalBatches = Math.ceil(sizes.rows / sizes.batchSize);
  while (!next.done) {
    const items = next.value;
    const started = performance.now();
    const inFlight = client.sync.push.mutate({ items });
    next = batches.next();
    let result: PushResult;
    try {
      result = await inFlight;
    } catch (e) {
      const tail = server.output().split('\n').slice(-20).join('\n');
      throw new Error(
        `push ${count + 1} of ${totalBatches} failed after ${fmtSeconds(performance.now() - started)}: ${e instanceof Error ? e.message : e}\nserver output (last lines):\n${tail}`,
      );
    }
    latencies.push(performance.now() - started);
    record(result);
    count++;
    if (count % Math.max(1, Math.round(totalBatches / 10)) === 0 && count < totalBatches) {
      const last = latencies.slice(-Math.round(totalBatches / 10));
      progress(
        `(b) ${count * sizes.batchSize} rows, last pushes ${fmtSeconds(Math.min(...last))}–${fmtSeconds(Math.max(...last))} each`,
      );
    }
  }
  return { latencies, count, rejected, rejectedSample };
}

/**
 * (b) The same interactions through `sync.push` over real HTTP on 127.0.0.1, `batchSize` items a push, to the
 * server running as its own process on a fresh file database. The next batch is built while the current push
 * is in flight, so the client's own work overlaps the server's.
 */
export async function syncPushBench(
  dir: string,
  data: DataSpec,
  options: { batchSize?: number; cpuProfileDir?: string | undefined; nodeArgs?: readonly string[] } = {},
): Promise<SyncPushResult> {
  const batchSize = options.batchSize ?? 500;
  const databaseUrl = `file:${join(dir, 'sync.db')}`;
  const token = await provision(databaseUrl);
  const server = await startServer({ databaseUrl, cpuProfileDir: options.cpuProfileDir, nodeArgs: options.nodeArgs });
  try {
    const client = trpcClient(server.url, token);
    const stakeholderIds = await createStakeholders(client, data.directory);
    const batches = pushBatches(data, stakeholderIds, batchSize);

    const sampler = sampleRss(server.serverPid, server.rootPid);
    const cpuBefore = threadCpuSeconds(server.serverPid);
    const t0 = performance.now();
    const pushed = await pushAll(client, server, batches, { rows: data.rows, batchSize });
    const wallMs = performance.now() - t0;
    const cpu = serverCpuBetween(server.serverPid, cpuBefore, threadCpuSeconds(server.serverPid));
    const rss = sampler.stop();
    await server.stop();

    const check = await createDb(databaseUrl);
    try {
      const stored = await storedCounts(check.client);
      return {
        rows: data.rows,
        batches: pushed.count,
        batchSize,
        wallMs,
        rowsPerSec: rate(data.rows, wallMs),
        push: latencyStats(pushed.latencies),
        rejected: pushed.rejected,
        rejectedSample: pushed.rejectedSample,
        stored: stored.rows,
        waits: stored.waits,
        answered: stored.answered,
        serverPeakRssMb: mb(rss.peakRssKb),
        serverHwmMb: rss.hwmKb === null ? null : mb(rss.hwmKb),
        treePeakRssMb: mb(rss.treePeakRssKb),
        rssSamples: rss.samples,
        cpu,
      };
    } finally {
      check.close();
    }
  } finally {
    await server.stop();
  }
}
