import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { siteIds } from '@comms-log/shared';
import { describe, expect, it } from 'vitest';
import { siteFixtures } from '../src/sites/common/adapter-test-kit';

const extensionDir = resolve(import.meta.dirname, '..');
const repoRoot = resolve(extensionDir, '..');
const tsx = join(extensionDir, 'node_modules', '.bin', 'tsx');
const script = join(extensionDir, 'scripts', 'extract.ts');
const fixture = (site: string, name: string) => join(extensionDir, 'src', 'sites', site, 'fixtures', name);

function run(args: string[], env: Record<string, string> = {}) {
  const res = spawnSync(tsx, [script, ...args], {
    cwd: extensionDir,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 60_000,
  });
  return { code: res.status, stdout: res.stdout, stderr: res.stderr };
}

function runAsync(args: string[]): Promise<{ code: number | null; stdout: string }> {
  return new Promise((ok, fail) => {
    const child = spawn(tsx, [script, ...args], { cwd: extensionDir, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.on('error', fail);
    child.on('exit', (code) => ok({ code, stdout }));
  });
}

/** `pnpm extract` as a person types it at the repo root. */
function runFromRoot(args: string[]) {
  return spawnSync('pnpm', ['--silent', 'extract', ...args], { cwd: repoRoot, encoding: 'utf8', timeout: 60_000 });
}

/** Argument lists that must exit 64 with the usage text. */
const usageErrors = [
  [[]],
  [['myspace', 'x.html']],
  [['gmail', 'x.html', '--tz']],
  [['gmail', fixture('gmail', 'inbound-single-unanswered.html'), '--tz', 'Mars/Olympus']],
  [['gmail', fixture('gmail', 'inbound-single-unanswered.html'), '--now', 'yesterday-ish']],
  [['gmail', 'does-not-exist.html']],
];

/** Every fixture page of every site. Each run is a node process (several seconds on a busy machine), so the test's
 * time limit grows with the number of pages rather than breaking whenever a fixture is added. */
const pages = siteIds.flatMap((site) =>
  siteFixtures(site).names.map((name) => ({ site, page: fixture(site, `${name}.html`) })),
);
const perPageMs = 12_000;

type PageRun = { page: string; code: number | null; stdout: string; expected: string };

/** Runs the command on every page, a few at a time (each run is its own node process). */
async function runEach(pages: { site: string; page: string }[]): Promise<PageRun[]> {
  const results: PageRun[] = [];
  for (let i = 0; i < pages.length; i += 4) {
    const chunk = pages.slice(i, i + 4);
    results.push(
      ...(await Promise.all(
        chunk.map(async ({ site, page }) => ({
          page,
          ...(await runAsync([site, page])),
          expected: readFileSync(page.replace(/\.html$/, '.expected.json'), 'utf8'),
        })),
      )),
    );
  }
  return results;
}

/** A copy of a fixture page with the issue summary heading removed, in a fresh temp folder. */
function pageWithoutSummary(): string {
  const dir = mkdtempSync(join(tmpdir(), 'extract-'));
  const html = readFileSync(fixture('jira', 'partner-integration-issue.html'), 'utf8').replace(
    /<h1 data-testid="issue\.views\.issue-base\.foundation\.summary\.heading"[^>]*>[^<]*<\/h1>/,
    '',
  );
  writeFileSync(join(dir, 'changed.html'), html);
  return dir;
}

describe('pnpm extract', () => {
  it(
    'prints exactly the expected capture for every fixture page of every site',
    async () => {
      expect(pages.length).toBeGreaterThanOrEqual(15);
      const results = await runEach(pages);
      for (const r of results) {
        expect(r.code, r.page).toBe(0);
        expect(JSON.parse(r.stdout), r.page).toEqual(JSON.parse(r.expected));
      }
    },
    perPageMs * pages.length,
  );

  it('prints the capture of a fixture as 2-space JSON, with the page metas as defaults', () => {
    const page = fixture('jira', 'customer-escalation-issue.html');
    const { code, stdout } = run(['jira', page]);
    expect(code).toBe(0);
    const expected = JSON.parse(readFileSync(page.replace(/\.html$/, '.expected.json'), 'utf8'));
    expect(JSON.parse(stdout)).toEqual(expected);
    expect(stdout).toBe(`${JSON.stringify(expected, null, 2)}\n`);
  }, 60_000);

  it('takes --now and --tz over the metas', () => {
    const { code, stdout } = run([
      'jira',
      fixture('jira', 'customer-escalation-issue.html'),
      '--now',
      '2026-03-11T09:30:00+08:00',
      '--tz=Europe/Berlin',
    ]);
    expect(code).toBe(0);
    const sentAt = (JSON.parse(stdout) as { messages: { sentAt: string }[] }).messages.map((m) => m.sentAt);
    // "March 6, 2026 at 2:30 PM" read in Berlin; "1 hour ago" from the new now.
    expect(sentAt[0]).toBe('2026-03-06T14:30:00+01:00');
    expect(sentAt).toContain('2026-03-11T01:30:00+01:00');
  }, 60_000);

  it('exits 2 naming the site and selector key when a required element is missing, without page text', () => {
    const dir = pageWithoutSummary();
    // A relative path resolves against INIT_CWD, where `pnpm extract` was started.
    const { code, stdout, stderr } = run(['jira', 'changed.html'], { INIT_CWD: dir });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('jira');
    expect(stderr).toContain('"summary"');
    expect(stderr).not.toContain('Kestrel');
  }, 60_000);

  it('exits 1 with a message on a page that shows no thread', () => {
    const { code, stdout, stderr } = run([
      'gmail',
      fixture('gmail', 'inbound-single-unanswered.html'),
      '--url',
      'https://mail.google.com/mail/u/0/#inbox',
    ]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/no gmail thread/);
  }, 60_000);

  it.each(usageErrors)(
    'exits 64 with usage text on %j',
    (args) => {
      const { code, stderr } = run(args);
      expect(code).toBe(64);
      expect(stderr).toContain('usage: pnpm extract');
    },
    60_000,
  );

  it('works from the repo root through pnpm, exit codes included', () => {
    const page = 'extension/src/sites/outlook/fixtures/partner-sync-thread.html';
    const ok = runFromRoot(['outlook', page]);
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout)).toEqual(
      JSON.parse(readFileSync(join(repoRoot, page.replace(/\.html$/, '.expected.json')), 'utf8')),
    );
    const bad = runFromRoot(['outlook']);
    expect(bad.status).toBe(64);
  }, 60_000);
});
