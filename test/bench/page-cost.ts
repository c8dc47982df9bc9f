/*
 * (e) page cost: the built extension in Debian's Chromium on the largest fixture page of each site, loaded again
 * and again at its real URL. Read from the page's performance timeline, where the content script leaves its
 * marks (extension/src/ui/content): each extract() as a `comms-log:extract` measure, and `comms-log:start`
 * (its main() at document_idle) to `comms-log:button-shown`, the time it adds before "Log this" is on the page.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchWithExtension } from '../e2e/harness/browser';
import { loadFixture, serveFixtureAt } from '../e2e/harness/fixtures';
import { siteFixturesDir } from '../e2e/harness/paths';
import { targets } from './print-results';
import { fmtMs, mark, table } from './report';
import { latencyStats, type LatencyStats } from './stats';

const SITES = ['gmail', 'outlook', 'weibo', 'jira', 'trello'] as const;

export interface SitePageCost {
  site: string;
  fixture: string;
  kb: number;
  extract: LatencyStats;
  /** main() at document_idle to the button on the page. */
  added: LatencyStats;
  /** Navigation start to the button on the page. */
  shown: LatencyStats;
}

/** The site's largest fixture page: the most markup an extract() walks. */
function largestFixture(site: string): { name: string; kb: number } {
  const dir = siteFixturesDir(site);
  const pages = readdirSync(dir)
    .filter((f) => f.endsWith('.html'))
    .map((f) => ({ name: f.slice(0, -'.html'.length), bytes: statSync(join(dir, f)).size }))
    .sort((a, b) => b.bytes - a.bytes);
  const top = pages[0];
  if (!top) throw new Error(`no fixture pages in ${dir}`);
  return { name: top.name, kb: Math.round(top.bytes / 1024) };
}

/** One load's marks, once the button is there. */
async function marksOfLoad(page: Page, url: string) {
  // Away first: a URL with a fragment (Gmail's #inbox/…) would otherwise not load the page again.
  await page.goto('about:blank');
  await page.goto(url);
  await page.getByRole('button', { name: 'Log this' }).waitFor({ timeout: 20_000 });
  // No helper functions inside: tsx would wrap them in a naming call the page does not have.
  return page.evaluate(() => ({
    start: performance.getEntriesByName('comms-log:start')[0]?.startTime ?? Number.NaN,
    shown: performance.getEntriesByName('comms-log:button-shown')[0]?.startTime ?? Number.NaN,
    extracts: performance.getEntriesByName('comms-log:extract').map((e) => e.duration),
  }));
}

async function siteCost(page: Page, site: string, loads: number): Promise<SitePageCost> {
  const { name, kb } = largestFixture(site);
  const fixture = loadFixture(site, name);
  await serveFixtureAt(page.context(), fixture);
  await marksOfLoad(page, fixture.url); // warm-up: the first load compiles the script
  const extract: number[] = [];
  const added: number[] = [];
  const shown: number[] = [];
  for (let i = 0; i < loads; i++) {
    const m = await marksOfLoad(page, fixture.url);
    extract.push(...m.extracts);
    added.push(m.shown - m.start);
    shown.push(m.shown);
  }
  return {
    site,
    fixture: name,
    kb,
    extract: latencyStats(extract),
    added: latencyStats(added),
    shown: latencyStats(shown),
  };
}

/** Every site's page cost, in one browser; `loads` timed page loads per site. */
export async function pageCostBench(opts: { loads: number }): Promise<SitePageCost[]> {
  const browser = await launchWithExtension({ timeZone: 'Asia/Shanghai' });
  try {
    const page = await browser.context.newPage();
    const results: SitePageCost[] = [];
    for (const site of SITES) results.push(await siteCost(page, site, opts.loads));
    return results;
  } finally {
    await browser.close();
  }
}

/** Prints (e) and answers its part of the JSON summary. */
export function printPageCost(results: SitePageCost[], loads: number) {
  console.log(
    `\n(e) page cost — the built extension in Chromium, each site's largest fixture loaded ${loads} times (after one warm-up)`,
  );
  console.log(
    table(
      [
        [
          'site',
          'fixture',
          'extract() p50 / p95',
          'target',
          '',
          'document_idle → button p50 / p95',
          'button after navigation p50',
        ],
        ...results.map((r) => [
          r.site,
          `${r.fixture} (${r.kb} kB)`,
          `${fmtMs(r.extract.p50Ms)} / ${fmtMs(r.extract.p95Ms)}`,
          `≤ ${targets.extractMs} ms`,
          mark(r.extract.p50Ms <= targets.extractMs),
          `${fmtMs(r.added.p50Ms)} / ${fmtMs(r.added.p95Ms)}`,
          fmtMs(r.shown.p50Ms),
        ]),
      ],
      ['l', 'l', 'r', 'l', 'l', 'r', 'r'],
    ),
  );
  return Object.fromEntries(
    results.map((r) => [
      r.site,
      {
        fixture: r.fixture,
        extractP50Ms: r.extract.p50Ms,
        extractP95Ms: r.extract.p95Ms,
        extractTargetMet: r.extract.p50Ms <= targets.extractMs,
        addedP50Ms: r.added.p50Ms,
        addedP95Ms: r.added.p95Ms,
        shownP50Ms: r.shown.p50Ms,
      },
    ]),
  );
}
