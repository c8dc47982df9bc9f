// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { readPageMeta } from './page-meta';

function pageOf(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

/** A Chinese portal's article head as such pages write it: Open Graph plus article:published_time. */
const chineseArticle = `<!doctype html><html lang="zh-CN"><head>
<meta charset="utf-8">
<title>北风机器人发布新一代仓储机器人_科技频道_华东科技报</title>
<meta name="keywords" content="北风机器人,仓储,机器人">
<meta property="og:type" content="article">
<meta property="og:site_name" content="华东科技报">
<meta property="og:title" content="北风机器人发布新一代仓储机器人">
<meta property="article:published_time" content="2026-03-12T08:30:00+08:00">
</head><body><article><h1>北风机器人发布新一代仓储机器人</h1>
<p class="info"><time datetime="2026-03-13T09:00:00+08:00">2026年03月13日 09:00 更新</time></p>
</article></body></html>`;

describe('readPageMeta', () => {
  it('reads a Chinese news page: og:title, article:published_time and og:site_name', () => {
    expect(readPageMeta(pageOf(chineseArticle))).toEqual({
      title: '北风机器人发布新一代仓储机器人',
      publishedTime: '2026-03-12T08:30:00+08:00',
      siteName: '华东科技报',
    });
  });

  it('takes schema.org datePublished from JSON-LD when there is no Open Graph time', () => {
    const doc = pageOf(`<html><head><title>Robots ship | Daily Wire</title>
      <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
        "headline":"Robots ship","datePublished": "2026-03-09T10:32:00Z","dateModified":"2026-03-10T00:00:00Z"}</script>
      </head><body></body></html>`);
    expect(readPageMeta(doc)).toEqual({
      title: 'Robots ship | Daily Wire',
      publishedTime: '2026-03-09T10:32:00Z',
      siteName: null,
    });
  });

  it("falls back to the article's <time datetime>, before any other time on the page", () => {
    const doc = pageOf(`<html><head><title>  A   report </title></head><body>
      <header><time datetime="2026-04-01">today</time></header>
      <article><p>By Ann, <time datetime="2026-03-08 14:05">8 March</time></p></article></body></html>`);
    expect(readPageMeta(doc)).toEqual({ title: 'A report', publishedTime: '2026-03-08 14:05', siteName: null });
  });

  it('uses a PubDate meta and twitter:title', () => {
    const doc = pageOf(`<html><head><title>x</title><meta name="PubDate" content="2026-03-07 09:15:00">
      <meta name="twitter:title" content="Twitter title"></head><body></body></html>`);
    expect(readPageMeta(doc)).toMatchObject({ title: 'Twitter title', publishedTime: '2026-03-07 09:15:00' });
  });

  it('gives nulls for a page that says nothing, and skips empty meta', () => {
    const doc = pageOf(`<html><head><meta property="og:title" content="  "><meta property="og:site_name" content="">
      </head><body><p>text</p></body></html>`);
    expect(readPageMeta(doc)).toEqual({ title: null, publishedTime: null, siteName: null });
  });

  it('runs from its own source alone, as scripting.executeScript runs it in the page', () => {
    // executeScript sends only the function's text: a helper from outside its body would be missing there.
    const standalone = new Function(`return (${readPageMeta.toString()})`)() as typeof readPageMeta;
    const previous = document.documentElement.innerHTML;
    document.documentElement.innerHTML = pageOf(chineseArticle).documentElement.innerHTML;
    try {
      expect(standalone()).toEqual(readPageMeta(pageOf(chineseArticle)));
    } finally {
      document.documentElement.innerHTML = previous;
    }
  });
});
