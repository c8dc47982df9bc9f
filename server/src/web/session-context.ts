import type { Context as HonoContext } from 'hono';
import { sessionUser } from '../auth/session';
import type { Context } from '../context';
import type { Db } from '../db/client';
import { fromWebView } from './csrf';
import { readSessionCookie } from './session-cookie';

/**
 * The tRPC context of a request without a bearer token: the user of its session cookie, when the request came from
 * the web view (./csrf.ts, with the configured `publicOrigin`). A cookie on any other request authenticates nothing.
 */
export async function sessionContext(db: Db, c: HonoContext, publicOrigin?: string): Promise<Context> {
  const secret = readSessionCookie(c);
  if (!secret) return { db, user: null, authError: 'missing' };
  const user = fromWebView(c, publicOrigin) ? await sessionUser(db, secret) : null;
  return { db, user, authError: user ? null : 'invalid' };
}
