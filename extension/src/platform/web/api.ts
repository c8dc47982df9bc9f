import { createTRPCClient, httpBatchLink } from '@trpc/client';
import type { AppRouter } from '@comms-log/server/router';
import { callApi, type ApiClient } from '../../lib/api/client';

/*
 * The web view's stand-in for lib/api/session.ts: the same tRPC API on the page's own origin, signed in by the
 * session cookie (sent by the browser, never read by script) and marked as the web view's own request.
 */

export const CSRF_HEADERS = { 'x-comms-log-csrf': '1' } as const;

const client: ApiClient = createTRPCClient<AppRouter>({
  links: [
    httpBatchLink({
      url: '/trpc',
      maxURLLength: 2000,
      headers: () => CSRF_HEADERS,
      fetch: (url, init) => fetch(url, { ...init, credentials: 'same-origin' }),
    }),
  ],
});

/** As lib/api/session.ts's: runs `fn` with the client, its failure as an ApiError. */
export function withApi<T>(fn: (client: ApiClient) => Promise<T>): Promise<T> {
  return callApi(() => fn(client));
}
