import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Context as HonoContext } from 'hono';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/**
 * Where the built web view is: `WEB_APP_DIR`, else `app/` beside the running bundle (`pnpm start` builds both into
 * server/dist), else server/dist/app when the sources run under tsx. Null when none has an index.html.
 */
export function findWebAppDir(env: NodeJS.ProcessEnv = process.env): string | null {
  const candidates = [
    env.WEB_APP_DIR,
    fileURLToPath(new URL('./app', import.meta.url)),
    fileURLToPath(new URL('../../dist/app', import.meta.url)),
  ];
  return candidates.find((d) => d && existsSync(resolve(d, 'index.html'))) ?? null;
}

/** `/app/<path>` from `dir`; any path that is not a file is the page itself (the app routes inside it). */
export function serveWebApp(dir: string) {
  const root = resolve(dir);
  return (c: HonoContext) => {
    let rel: string;
    try {
      rel = decodeURIComponent(c.req.path.replace(/^\/app\/?/, ''));
    } catch {
      return c.notFound();
    }
    let file = resolve(root, rel);
    if (file !== root && !file.startsWith(root + sep)) return c.notFound();
    if (!existsSync(file) || !statSync(file).isFile()) file = resolve(root, 'index.html');
    const type = contentTypes[extname(file)] ?? 'application/octet-stream';
    // Bundles carry a content hash in their names; the page itself must be fetched afresh to find new ones.
    const cache = file.endsWith('.html') ? 'no-cache' : 'public, max-age=31536000, immutable';
    return c.body(readFileSync(file), 200, {
      'content-type': type,
      'cache-control': cache,
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:",
    });
  };
}
