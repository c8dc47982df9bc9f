import { execSync, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { scriptProcess } from './rss';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const serverDir = fileURLToPath(new URL('../../server/', import.meta.url));

// One copy of these for the e2e tests and the benchmark.
export { freePort, runCli } from '../e2e/harness/server-process';
import { freePort, waitForHealthz } from '../e2e/harness/server-process';

export interface ServerProcess {
  url: string;
  /** The process we spawned. */
  rootPid: number;
  /** The node process that runs the server (the one we spawned). */
  serverPid: number;
  output(): string;
  stop(): Promise<void>;
}

/**
 * Start the real server as its own process on 127.0.0.1 the way `pnpm start` does — server/package.json's
 * start script is `<build> && node <flags> dist/index.js`: run the build, then that node command with our extra
 * node flags (profiling, heap limits) — wait for /healthz, and find the node process that runs it.
 */
export async function startServer(opts: {
  databaseUrl: string;
  cpuProfileDir?: string | undefined;
  nodeArgs?: readonly string[] | undefined;
}): Promise<ServerProcess> {
  const port = await freePort();
  const nodeArgs = [
    ...(opts.nodeArgs ?? []),
    ...(opts.cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${opts.cpuProfileDir}`] : []),
  ];
  const start = (JSON.parse(readFileSync(`${serverDir}package.json`, 'utf8')) as { scripts: { start: string } }).scripts
    .start;
  const steps = start.split('&&').map((s) => s.trim());
  const [node, ...rest] = steps.pop()!.split(/\s+/);
  let script = rest.pop();
  if (node !== 'node' || !script) throw new Error(`server start script is not "… && node [flags] <file>": ${start}`);
  // BENCH_SERVER_OUT=<dir> builds into a folder of one's own (server/<dir>), out of the way of other builds of dist/.
  const out = process.env.BENCH_SERVER_OUT;
  if (out) script = script.replace(/^dist\//, `${out}/`);
  for (const step of steps) execSync(out ? `${step} ${out}` : step, { cwd: serverDir, stdio: 'pipe' });
  const child = spawn(process.execPath, [...rest, ...nodeArgs, script], {
    cwd: serverDir,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: opts.databaseUrl },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout.on('data', (d) => (log += d));
  child.stderr.on('data', (d) => {
    log += d;
    // BENCH_SERVER_STDERR=1 passes the server's own error output through (e.g. timing lines added while profiling).
    if (process.env.BENCH_SERVER_STDERR) process.stderr.write(d);
  });
  const url = `http://127.0.0.1:${port}`;
  await waitForHealthz(child, url, () => log, 60_000);
  const serverPid = scriptProcess(child.pid!, script);
  if (serverPid === null) {
    child.kill('SIGKILL');
    throw new Error(`could not find the node process running ${script} under pid ${child.pid}`);
  }
  return {
    url,
    rootPid: child.pid!,
    serverPid,
    output: () => log,
    stop: () =>
      new Promise<void>((ok) => {
        if (child.exitCode !== null) return ok();
        const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('exit', () => {
          clearTimeout(killer);
          ok();
        });
        child.kill('SIGTERM');
      }),
  };
}

/** CPU seconds (user + system) of each thread of process `pid`, by thread id, from /proc/<pid>/task/<tid>/stat. */
export function threadCpuSeconds(pid: number): Map<number, number> {
  const ticks = 100; // USER_HZ on Linux
  const out = new Map<number, number>();
  let tids: string[] = [];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return out;
  }
  for (const tid of tids) {
    try {
      // The fields after the command name (which may hold spaces) in ")": utime and stime are the 12th and 13th.
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(Number(tid), (Number(fields[11]) + Number(fields[12])) / ticks);
    } catch {
      // The thread ended meanwhile.
    }
  }
  return out;
}

/** A server's CPU seconds between two {@link threadCpuSeconds} readings: its main thread, its busiest other thread (the push writer), the rest. */
export interface ServerCpu {
  mainS: number;
  writerS: number;
  otherS: number;
}

export function serverCpuBetween(pid: number, before: Map<number, number>, after: Map<number, number>): ServerCpu {
  const spent = [...after].map(([tid, s]) => ({ tid, s: s - (before.get(tid) ?? 0) }));
  const main = spent.find((t) => t.tid === pid)?.s ?? 0;
  const others = spent.filter((t) => t.tid !== pid).sort((a, b) => b.s - a.s);
  const writer = others[0]?.s ?? 0;
  const rest = others.slice(1).reduce((sum, t) => sum + t.s, 0);
  const r = (x: number) => Math.round(x * 100) / 100;
  return { mainS: r(main), writerS: r(writer), otherS: r(rest) };
}
