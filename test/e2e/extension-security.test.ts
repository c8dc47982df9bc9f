// What the built extension promises about its token and its pages (README "Reliability and security"): the token
// lives in extension storage only and no content script (the code that runs on the sites' pages) can read or send
// it; every extension page runs under a CSP that allows only the package's own scripts, and needs nothing more.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extensionOutDir } from './harness/paths';

type Manifest = {
  content_security_policy?: string | { extension_pages?: string };
  content_scripts?: { js?: string[]; world?: string }[];
};

function built(build: string): { dir: string; manifest: Manifest } {
  const dir = join(extensionOutDir, build);
  const path = join(dir, 'manifest.json');
  if (!existsSync(path)) throw new Error(`the extension is not built at ${dir}: run \`pnpm build\` first`);
  return { dir, manifest: JSON.parse(readFileSync(path, 'utf8')) as Manifest };
}

describe.each(['chrome-mv3', 'firefox-mv2'])('the %s build', (build) => {
  it('keeps the token out of every content script', () => {
    const { dir, manifest } = built(build);
    const scripts = (manifest.content_scripts ?? []).flatMap((c) => c.js ?? []);
    expect(scripts.length).toBeGreaterThanOrEqual(5);
    // Isolated world (the default): the page's own scripts never share a content script's variables.
    expect((manifest.content_scripts ?? []).filter((c) => c.world === 'MAIN')).toEqual([]);
    for (const file of scripts) {
      const code = readFileSync(join(dir, file), 'utf8');
      expect(code, file).not.toMatch(/local:token|Bearer|authorization/i);
    }
    // The token item and the bearer header exist, elsewhere: in the background and the extension pages.
    expect(readFileSync(join(dir, 'background.js'), 'utf8')).toMatch(/local:token/);
  });

  it('gives every extension page a strict CSP and writes no inline script', () => {
    const { dir, manifest } = built(build);
    const csp = manifest.content_security_policy;
    const policy = typeof csp === 'string' ? csp : csp?.extension_pages;
    expect(policy).toMatch(/script-src 'self'(;|$)/);
    expect(policy).toMatch(/object-src 'none'/);
    expect(policy).not.toMatch(/unsafe-eval|wasm-unsafe-eval/);
    const pages = readdirSync(dir).filter((f) => f.endsWith('.html'));
    expect(pages).toEqual(expect.arrayContaining(['popup.html', 'options.html', 'dashboard.html']));
    for (const page of pages) {
      const html = readFileSync(join(dir, page), 'utf8');
      const scripts = html.match(/<script\b[^>]*>/g) ?? [];
      expect(
        scripts.filter((tag) => !/\bsrc=/.test(tag)),
        page,
      ).toEqual([]);
      expect(html, page).not.toMatch(/\son[a-z]+=/);
    }
  });
});
