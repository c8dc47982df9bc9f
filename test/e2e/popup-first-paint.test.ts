// The popup's first paint in the built extension, in Debian's Chromium (docs/architecture.md "How data flows"):
// styled before any stylesheet loads, drawn while the page is still parsed from the copy the last open kept, and
// that copy forgotten once the background has no first screen.
import { rmSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, launchWithExtension } from './harness/browser';

const BLANK = '\u0001';

/** A first screen in English with two late emails, as the background words it (lib/followups/paint.ts). */
const paint = {
  computedAt: new Date().toISOString(),
  lang: 'en',
  tabs: ['Follow-ups', 'Log a call'],
  syncNow: 'Sync now',
  logPage: 'Log this page',
  templates: {
    updated: `Updated ${BLANK}`,
    pending: `${BLANK} waiting to sync`,
    rejected: `${BLANK} refused`,
    lastSync: `Last sync: ${BLANK}`,
  },
  never: 'never',
  errors: { 'not-configured': `Last error: not signed in${BLANK}`, unknown: `Last error: ${BLANK}` },
  groups: [
    {
      title: 'Awaiting your reply',
      count: 2,
      empty: null,
      rows: ['Marcus', 'Lena'].map((name) => ({
        state: 'late',
        stateLabel: 'Late',
        name,
        meta: ['customer'],
        sub: 'Order arrived damaged',
        detail: 'Waiting 2 days',
        actions: ['Open', 'Snooze'],
      })),
    },
  ],
  footer: ['Options', 'Dashboard'],
};

/** Before the page's scripts: notes, when the first row is added, how it is styled and what had loaded by then. */
const WATCH_FIRST_ROW = `new MutationObserver((_, observer) => {
  const row = document.querySelector('article.fu-row');
  if (!row) return;
  observer.disconnect();
  window.firstRow = {
    readyState: document.readyState,
    names: [...document.querySelectorAll('article.fu-row .fu-name')].map((n) => n.textContent),
    borderLeft: getComputedStyle(row).borderLeftWidth,
    stylesheets: document.querySelectorAll('link[rel="stylesheet"]').length,
    cssLoaded: performance.getEntriesByType('resource').filter((r) => r.name.endsWith('.css')).length,
  };
}).observe(document, { childList: true, subtree: true });`;

type FirstRow = { readyState: string; names: string[]; borderLeft: string; stylesheets: number; cssLoaded: number };

let browser: ExtensionBrowser;

/** Waits until the background's stored list has not changed for 300 ms, then stores `fuPaint`. */
async function storeFirstScreen(value: typeof paint | null) {
  await browser.worker.evaluate(async (fuPaint) => {
    let last = JSON.stringify(await chrome.storage.local.get('fuHead'));
    for (let same = 0; same < 3; ) {
      await new Promise((r) => setTimeout(r, 100));
      const now = JSON.stringify(await chrome.storage.local.get('fuHead'));
      same = now === last ? same + 1 : 0;
      last = now;
    }
    await chrome.storage.local.set({ fuPaint, languagePref: 'en' });
  }, value);
}

async function openPopup(): Promise<Page> {
  const page = await browser.context.newPage();
  await page.addInitScript(WATCH_FIRST_ROW);
  await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  return page;
}

const firstRowOf = async (page: Page) =>
  (await (await page.waitForFunction(() => (window as { firstRow?: unknown }).firstRow)).jsonValue()) as FirstRow;

beforeAll(async () => {
  browser = await launchWithExtension({ lang: 'en-US' });
});

afterAll(async () => {
  await browser?.close();
  if (browser) rmSync(browser.userDataDir, { recursive: true, force: true });
});

describe('the popup’s first paint', () => {
  it('is styled before any stylesheet, and the next open draws it while the page is still parsed', async () => {
    await storeFirstScreen(paint);
    const first = await openPopup();
    const drawn = await firstRowOf(first);
    // followups.css's row border, from the page's inline style: no stylesheet linked or loaded yet.
    expect(drawn).toMatchObject({ names: ['Marcus', 'Lena'], borderLeft: '3px', stylesheets: 0, cssLoaded: 0 });
    await first.close();

    await storeFirstScreen(paint);
    const second = await openPopup();
    expect(await firstRowOf(second)).toMatchObject({
      readyState: 'loading',
      names: ['Marcus', 'Lena'],
      borderLeft: '3px',
      stylesheets: 0,
    });
    await second.close();
  });

  it('forgets the kept copy when the background has no first screen', async () => {
    await storeFirstScreen(null);
    const page = await openPopup();
    // Drawn from the kept copy while parsed, then checked against storage.local and taken away.
    expect((await firstRowOf(page)).readyState).toBe('loading');
    await expect
      .poll(() => page.evaluate(() => localStorage.getItem('popupFirstScreen')), { timeout: 10_000 })
      .toBeNull();
    await page.close();
  });
});
