import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTRPCClient, httpLink, type TRPCClient } from '@trpc/client';
import type { AppRouter } from '@comms-log/server/router';
import { freePort, runCli, startServer, type ServerProcess } from './server-process';

export type ApiClient = TRPCClient<AppRouter>;

export interface DemoServer {
  server: ServerProcess;
  /** Tokens printed by `seed-demo`, by role (the first user of each role) and by email. */
  tokens: { admin: string; manager: string; staff: string; byEmail: Map<string, string> };
  api(token: string): ApiClient;
  stop(): Promise<void>;
}

/** A tRPC client over real HTTP, as the extension calls the server (no transformer). */
export function apiClient(baseUrl: string, token: string): ApiClient {
  return createTRPCClient<AppRouter>({
    links: [httpLink({ url: `${baseUrl}/trpc`, headers: { authorization: `Bearer ${token}` } })],
  });
}

/** Parses the token lines of `seed-demo` ("  manager zhou.min@demo.example   <token>"). */
export function parseSeedTokens(out: string): DemoServer['tokens'] {
  const byEmail = new Map<string, string>();
  const byRole = new Map<string, string>();
  for (const m of out.matchAll(/^\s+(staff|manager|admin)\s+(\S+@\S+)\s+(\S+)\s*$/gm)) {
    byEmail.set(m[2]!, m[3]!);
    if (!byRole.has(m[1]!)) byRole.set(m[1]!, m[3]!);
  }
  const role = (r: string) => {
    const tok = byRole.get(r);
    if (!tok) throw new Error(`seed-demo printed no ${r} token:\n${out}`);
    return tok;
  };
  return { admin: role('admin'), manager: role('manager'), staff: role('staff'), byEmail };
}

/** A fresh database seeded by the CLI's `seed-demo`, served by the real server as its own process. */
export async function startDemoServer(): Promise<DemoServer> {
  const dir = mkdtempSync(join(tmpdir(), 'comms-log-demo-'));
  const databaseUrl = `file:${join(dir, 'demo.db')}`;
  const tokens = parseSeedTokens(await runCli(databaseUrl, ['seed-demo']));
  const server = await startServer({ port: await freePort(), databaseUrl });
  return {
    server,
    tokens,
    api: (token) => apiClient(server.url, token),
    async stop() {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
