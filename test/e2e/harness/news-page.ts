import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { e2eFixturesDir } from './paths';

/** A news page the tests serve at its real URL, and what its head says about the article. */
export interface NewsPage {
  url: string;
  html: string;
  /** `og:title`. */
  title: string;
  /** `og:site_name`: the outlet. */
  siteName: string;
  /** `article:published_time`, as written (ISO 8601 with its offset). */
  publishedAt: string;
}

function metaContent(html: string, attr: 'name' | 'property', key: string): string {
  const m = html.match(new RegExp(`<meta ${attr}="${key}" content="([^"]*)"`));
  if (!m?.[1]) throw new Error(`the news page has no ${key} meta`);
  return m[1].replace(/&amp;/g, '&');
}

/** A page of test/e2e/fixtures (`news-article-zh` is a Chinese article about the org, negative in tone). */
export function loadNewsPage(name: string): NewsPage {
  const html = readFileSync(join(e2eFixturesDir, `${name}.html`), 'utf8');
  return {
    url: metaContent(html, 'name', 'fixture-url'),
    html,
    title: metaContent(html, 'property', 'og:title'),
    siteName: metaContent(html, 'property', 'og:site_name'),
    publishedAt: metaContent(html, 'property', 'article:published_time'),
  };
}
