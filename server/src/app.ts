import { trpcServer } from '@hono/trpc-server';
import { sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import type { Db } from './db/client';
import type { ReportBuilder } from './db/readers/start';
import type { PushWriter } from './db/writer/start';
import { requestAddress } from './auth/client-address';
import { postsSignIn, signInGuard } from './auth/sign-in-guard';
import { SignInLimiter } from './auth/sign-in-limit';
import { createRequestContext } from './context';
import { defaultCorsOrigins } from './env';
import { appRouter } from './routers/_app';
import { mountWebApp } from './web/mount';
import { sessionContext } from './web/session-context';

export const MAX_BODY_BYTES = 1024 * 1024;

export interface AppOptions {
  db: Db;
  /** Allowed origins; `*` inside an origin matches anything. Default: any Chromium or Firefox extension. */
  corsOrigins?: string[];
  /** Where unexpected errors are reported (default: console.error). */
  logError?: (message: string, error: unknown) => void;
  /** The built web view served at /app (default: found beside the server, web/static-files.ts). */
  webAppDir?: string | null;
  /** Counts failed sign-ins per address (default: a fresh one with the default limits, auth/sign-in-limit.ts). */
  signInLimiter?: SignInLimiter;
  /** Applies sync.push off the main thread (db/writer/start.ts; default: pushes apply in this thread on `db`). */
  pushWriter?: PushWriter;
  /** Builds reports off the main thread (db/readers/start.ts; default: in this thread on `db`). */
  reportBuilder?: ReportBuilder;
  /** The origin browsers open the web view at behind a proxy (web/csrf.ts; default: the request URL's). */
  publicOrigin?: string;
  /** Proxies whose X-Forwarded-For the sign-in limiter believes (auth/client-address.ts; default: none). */
  trustedProxies?: string[];
}

function originMatcher(patterns: string[]): (origin: string) => boolean {
  const regexes = patterns.map(
    (p) =>
      new RegExp(
        `^${p
          .split('*')
          .map((s) => s.replace(/[.+?^${}()|[\]\\/]/g, '\\$&'))
          .join('[^/]*')}$`,
      ),
  );
  return (origin) => regexes.some((r) => r.test(origin));
}

/** The HTTP app: /healthz, tRPC at /trpc, CORS for extension origins, a 1 MiB body limit, errors without stacks. */
export function createApp({
  db,
  corsOrigins = defaultCorsOrigins,
  logError = (m, e) => console.error(m, e),
  webAppDir,
  signInLimiter,
  pushWriter,
  reportBuilder,
  publicOrigin,
  trustedProxies,
}: AppOptions) {
  const app = new Hono();
  const allowed = originMatcher(corsOrigins);

  app.use(
    '*',
    cors({
      origin: (origin) => (origin && allowed(origin) ? origin : null),
      allowMethods: ['GET', 'POST', 'OPTIONS'],
      allowHeaders: ['Authorization', 'Content-Type', 'trpc-accept', 'x-trpc-source'],
      maxAge: 600,
    }),
  );

  app.get('/healthz', async (c) => {
    try {
      await db.run(sql`SELECT 1`);
      return c.json({ ok: true, db: 'ok' });
    } catch (e) {
      logError('healthz: database unreachable', e);
      return c.json({ ok: false, db: 'unreachable' }, 503);
    }
  });

  app.use(
    '/trpc/*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) =>
        c.json(
          {
            error: {
              code: 'PAYLOAD_TOO_LARGE',
              message: `The request body is larger than ${MAX_BODY_BYTES / 1024 / 1024} MiB; send smaller batches.`,
            },
          },
          413,
        ),
    }),
  );

  // One count per address across the API and the web view's sign-in (auth/sign-in-limit.ts).
  const limiter = signInLimiter ?? new SignInLimiter();
  const addressOf = requestAddress(trustedProxies);
  app.use('/trpc/*', signInGuard(limiter, undefined, addressOf));
  app.use('/app/api/session', signInGuard(limiter, postsSignIn, addressOf));

  app.use(
    '/trpc/*',
    trpcServer({
      router: appRouter,
      endpoint: '/trpc',
      // Lets clients send queries as POST (`methodOverride: 'POST'`), for inputs too long for a URL (directory.match).
      allowMethodOverride: true,
      // A bearer token (extension, API) wins; without one the web view's session cookie may sign the request in.
      createContext: async (_opts, c) => {
        const ctx = c.req.header('authorization')
          ? await createRequestContext(db, c.req.header('authorization'))
          : await sessionContext(db, c, publicOrigin);
        return { ...ctx, ...(pushWriter && { pushWriter }), ...(reportBuilder && { reportBuilder }) };
      },
      onError: ({ error, path }) => {
        if (error.code === 'INTERNAL_SERVER_ERROR') logError(`tRPC ${path ?? '?'} failed`, error.cause ?? error);
      },
    }),
  );

  mountWebApp(app, db, webAppDir, publicOrigin);

  app.notFound((c) => c.json({ error: { code: 'NOT_FOUND', message: `No route ${c.req.method} ${c.req.path}` } }, 404));

  app.onError((err, c) => {
    logError(`${c.req.method} ${c.req.path} failed`, err);
    return c.json({ error: { code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' } }, 500);
  });

  return app;
}

export type App = ReturnType<typeof createApp>;
