import { browser } from 'wxt/browser';
import { readPageMeta, type PageMeta } from './page-meta';
import { coveragePageQuery, prefillFromPage } from './prefill';

/** A tab as the context menu and the popup give it; with activeTab granted by the click, url and title are set. */
export type PageTab = { id?: number; url?: string; title?: string };

/** The page's own meta, read inside the tab; null where no script may run (browser pages, stores, no grant). */
async function pageMeta(tabId: number | undefined): Promise<PageMeta | null> {
  if (tabId === undefined || !browser.scripting) return null;
  try {
    const [first] = await browser.scripting.executeScript({ target: { tabId }, func: readPageMeta });
    return (first?.result as PageMeta | undefined) ?? null;
  } catch {
    // The tab's title and link still make a prefill.
    return null;
  }
}

/** A small window beside the page, so the reader keeps their place; a tab where windows cannot be opened. */
async function openCoveragePage(query: string): Promise<void> {
  const url = `${browser.runtime.getURL('/coverage.html')}?${query}`;
  if (browser.windows) {
    try {
      await browser.windows.create({ url, type: 'popup', width: 520, height: 780 });
      return;
    } catch {
      // Fall through to a tab.
    }
  }
  await browser.tabs.create({ url });
}

/**
 * "Log this page as coverage": reads the page's title, link and publication time (activeTab only, no host
 * permission) and opens the coverage form prefilled. `pageUrl` is the context menu's, for a tab it does not give.
 */
export async function logPageAsCoverage(tab: PageTab, pageUrl?: string): Promise<void> {
  const meta = await pageMeta(tab.id);
  const prefill = prefillFromPage({ url: tab.url ?? pageUrl, title: tab.title }, meta);
  await openCoveragePage(coveragePageQuery(prefill));
}
