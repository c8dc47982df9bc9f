import { createTRPCClient, httpBatchLink } from '@trpc/client';
import type { AppRouter } from '@comms-log/server/router';
import { ApiError, toApiError } from './error';

export type ApiClient = ReturnType<typeof createTRPCClient<AppRouter>>;

/**
 * The server's origin plus path, without a trailing slash or a `/trpc` the user may have pasted; null when it
 * is not an http(s) URL.
 */
export function normalizeServerUrl(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  const path = url.pathname.replace(/\/+$/, '').replace(/\/trpc$/, '');
  return `${url.origin}${path}`;
}

/** The host-permission pattern for the server, as `permissions.request` wants it. */
export function originPattern(serverUrl: string): string {
  const url = new URL(serverUrl);
  return `${url.protocol}//${url.hostname}/*`;
}

export function createApiClient(opts: { serverUrl: string; token: string; fetch?: typeof fetch }): ApiClient {
  const base = normalizeServerUrl(opts.serverUrl);
  if (!base || !opts.token) throw new ApiError('not-configured');
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: `${base}/trpc`,
        // Long directory matches would otherwise make GET URLs that proxies cut.
        maxURLLength: 2000,
        headers: () => ({ Authorization: `Bearer ${opts.token}` }),
        ...(opts.fetch ? { fetch: opts.fetch } : {}),
      }),
    ],
  });
}

/** Runs a call and turns whatever it throws into an ApiError (network, 401, 403, 400 with the server's words). */
export async function callApi<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw toApiError(err);
  }
}
