import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { siteFixturesDir } from './paths';

export interface SiteFixture {
  site: string;
  name: string;
  html: string;
  url: string;
  now: string;
  timeZone: string;
  expected: {
    site: string;
    channel: string;
    threadId: string;
    title: string;
    messages: {
      id: string | null;
      author: { name: string; handle: string | null };
      direction: string;
      sentAt: string;
    }[];
  };
}

function meta(html: string, name: string): string {
  const m = html.match(new RegExp(`<meta name="${name}" content="([^"]*)"`));
  if (!m?.[1]) throw new Error(`fixture has no ${name} meta`);
  return m[1].replace(/&amp;/g, '&');
}

export function loadFixture(site: string, name: string): SiteFixture {
  const dir = siteFixturesDir(site);
  const html = readFileSync(join(dir, `${name}.html`), 'utf8');
  return {
    site,
    name,
    html,
    url: meta(html, 'fixture-url'),
    now: meta(html, 'fixture-now'),
    timeZone: meta(html, 'fixture-timezone'),
    expected: JSON.parse(readFileSync(join(dir, `${name}.expected.json`), 'utf8')),
  };
}

/** Answer every request to the fixture's origin with the fixture page (there is no internet here). */
export async function serveFixtureAt(
  context: BrowserContext,
  fixture: { url: string; html: string },
  /** Response headers the page is served with, a `content-security-policy` say. */
  headers: Record<string, string> = {},
): Promise<void> {
  const origin = new URL(fixture.url).origin;
  await context.route(`${origin}/**`, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: fixture.html, headers }),
  );
}
