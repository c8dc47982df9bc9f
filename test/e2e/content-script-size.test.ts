// Every content script of both builds stays light: it runs on every page load of the sites (docs/architecture.md
// "Content scripts"). Reads what `pnpm --filter @comms-log/extension build` wrote (Chrome MV3 and Firefox MV2).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extensionOutDir } from './harness/paths';

/** Uncompressed bytes a content script may have, per file as built. */
const MAX_CONTENT_SCRIPT_BYTES = 60 * 1024;

type Manifest = { content_scripts?: { js?: string[] }[] };

/** The built content scripts the manifest declares, with their sizes. */
function contentScripts(build: string): { file: string; bytes: number }[] {
  const dir = join(extensionOutDir, build);
  const manifestPath = join(dir, 'manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`the extension is not built at ${dir}: run \`pnpm build\` first`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
  const files = [...new Set((manifest.content_scripts ?? []).flatMap((c) => c.js ?? []))];
  return files.map((file) => ({ file, bytes: statSync(join(dir, file)).size }));
}

describe('content script size', () => {
  for (const build of ['chrome-mv3', 'firefox-mv2']) {
    it(`keeps every ${build} content script within 60 kB`, () => {
      const scripts = contentScripts(build);
      // The five sites, at least: a manifest without them would pass this check by accident.
      expect(scripts.length).toBeGreaterThanOrEqual(5);
      const over = scripts.filter((s) => s.bytes > MAX_CONTENT_SCRIPT_BYTES);
      expect(over.map((s) => `${s.file}: ${(s.bytes / 1024).toFixed(1)} kB`)).toEqual([]);
    });
  }
});
