/*
 * The web view (docs/web-view.md): the extension's dashboard (extension/src/platform/web/main.tsx) bundled by
 * esbuild for a plain page served at /app. The three modules that need the extension's APIs are swapped for the
 * page's own (extension/src/platform/web/): `wxt/browser`, `wxt/utils/storage` and lib/api/session.ts.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const extensionSrc = fileURLToPath(new URL('../../extension/src', import.meta.url));
const web = resolve(extensionSrc, 'platform/web');

/** Import paths resolved to the web view's stand-ins. */
const swaps = [
  { filter: /^wxt\/browser$/, path: resolve(web, 'browser.ts') },
  { filter: /^wxt\/utils\/storage$/, path: resolve(web, 'storage.ts') },
  { filter: /\/lib\/api\/session$/, path: resolve(web, 'api.ts') },
];

const platformSwaps = {
  name: 'web-platform',
  setup(b) {
    for (const { filter, path } of swaps) b.onResolve({ filter }, () => ({ path }));
  },
};

/** Builds the web view into `outdir` (index.html and assets/); returns the bytes written. */
export async function buildWebApp(outdir) {
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  const result = await build({
    entryPoints: [resolve(web, 'main.tsx')],
    outdir: resolve(outdir, 'assets'),
    entryNames: '[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: ['chrome120', 'firefox115', 'safari16'],
    jsx: 'automatic',
    minify: true,
    metafile: true,
    define: { 'process.env.NODE_ENV': '"production"', 'import.meta.env.DEV': 'false' },
    plugins: [platformSwaps],
    legalComments: 'none',
    logLevel: 'warning',
  });
  const outputs = Object.entries(result.metafile.outputs);
  const entry = outputs.find(([, o]) => o.entryPoint?.endsWith('platform/web/main.tsx'));
  if (!entry) throw new Error('the web view build wrote no entry bundle');
  const js = basename(entry[0]);
  const css = entry[1].cssBundle ? basename(entry[1].cssBundle) : null;
  const html = readFileSync(resolve(web, 'index.html'), 'utf8')
    .replace('/app/assets/main.js', `/app/assets/${js}`)
    .replace('/app/assets/main.css', css ? `/app/assets/${css}` : '');
  writeFileSync(resolve(outdir, 'index.html'), html);
  return outputs.reduce((n, [, o]) => n + o.bytes, 0);
}
