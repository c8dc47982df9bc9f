import { createClient, type Client } from '@libsql/client';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { apiClient, type ApiClient } from './api-client';
import { launchWithExtension, type ExtensionBrowser } from './browser';
import { freePort, startServer, type ServerProcess } from './server-process';

/** A browser with the built extension, as a launcher gives it (Chromium: browser.ts, Firefox: firefox.ts). */
interface LaunchedBrowser {
  userDataDir: string;
  close(): Promise<void>;
}

type Launch<B> = (opts: { userDataDir?: string; lang: string; timeZone: string }) => Promise<B>;

/** What an e2e file runs against; filled in by its `beforeAll`, so read it inside hooks and tests. */
export interface E2e<T, B extends LaunchedBrowser = ExtensionBrowser> {
  /** This file's temp folder: the database, and files handed to the CLI. */
  readonly dir: string;
  readonly databaseUrl: string;
  /** What `provision` returned (tokens, ids). */
  readonly provisioned: T;
  readonly server: ServerProcess;
  /** The server's database, opened directly, to check what it stored. */
  readonly db: Client;
  /** The browser with the built extension (Chromium unless `launch` says otherwise), in the org's language and zone. */
  readonly browser: B;
  /** A client of the running server, as the holder of `token`. */
  api(token: string): ApiClient;
  /** Stops the server, to test what the extension does offline. */
  stopServer(): Promise<void>;
  /** Starts the server again on the same port and database. */
  restartServer(): Promise<void>;
  /** Closes the browser and launches it again on the same profile, as a browser restart. */
  restartBrowser(): Promise<void>;
}

export interface E2eSetup<T, B extends LaunchedBrowser = ExtensionBrowser> {
  /** Names the temp folder. */
  name: string;
  /** Fills the fresh database (through the server's CLI) before the server starts. */
  provision(databaseUrl: string, dir: string): Promise<T>;
  /** Runs once the server is up, before the browser starts (data pushed through the API, say). */
  beforeBrowser?(e2e: E2e<T, B>): Promise<void>;
  /** Runs once the browser is up (signing in, say). */
  afterBrowser?(e2e: E2e<T, B>): Promise<void>;
  /** Starts the browser; Chromium (`launchWithExtension`) when not given. */
  launch?: Launch<B>;
}

// The org every browser test uses is in Shanghai (harness/org.ts); the browser matches it.
const browserLocale = { lang: 'en-US', timeZone: 'Asia/Shanghai' };

/**
 * The setup every e2e file shares: a temp libSQL file provisioned through the CLI, the real server on 127.0.0.1
 * (its own process) over it, and the browser with the built extension (docs/development.md). Registers the file's
 * `beforeAll` that starts them and the `afterAll` that stops them and removes the temp folder.
 */
export function useE2e<T, B extends LaunchedBrowser = ExtensionBrowser>(setup: E2eSetup<T, B>): E2e<T, B> {
  // Without `launch`, B is its default, ExtensionBrowser.
  const launch = setup.launch ?? (launchWithExtension as unknown as Launch<B>);
  const dir = mkdtempSync(join(tmpdir(), `comms-log-e2e-${setup.name}-`));
  const databaseUrl = `file:${join(dir, 'server.db')}`;
  let port = 0;
  let provisioned: T | undefined;
  let server: ServerProcess | undefined;
  let db: Client | undefined;
  let browser: B | undefined;
  const started = <V>(what: string, value: V | undefined): V => {
    if (value === undefined) throw new Error(`the e2e ${what} is not started: use it in a hook or a test`);
    return value;
  };

  const e2e: E2e<T, B> = {
    dir,
    databaseUrl,
    get provisioned() {
      return started('database', provisioned);
    },
    get server() {
      return started('server', server);
    },
    get db() {
      return started('database', db);
    },
    get browser() {
      return started('browser', browser);
    },
    api: (token) => apiClient(e2e.server.url, token),
    stopServer: () => e2e.server.stop(),
    async restartServer() {
      server = await startServer({ port, databaseUrl });
    },
    async restartBrowser() {
      const { userDataDir } = e2e.browser;
      await e2e.browser.close();
      browser = await launch({ userDataDir, ...browserLocale });
    },
  };

  beforeAll(async () => {
    port = await freePort();
    provisioned = await setup.provision(databaseUrl, dir);
    server = await startServer({ port, databaseUrl });
    db = createClient({ url: databaseUrl });
    await setup.beforeBrowser?.(e2e);
    browser = await launch(browserLocale);
    await setup.afterBrowser?.(e2e);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    db?.close();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  return e2e;
}
