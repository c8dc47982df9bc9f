import type { Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Db } from '../db/client';
import { sessionRoutes } from './session-routes';
import { findWebAppDir, serveWebApp } from './static-files';

/**
 * The web view at `/app` (docs/web-view.md): its session routes, and the built page when there is one. Without a
 * build `/app` says how to make it. `publicOrigin`: the origin browsers open the server at, when a proxy stands
 * between (./csrf.ts).
 */
export function mountWebApp(app: Hono, db: Db, webDir: string | null = findWebAppDir(), publicOrigin?: string): void {
  // A sign-in carries one token: nothing larger is read.
  app.use(
    '/app/api/*',
    bodyLimit({
      maxSize: 4096,
      onError: (c) => c.json({ error: { code: 'PAYLOAD_TOO_LARGE', message: 'Send only { "token": "cl_…" }.' } }, 413),
    }),
  );
  app.route('/app/api/session', sessionRoutes(db, publicOrigin));
  if (webDir) {
    const serve = serveWebApp(webDir);
    app.get('/app', serve);
    app.get('/app/*', serve);
  } else {
    const notBuilt = (c: Context) =>
      c.text('The web view is not built: `pnpm start` builds it, or `node server/scripts/build.mjs`.', 503);
    app.get('/app', notBuilt);
    app.get('/app/*', notBuilt);
  }
}
