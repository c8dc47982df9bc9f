/** What a news page says about itself in its markup, as raw text (prefill.ts reads the time). */
export type PageMeta = {
  /** og:title (or twitter:title), else the document's title. */
  title: string | null;
  /** The publication time as the page writes it, e.g. `2026-03-09T10:32:00+08:00` or `2026-03-09 10:32`. */
  publishedTime: string | null;
  /** og:site_name: the outlet's name, to find it in the directory. */
  siteName: string | null;
};

/**
 * Reads a news page's own description: its title, publication time and site name, from the meta tags news sites
 * publish for link previews (Open Graph `article:published_time`, schema.org `datePublished`), else a
 * `<time datetime>`.
 *
 * It also runs inside the page through `scripting.executeScript`, which sends only this function's source: it
 * must not use anything outside its own body (no imports, no module helpers).
 */
export function readPageMeta(doc: Document = document): PageMeta {
  const clean = (text: string | null | undefined): string | null => {
    const value = (text ?? '').replace(/\s+/g, ' ').trim();
    return value === '' ? null : value;
  };
  const firstContent = (selectors: string[]): string | null => {
    for (const selector of selectors) {
      const value = clean(doc.querySelector(selector)?.getAttribute('content'));
      if (value) return value;
    }
    return null;
  };
  const firstDatetime = (selectors: string[]): string | null => {
    for (const selector of selectors) {
      const value = clean(doc.querySelector(selector)?.getAttribute('datetime'));
      if (value) return value;
    }
    return null;
  };
  const jsonLdDate = (): string | null => {
    for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
      const found = /"datePublished"\s*:\s*"([^"]{4,64})"/.exec(script.textContent ?? '');
      if (found) return clean(found[1]);
    }
    return null;
  };
  const publishedTime =
    firstContent([
      'meta[property="article:published_time"]',
      'meta[name="article:published_time"]',
      'meta[itemprop="datePublished"]',
      'meta[name="pubdate"]',
      'meta[name="PubDate"]',
      'meta[name="publishdate"]',
      'meta[name="PublishDate"]',
    ]) ??
    jsonLdDate() ??
    firstDatetime(['time[itemprop="datePublished"]', 'time[pubdate]', 'article time[datetime]', 'time[datetime]']);
  return {
    title: firstContent(['meta[property="og:title"]', 'meta[name="twitter:title"]']) ?? clean(doc.title),
    publishedTime,
    siteName: firstContent(['meta[property="og:site_name"]']),
  };
}
