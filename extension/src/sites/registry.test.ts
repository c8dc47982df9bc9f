import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { siteIds } from '@comms-log/shared';
import { describe, expect, it } from 'vitest';
import { fixtureUrls as listFixtureUrls } from './common/adapter-test-kit';
import { ownHostAdapter } from './jira/index';
import { adapterForUrl, adapters } from './registry';

const sitesDir = import.meta.dirname;
const requiredFiles = [
  'selectors.ts',
  'detect.ts',
  'detect.test.ts',
  'extract.ts',
  'extract.test.ts',
  'mount.ts',
  'index.ts',
];

/** Jira Data Center pages (`dc-*`) live on hosts added in Options: only the own-host adapter accepts them. */
const isOwnHost = (f: { site: string; page: string }) => f.site === 'jira' && f.page.startsWith('dc-');
const allFixtureUrls = listFixtureUrls();
const fixtureUrls = allFixtureUrls.filter((f) => !isOwnHost(f));

describe('site registry structure', () => {
  it('lists exactly the shared site ids, each under its own id', () => {
    expect(Object.keys(adapters).sort()).toEqual([...siteIds].sort());
    for (const [id, adapter] of Object.entries(adapters)) expect(adapter.id).toBe(id);
  });

  it.each(siteIds)('%s has every adapter file and fixture pages with expected captures', (site) => {
    for (const file of requiredFiles) expect(existsSync(join(sitesDir, site, file)), `${site}/${file}`).toBe(true);
    const dir = join(sitesDir, site, 'fixtures');
    const pages = readdirSync(dir).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(0);
    for (const page of pages) expect(existsSync(join(dir, page.replace(/\.html$/, '.expected.json'))), page).toBe(true);
  });

  it.each(siteIds)('%s has named selectors and the adapter functions', (site) => {
    const adapter = adapters[site];
    expect(Object.keys(adapter.selectors).length).toBeGreaterThan(0);
    for (const selector of Object.values(adapter.selectors)) expect(typeof selector).toBe('string');
    expect(typeof adapter.extract).toBe('function');
    expect(typeof adapter.findButtonAnchor).toBe('function');
  });
});

describe('site detection across fixtures', () => {
  it('every fixture has a URL', () => {
    expect(fixtureUrls.length).toBeGreaterThanOrEqual(15);
    for (const f of fixtureUrls) expect(f.url, `${f.site}/${f.page}`).toMatch(/^https:\/\//);
  });

  it.each(siteIds)("%s's detect accepts its own fixture URLs and no other site's", (site) => {
    for (const f of fixtureUrls) {
      expect(adapters[site].isThreadPage(new URL(f.url!)), `${site} on ${f.site}/${f.page}`).toBe(f.site === site);
    }
  });

  it('own-host fixtures are read by the own-host Jira adapter and by no registered one', () => {
    const own = allFixtureUrls.filter(isOwnHost);
    expect(own.length).toBeGreaterThanOrEqual(2);
    for (const f of own) {
      expect(ownHostAdapter.isThreadPage(new URL(f.url!)), f.page).toBe(true);
      expect(adapterForUrl(f.url!), f.page).toBeNull();
    }
  });

  it('adapterForUrl picks the owning adapter, and null elsewhere', () => {
    for (const f of fixtureUrls) expect(adapterForUrl(f.url!)?.id, `${f.site}/${f.page}`).toBe(f.site);
    expect(adapterForUrl('https://example.com/')).toBeNull();
    expect(adapterForUrl('not a url')).toBeNull();
    expect(adapterForUrl('https://mail.google.com/mail/u/0/#inbox')).toBeNull();
  });
});
