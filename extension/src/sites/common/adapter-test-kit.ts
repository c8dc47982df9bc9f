import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { capturedThreadSchema, siteIds, type SiteId } from '@comms-log/shared';
import { describe, expect, it } from 'vitest';
import { loadFixture, readFixtureMeta, type LoadedFixture } from './fixture-test-kit';
import { SiteChangedError } from './site-changed-error';
import type { SiteAdapter } from './types';

// Test-only: the checks every site adapter's extract.test.ts and detect.test.ts share, written once so
// that a sixth site gets them all by calling these. Each site keeps its own specific tests beside them.

const sitesDir = join(import.meta.dirname, '..');

/** One site's fixture pages: names without `.html`, in folder order, and a loader by name. */
export type SiteFixtures = {
  site: SiteId;
  names: string[];
  load(name: string): LoadedFixture;
};

export function siteFixtures(site: SiteId): SiteFixtures {
  const dir = join(sitesDir, site, 'fixtures');
  const names = readdirSync(dir)
    .filter((f) => f.endsWith('.html'))
    .map((f) => f.replace(/\.html$/, ''));
  return { site, names, load: (name) => loadFixture(join(dir, `${name}.html`)) };
}

/** Every fixture page's real URL (its `fixture-url` meta), by the site folder it belongs to. */
export function fixtureUrls(): Array<{ site: SiteId; page: string; url: string | null }> {
  return siteIds.flatMap((site) => {
    const dir = join(sitesDir, site, 'fixtures');
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .filter((f) => f.endsWith('.html'))
      .map((page) => ({ site, page, url: readFixtureMeta(readFileSync(join(dir, page), 'utf8'), 'fixture-url') }));
  });
}

/** Runs `run`, which must throw a SiteChangedError from `site`; returns it so the caller can check the key. */
export function siteChangedError(site: SiteId, run: () => unknown): SiteChangedError {
  try {
    run();
  } catch (err) {
    if (!(err instanceof SiteChangedError)) throw err;
    expect(err.site).toBe(site);
    return err;
  }
  throw new Error(`expected a SiteChangedError from ${site}`);
}

/** Every fixture page in the site's folder extracts to exactly its `<name>.expected.json`. */
export function describeFixtureCaptures(site: SiteId, extract: SiteAdapter['extract']): void {
  const fixtures = siteFixtures(site);
  describe(`${site} extract over fixtures`, () => {
    it.each(fixtures.names)('%s gives exactly its expected capture', (name) => {
      const f = fixtures.load(name);
      expect(f.expected).not.toBeNull();
      const capture = extract(f.document, { url: f.url, now: f.now, timeZone: f.timeZone });
      expect(capture).toEqual(f.expected);
      // Adapters carry no schema library (docs/adding-a-site.md "Size"): the capture must already be valid as is.
      expect(capturedThreadSchema.parse(capture)).toEqual(capture);
    });
  });
}

/**
 * Every selector key matches something in some fixture, so dead selectors show. A key listed in `scopedTo`
 * is written relative to one item (`:scope > …`) and is looked for inside the elements of its parent key.
 */
export function describeSelectorCoverage<K extends string>(
  site: SiteId,
  selectors: Record<K, string>,
  scopedTo: Partial<Record<K, K>> = {},
): void {
  const fixtures = siteFixtures(site);
  describe(`${site} selectors`, () => {
    const documents = fixtures.names.map((name) => fixtures.load(name).document);
    it.each(Object.keys(selectors) as K[])('%s matches something in some fixture', (key) => {
      const parent = scopedTo[key];
      const matched = documents.some((doc) => {
        const roots: ParentNode[] = parent ? Array.from(doc.querySelectorAll(selectors[parent])) : [doc];
        return roots.some((root) => root.querySelector(selectors[key]) !== null);
      });
      expect(matched).toBe(true);
    });
  });
}

/** The site's thread-page predicate rejects every other site's fixture URL. */
export function describeRejectsOtherSites(site: SiteId, isThreadPage: SiteAdapter['isThreadPage']): void {
  const others = fixtureUrls().filter((f) => f.site !== site);
  const urls = [...new Set(others.map((f) => f.url))];
  describe(`${site} detect on the other sites' fixture URLs`, () => {
    it('has URLs from every other site', () => {
      for (const other of siteIds.filter((s) => s !== site)) {
        expect(
          others.some((f) => f.site === other && f.url !== null),
          other,
        ).toBe(true);
      }
    });

    it.each(urls)('rejects %s', (url) => {
      expect(url).not.toBeNull();
      expect(isThreadPage(new URL(url!))).toBe(false);
    });
  });
}
