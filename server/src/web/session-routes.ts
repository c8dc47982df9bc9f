import { Hono } from 'hono';
import { createSession, endSession, sessionUser } from '../auth/session';
import type { Db } from '../db/client';
import { fromWebView } from './csrf';
import { clearSessionCookie, readSessionCookie, writeSessionCookie } from './session-cookie';

const MAX_TOKEN_CHARS = 200;

const refused = { error: { code: 'FORBIDDEN', message: 'Send this from the web view itself.' } };

/**
 * `/app/api/session`: GET who is signed in, POST `{ token }` to sign in, POST `/app/api/session/end` to sign out
 * (docs/web-view.md "Signing in"). `publicOrigin`: the configured origin browsers open the server at (./csrf.ts).
 */
export function sessionRoutes(db: Db, publicOrigin?: string) {
  const routes = new Hono();

  routes.get('/', async (c) => {
    const secret = readSessionCookie(c);
    const user = secret ? await sessionUser(db, secret) : null;
    if (!user) return c.json({ error: { code: 'UNAUTHORIZED', message: 'Not signed in.' } }, 401);
    return c.json({ user: { name: user.name, email: user.email, role: user.role } });
  });

  routes.post('/', async (c) => {
    if (!fromWebView(c, publicOrigin)) return c.json(refused, 403);
    const body: unknown = await c.req.json().catch(() => null);
    const token = typeof body === 'object' && body && 'token' in body ? body.token : null;
    if (typeof token !== 'string' || token.trim() === '' || token.length > MAX_TOKEN_CHARS) {
      return c.json({ error: { code: 'BAD_REQUEST', message: 'Send { "token": "cl_…" }: your API token.' } }, 400);
    }
    const session = await createSession(db, token.trim());
    if (!session) {
      return c.json(
        {
          error: {
            code: 'UNAUTHORIZED',
            message: 'This API token is not valid: it is unknown, revoked or expired, or its user is deactivated.',
          },
        },
        401,
      );
    }
    writeSessionCookie(c, session.secret, session.expiresAt, publicOrigin);
    const { name, email, role } = session.user;
    return c.json({ user: { name, email, role }, expiresAt: new Date(session.expiresAt).toISOString() });
  });

  routes.post('/end', async (c) => {
    if (!fromWebView(c, publicOrigin)) return c.json(refused, 403);
    const secret = readSessionCookie(c);
    if (secret) await endSession(db, secret);
    clearSessionCookie(c);
    return c.json({ ok: true });
  });

  return routes;
}
