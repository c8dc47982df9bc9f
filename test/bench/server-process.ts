import { execSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
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
  const script = rest.pop();
  if (node !== 'node' || !script) throw new Error(`server start script is not "… && node [flags] <file>": ${start}`);
  for (const step of steps) execSync(step, { cwd: serverDir, stdio: 'pipe' });
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
