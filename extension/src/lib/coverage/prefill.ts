import type { PageMeta } from './page-meta';

/** What the coverage page opens with: the page's title and link, and its publication time when it gave one. */
export type CoveragePrefill = {
  title: string;
  url: string;
  /** An ISO instant, or null when the page gave no time we could read (the form then asks for one). */
  publishedAt: string | null;
  /** The outlet's name as the page gives it, to find it in the directory. */
  siteName: string | null;
};

/** The longest title the coverage schema takes (shared/src/schemas/media-coverage.ts). */
const TITLE_MAX = 1000;
const SITE_NAME_MAX = 200;

/**
 * `2026-03-09`, `2026-03-09T10:32`, `2026-03-09 10:32:05.123+08:00`, `2026/3/9 10:32`, `2026年3月9日 10:32`:
 * a date, an optional time and an optional offset.
 */
const PAGE_TIME =
  /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[T\s]+(\d{1,2})[:：](\d{2})(?:[:：](\d{2})(?:[.,]\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

function offsetMinutes(offset: string): number {
  if (offset.toUpperCase() === 'Z') return 0;
  const digits = offset.slice(1).replace(':', '');
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2));
  return offset.startsWith('-') ? -minutes : minutes;
}

/**
 * A page's publication time as an ISO instant, or null when it cannot be read. A time without an offset is read
 * in the browser's zone: it is the wall clock the reader sees, and the form shows it in that zone too.
 */
export function parsePublishedTime(raw: string): string | null {
  const text = raw.trim();
  const m = PAGE_TIME.exec(text);
  if (!m) {
    // RFC 2822 ("Mon, 09 Mar 2026 10:32:00 +0800"), which some feeds and older sites use.
    const parsed = /[a-z]{3}/i.test(text) && /\d{4}/.test(text) ? Date.parse(text) : Number.NaN;
    return Number.isNaN(parsed) ? null : new Date(parsed).toISOString();
  }
  const [y, mo, d, h, mi, s] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const asUtc = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  // Refuse what the calendar does not have (2026-02-30, 25:00) rather than roll it over.
  if (asUtc.getUTCMonth() !== mo - 1 || asUtc.getUTCDate() !== d || asUtc.getUTCHours() !== h) return null;
  const offset = m[7];
  const ms = offset ? asUtc.getTime() - offsetMinutes(offset) * 60_000 : new Date(y, mo - 1, d, h, mi, s).getTime();
  return new Date(ms).toISOString();
}

function isWebLink(url: string | undefined): url is string {
  return /^https?:\/\//i.test(url ?? '');
}

/** The prefill for a page: its own meta first, then what the tab says (title, link). */
export function prefillFromPage(page: { url?: string; title?: string }, meta: PageMeta | null): CoveragePrefill {
  const title = (meta?.title ?? page.title ?? '').trim().slice(0, TITLE_MAX);
  return {
    title,
    url: isWebLink(page.url) ? page.url : '',
    publishedAt: meta?.publishedTime ? parsePublishedTime(meta.publishedTime) : null,
    siteName: meta?.siteName ? meta.siteName.slice(0, SITE_NAME_MAX) : null,
  };
}

/** The coverage page's query for a prefill (the page reads it back with `readPrefill`). */
export function coveragePageQuery(prefill: CoveragePrefill): string {
  const query = new URLSearchParams();
  if (prefill.title) query.set('title', prefill.title);
  if (prefill.url) query.set('url', prefill.url);
  if (prefill.publishedAt) query.set('published', prefill.publishedAt);
  if (prefill.siteName) query.set('site', prefill.siteName);
  return query.toString();
}

/** The prefill from the coverage page's query; anything missing or unreadable is left empty. */
export function readPrefill(search: string): CoveragePrefill {
  const query = new URLSearchParams(search);
  const url = query.get('url') ?? '';
  const published = query.get('published');
  return {
    title: (query.get('title') ?? '').slice(0, TITLE_MAX),
    url: isWebLink(url) ? url : '',
    publishedAt: published && !Number.isNaN(Date.parse(published)) ? new Date(published).toISOString() : null,
    siteName: query.get('site')?.slice(0, SITE_NAME_MAX) || null,
  };
}
