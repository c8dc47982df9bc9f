/*
 * The production server: src/index.ts and everything it imports from the workspace and npm, bundled by esbuild
 * into dist/index.js and run by plain node (`pnpm start`). tsx's loader cost ~30 MB of memory and compiled
 * every module at start; the bundle loads one file at start. @libsql/client stays a runtime import: it loads
 * libSQL's native binary; so does pdfkit, which reads its font metrics from files beside its code. What the code
 * imports with `import()` (the PDF, nodemailer, the holiday tables) goes to chunks/ and loads on first use: in one
 * file, their top-level imports ran at start-up (pdfkit alone ~29 MB of RSS). Migrations are copied beside the
 * bundle, where `migrateDb` looks for them, and the web view (./build-web.mjs) is built into app/ beside it, where
 * the server serves /app from.
 */
import { cpSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { buildWebApp } from './build-web.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
/** `node scripts/build.mjs [outdir]`: dist/ by default (tests build elsewhere). */
const dist = resolve(root, process.argv[2] ?? 'dist');

rmSync(dist, { recursive: true, force: true });
const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['@libsql/client', 'pdfkit'],
  // CommonJS dependencies inside an ES module bundle still call require().
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  legalComments: 'none',
  logLevel: 'warning',
};
await build({
  ...common,
  entryPoints: ['src/index.ts'],
  outdir: dist,
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
});
// The push writer's worker thread (src/db/writer/start.ts starts it from dist/push-writer.js): a file of its own,
// without chunks, so that index.js's modules (and the paths they find files by) stay where they were.
await build({ ...common, entryPoints: { 'push-writer': 'src/db/writer/worker.ts' }, outdir: dist });
// The report builder's worker thread (src/db/readers/start.ts starts it from dist/report-builder.js), the same way.
await build({ ...common, entryPoints: { 'report-builder': 'src/db/readers/worker.ts' }, outdir: dist });
cpSync(resolve(root, 'src/db/migrations'), `${dist}/migrations`, { recursive: true });
await buildWebApp(`${dist}/app`);
