import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { serverDir } from './paths';

/** A free TCP port on 127.0.0.1 (so the server can be restarted on the same one). */
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

const tsxBin = resolve(serverDir, 'node_modules/.bin/tsx');

/** Run the server CLI against a database; returns stdout. Throws with stderr on failure. */
export async function runCli(databaseUrl: string, args: string[]): Promise<string> {
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
    child.on('exit', (code) =>
      code === 0 ? ok(out) : fail(new Error(`cli ${args.join(' ')} exited ${code}:\n${err}${out}`)),
    );
  });
}

/** Wait until a spawned server answers `/healthz`; kill it and throw with its output if it exits or times out. */
export async function waitForHealthz(
  child: ChildProcess,
  url: string,
  output: () => string,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output()}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not answer /healthz within ${timeoutMs / 1000} s:\n${output()}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

export interface ServerProcess {
  url: string;
  port: number;
  output(): string;
  stop(): Promise<void>;
}

/** Start the real server (`src/index.ts`) as its own process on 127.0.0.1 and wait for /healthz. */
export async function startServer(opts: {
  port: number;
  databaseUrl: string;
  env?: Record<string, string>;
}): Promise<ServerProcess> {
  const child: ChildProcess = spawn(tsxBin, ['src/index.ts'], {
    cwd: serverDir,
    env: { ...process.env, PORT: String(opts.port), HOST: '127.0.0.1', DATABASE_URL: opts.databaseUrl, ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout!.on('data', (d) => (log += d));
  child.stderr!.on('data', (d) => (log += d));
  const url = `http://127.0.0.1:${opts.port}`;
  await waitForHealthz(child, url, () => log, 30_000);
  return {
    url,
    port: opts.port,
    output: () => log,
    stop: () =>
      new Promise<void>((ok) => {
        if (child.exitCode !== null) return ok();
        child.once('exit', () => ok());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
      }),
  };
}
