import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { trpcClient } from '../bench/client';
import { makeDirectory } from '../bench/generate';
import { createStakeholders } from '../bench/sync-push';
import { freePort } from '../e2e/harness/server-process';
import { checkStored, type Problems, type StoredChecks } from './checks';
import { type FaultProxy, startFaultProxy, type ProxyCounts } from './fault-proxy';
import { scheduleKills, type Kill } from './kill-schedule';
import type { SoakOptions } from './options';
import { provisionSoakOrg } from './provision';
import { compareLive, type FullPull, pullEverything } from './pull-check';
import { startServerControl, type ServerControl } from './server-control';
import { simClient, type SimClient } from './sim-client';
import { makeWorkload, type Workload } from './workload';

export interface SoakFigures {
  options: SoakOptions;
  items: number;
  upserts: number;
  deletes: number;
  /** Upserts the server acknowledged as merged into another row (the same site message logged twice). */
  merged: number;
  pushes: number;
  pulls: number;
  retries: number;
  /** Why syncs failed, summed over clients: an HTTP status, or "no answer". */
  failures: Record<string, number>;
  proxy: ProxyCounts;
  kills: Kill[];
  seconds: number;
  rejected: Problems;
  stored: Omit<StoredChecks, 'liveByUser'>;
  /** Every client's local copy and a full pull by each client and the admin, against the stored live rows. */
  pullMismatches: Problems;
  pullPages: number;
  unreadablePages: string[];
  dir: string | null;
}

// A fixed window (Asia/Shanghai working days): the same seed gives the same data on any day.
const START_MS = Date.parse('2026-05-04T00:00:00+08:00');
const END_MS = Date.parse('2026-08-31T00:00:00+08:00');

const sum = (clients: SimClient[], f: (c: SimClient) => number) => clients.reduce((s, c) => s + f(c), 0);

function mergeCounts(clients: SimClient[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const c of clients) for (const [k, n] of Object.entries(c.counts.failures)) out[k] = (out[k] ?? 0) + n;
  return out;
}

/** Every client logs its sessions and syncs after each; rejects when one gives up or the time limit passes. */
async function runClients(clients: SimClient[], workload: Workload, options: SoakOptions, signal: AbortController) {
  const limit = `the clients did not finish within ${options.timeLimitMs / 1000} s`;
  const timer = setTimeout(() => signal.abort(new Error(limit)), options.timeLimitMs);
  try {
    await Promise.all(
      clients.map(async (client, i) => {
        for (const session of workload.sessions[i]!) await client.logAndSync(session);
      }),
    );
  } catch (e) {
    signal.abort();
    throw e;
  } finally {
    clearTimeout(timer);
  }
}

/** A full pull by the admin and by every client, straight from the server, while it still runs. */
async function fullPulls(url: string, tokens: { admin: string; staff: string[] }) {
  const admin = await pullEverything(url, tokens.admin);
  const staff: FullPull[] = [];
  for (const token of tokens.staff) staff.push(await pullEverything(url, token));
  return { admin, staff };
}

/** Each client's local copy and the full pulls, against the stored live rows. */
function checkPulls(
  pulls: Awaited<ReturnType<typeof fullPulls>>,
  clients: SimClient[],
  staffIds: string[],
  liveByUser: Map<string, Set<string>>,
) {
  const mismatches: Problems = { count: 0, examples: [] };
  compareLive('the admin', pulls.admin.live, new Set([...liveByUser.values()].flatMap((s) => [...s])), mismatches);
  for (const [i, client] of clients.entries()) {
    const mine = liveByUser.get(staffIds[i]!) ?? new Set<string>();
    compareLive(`client ${i + 1}'s local copy`, client.liveInteractions(), mine, mismatches);
    compareLive(`client ${i + 1}'s full pull`, pulls.staff[i]!.live, mine, mismatches);
  }
  const all = [pulls.admin, ...pulls.staff];
  return {
    mismatches,
    unreadable: all.flatMap((p) => p.unreadable),
    pages: all.reduce((n, p) => n + p.pages, 0),
  };
}

/** The org through the CLI, the server started (handed to `started` at once, to be disposed), stakeholders, data. */
async function setUp(options: SoakOptions, databaseUrl: string, started: (s: ServerControl) => void) {
  const directory = makeDirectory(options.seed, options.stakeholders, options.clients);
  const { adminToken, staffTokens } = await provisionSoakOrg(databaseUrl, directory.users);
  const server = await startServerControl({ port: await freePort(), databaseUrl });
  started(server);
  const admin = trpcClient(server.url, adminToken);
  const orgId = (await admin.auth.whoami.query()).org.id;
  const staffIds: string[] = [];
  for (const t of staffTokens) staffIds.push((await trpcClient(server.url, t).auth.whoami.query()).user.id);
  const stakeholderIds = await createStakeholders(admin, directory);
  const workload = makeWorkload({ ...options, directory, stakeholderIds, startMs: START_MS, endMs: END_MS });
  return { server, adminToken, staffTokens, orgId, staffIds, workload };
}

/** The clients through the proxy while the server is killed; then one more sync each. */
async function runUnderFaults(
  options: SoakOptions,
  server: ServerControl,
  proxy: FaultProxy,
  tokens: string[],
  workload: Workload,
  abort: AbortController,
) {
  let acknowledged = 0;
  const clients = tokens.map((token, i) =>
    simClient({
      ...options,
      url: proxy.url,
      token,
      seed: options.seed * 1000 + i,
      signal: abort.signal,
      onApplied: (n) => {
        acknowledged += n;
      },
    }),
  );
  const kills = scheduleKills({ server, proxy, ...options, progress: () => acknowledged / workload.upserts });
  const t0 = performance.now();
  try {
    await runClients(clients, workload, options, abort);
  } finally {
    kills.stop();
  }
  const killed = await kills.done;
  // One more sync each, for what others' pushes changed after a client's last pull.
  await Promise.all(clients.map((c) => c.logAndSync([])));
  return { clients, killed, seconds: (performance.now() - t0) / 1000 };
}

/**
 * Sync under faults (README "Tests and benchmarks"): the real server as its own process on a temp libSQL file,
 * a proxy dropping a share of its answers after they were applied, kills during pushes with restarts on the same
 * file and port, and `clients` simulated extensions retrying as the extension does until everything is
 * acknowledged. Then the stored rows, the derived fields and every pull are checked. `progress` gets a line now
 * and then.
 */
export async function runSoak(options: SoakOptions, progress: (line: string) => void = () => {}): Promise<SoakFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'comms-log-soak-'));
  const dbPath = join(dir, 'server.db');
  /** What the `finally` stops, as soon as it runs. */
  const running: { server?: ServerControl; proxy?: FaultProxy } = {};
  const abort = new AbortController();
  try {
    progress(`provisioning ${options.clients} staff through the CLI, building and starting the server`);
    const org = await setUp(options, `file:${dbPath}`, (s) => {
      running.server = s;
    });
    const { workload } = org;
    const proxy = await startFaultProxy({ target: org.server.url, drop: options.drop, seed: options.seed });
    running.proxy = proxy;
    progress(`${workload.upserts} upserts and ${workload.deletes} deletes by ${options.clients} clients`);
    const run = await runUnderFaults(options, org.server, proxy, org.staffTokens, workload, abort);
    const proxyCounts = proxy.counts();

    progress('checking every pull and the stored rows');
    const pulled = await fullPulls(org.server.url, { admin: org.adminToken, staff: org.staffTokens });
    await org.server.stop();
    const { liveByUser, ...stored } = await checkStored({
      dbPath,
      copyPath: join(dir, 'copy.db'),
      orgId: org.orgId,
      messages: workload.messages,
      storedAs: run.clients.map((c) => c.storedAs),
    });
    const pulls = checkPulls(pulled, run.clients, org.staffIds, liveByUser);
    const rejected = run.clients.flatMap((c) => c.counts.rejected.map((r) => `${r.id}: ${r.reason}`));
    const { clients } = run;
    return {
      options,
      items: workload.messages.length,
      upserts: workload.upserts,
      deletes: workload.deletes,
      merged: sum(clients, (c) => [...c.storedAs].filter(([id, row]) => id !== row).length),
      pushes: sum(clients, (c) => c.counts.pushes),
      pulls: sum(clients, (c) => c.counts.pulls),
      retries: sum(clients, (c) => c.counts.retries),
      failures: mergeCounts(clients),
      proxy: proxyCounts,
      kills: run.killed,
      seconds: run.seconds,
      rejected: { count: rejected.length, examples: rejected.slice(0, 10) },
      stored,
      pullMismatches: pulls.mismatches,
      pullPages: pulls.pages,
      unreadablePages: pulls.unreadable,
      dir: options.keep ? dir : null,
    };
  } finally {
    abort.abort();
    await running.proxy?.close();
    await running.server?.dispose();
    if (!options.keep) rmSync(dir, { recursive: true, force: true });
  }
}
