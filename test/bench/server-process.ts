import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { scriptProcess } from './rss';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const serverDir = fileURLToPath(new URL('../../server/', import.meta.url));
const tsxBin = fileURLToPath(new URL('../node_modules/.bin/tsx', import.meta.url));

/** A free TCP port on 127.0.0.1. */
export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => ok(port));
    });
  });
}

/** Run the server's CLI (`server/src/cli.ts`) on a database; resolves with stdout, rejects with its output. */
export function runCli(databaseUrl: string, args: string[]): Promise<string> {
  return new Promise((ok, fail) => {
    const child = spawn(tsxBin, ['src/cli.ts', ...args], {
      cwd: serverDir,
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', fail);
    child.on('exit', (code) => (code === 0 ? ok(out) : fail(new Error(`cli ${args.join(' ')} exited ${code}:\n${err}${out}`))));
  });
}

export interface ServerProcess {
  url: string;
  /** The tsx CLI process we spawned. */
  rootPid: number;
  /** The node process that runs src/index.ts (tsx's child). */
  serverPid: number;
  output(): string;
  stop(): Promise<void>;
}

/**
 * Start the real server (`tsx src/index.ts`) as its own process on 127.0.0.1, wait for /healthz, and find the
 * node process that actually runs it.
 */
export async function startServer(opts: { databaseUrl: string; cpuProfileDir?: string | undefined; nodeArgs?: readonly string[] | undefined }): Promise<ServerProcess> {
  const port = await freePort();
  // Node's own flags (profiling, heap limits) cannot go through tsx's CLI or NODE_OPTIONS (which refuses
  // --cpu-prof): then run node with tsx's loader directly — the same loader, without the CLI parent process.
  const nodeArgs = [...(opts.nodeArgs ?? []), ...(opts.cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${opts.cpuProfileDir}`] : [])];
  const [command, args] = nodeArgs.length ? [process.execPath, [...nodeArgs, '--import', 'tsx', 'src/index.ts']] : [tsxBin, ['src/index.ts']];
  const child = spawn(command, args, {
    cwd: serverDir,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: opts.databaseUrl },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout.on('data', (d) => (log += d));
  child.stderr.on('data', (d) => (log += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${log}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not answer /healthz within 60 s:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const serverPid = scriptProcess(child.pid!, 'src/index.ts');
  if (serverPid === null) {
    child.kill('SIGKILL');
    throw new Error(`could not find the node process running src/index.ts under pid ${child.pid}`);
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
