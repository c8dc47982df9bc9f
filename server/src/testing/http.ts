import type { App } from '../app';

/** One answer of the HTTP app, as a client sees it. */
export interface HttpAnswer {
  status: number;
  text: string;
}

/**
 * Test files only: call procedure `path` over the app's HTTP handler, as POST with the input as the JSON body
 * (queries too: the app allows method override), with `token` as the bearer (none: unauthenticated).
 */
export async function callProcedure(app: App, path: string, input: unknown, token: string | null): Promise<HttpAnswer> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const body = input === undefined ? undefined : JSON.stringify(input);
  const res = await app.request(`/trpc/${path}`, { method: 'POST', headers, body });
  return { status: res.status, text: await res.text() };
}

/** What an answer must never show: a stack trace, a source file and line, or a path on the server. */
export const LEAK_PATTERNS: readonly RegExp[] = [
  /"stack"/,
  /\bat [\w$.<>]+ \(/,
  /\.(?:ts|js|mjs|cjs):\d+/,
  /(?:\/work\/|\/home\/|\/root\/|node_modules|file:\/\/)/,
  /SQLITE_|LibsqlError|drizzle/i,
];

/** The first leak pattern `text` matches, or null. */
export const leakIn = (text: string): RegExp | null => LEAK_PATTERNS.find((p) => p.test(text)) ?? null;
