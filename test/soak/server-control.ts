import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { waitForHealthz } from '../e2e/harness/server-process';
import { serverDir } from '../e2e/harness/paths';

/** The real server as its own process on a fixed port and file, that can be killed and started again. */
export interface ServerControl {
  readonly url: string;
  /** Whether the server process is running (false between a kill and its restart). */
  readonly running: boolean;
  /** SIGKILL: no shutdown, no final checkpoint, whatever transaction is open is cut. */
  kill(): Promise<void>;
  /** Start it again on the same port and database file; resolves once /healthz answers. */
  start(): Promise<void>;
  /** SIGTERM, as an operator stops it (the server closes the database). */
  stop(): Promise<void>;
  /** Stop it and remove its build. */
  dispose(): Promise<void>;
  /** The output of every start so far, for a failure's message. */
  output(): string;
}

/**
 * The server built once with its own build script (`pnpm start` runs the same one; server/package.json) and run
 * by plain node: one process to kill, and a build that edits to server/src during the run cannot change under a
 * restart. It goes inside the server package (as its build test does), so that the bundle's one runtime import,
 * @libsql/client, resolves from its node_modules.
 */
async function buildServer(): Promise<{ dir: string; script: string }> {
  const cache = join(serverDir, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(join(cache, 'cl-soak-'));
  await promisify(execFile)(process.execPath, ['scripts/build.mjs', dir], { cwd: serverDir, timeout: 120_000 });
  return { dir, script: join(dir, 'index.js') };
}

const exited = (child: ChildProcess) =>
  new Promise<void>((ok) =>
    child.exitCode !== null || child.signalCode !== null ? ok() : child.once('exit', () => ok()),
  );

/** Build the server and start it on 127.0.0.1:`port` over `databaseUrl`. */
export async function startServerControl(opts: { port: number; databaseUrl: string }): Promise<ServerControl> {
  const build = await buildServer();
  const script = build.script;
  const url = `http://127.0.0.1:${opts.port}`;
  let log = '';
  let child: ChildProcess | null = null;

  const control: ServerControl = {
    url,
    get running() {
      return child !== null && child.exitCode === null && child.signalCode === null;
    },
    async start() {
      if (control.running) throw new Error('the server is already running');
      const started = spawn(process.execPath, [script], {
        cwd: serverDir,
        env: { ...process.env, PORT: String(opts.port), HOST: '127.0.0.1', DATABASE_URL: opts.databaseUrl },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      started.stdout.on('data', (d) => (log += d));
      started.stderr.on('data', (d) => (log += d));
      child = started;
      await waitForHealthz(started, url, () => log, 30_000);
    },
    async kill() {
      if (!child) return;
      child.kill('SIGKILL');
      await exited(child);
    },
    async stop() {
      if (!child || !control.running) return;
      const stopping = child;
      const killer = setTimeout(() => stopping.kill('SIGKILL'), 10_000);
      stopping.kill('SIGTERM');
      await exited(stopping);
      clearTimeout(killer);
    },
    async dispose() {
      await control.stop();
      rmSync(build.dir, { recursive: true, force: true });
    },
    output: () => log,
  };
  try {
    await control.start();
  } catch (e) {
    await control.dispose();
    throw e;
  }
  return control;
}
