import type { Context as HonoContext } from 'hono';

/** The header every request of the web view carries; a form or a link on another site cannot send it. */
export const CSRF_HEADER = 'x-comms-log-csrf';

/**
 * The origin browsers open the web view at: the configured public origin when there is one (behind a proxy that
 * terminates TLS the request reaches this server as http:// on an inner host), else the request URL's.
 */
export const viewOrigin = (c: HonoContext, publicOrigin?: string): string => publicOrigin ?? new URL(c.req.url).origin;

/**
 * Whether a cookie-authenticated request came from the web view itself: it carries the custom header (which a
 * cross-site form cannot set and a cross-origin script cannot send without a preflight this server refuses), and
 * its Origin, when the browser sends one, is the web view's (`viewOrigin`). The SameSite=Strict cookie is the
 * first guard; this is the second (docs/web-view.md "Signing in").
 */
export function fromWebView(c: HonoContext, publicOrigin?: string): boolean {
  if (c.req.header(CSRF_HEADER) !== '1') return false;
  const origin = c.req.header('origin');
  return origin === undefined || origin === viewOrigin(c, publicOrigin);
}
