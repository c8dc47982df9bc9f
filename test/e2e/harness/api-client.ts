import { createTRPCClient, httpLink, type TRPCClient } from '@trpc/client';
import type { AppRouter } from '@comms-log/server/router';

export type ApiClient = TRPCClient<AppRouter>;

/** A tRPC client over real HTTP, as the extension calls the server (no transformer). */
export function apiClient(baseUrl: string, token: string): ApiClient {
  return createTRPCClient<AppRouter>({
    links: [httpLink({ url: `${baseUrl}/trpc`, headers: { authorization: `Bearer ${token}` } })],
  });
}
