import { createTRPCClient, httpLink, type TRPCClient } from '@trpc/client';
import type { AppRouter } from '@comms-log/server/router';

export type BenchClient = TRPCClient<AppRouter>;

/** A tRPC client over real HTTP (no transformer: dates are ISO strings), one request per call (no batching). */
export function trpcClient(baseUrl: string, token: string): BenchClient {
  return createTRPCClient<AppRouter>({
    links: [httpLink({ url: `${baseUrl}/trpc`, headers: { authorization: `Bearer ${token}` } })],
  });
}
