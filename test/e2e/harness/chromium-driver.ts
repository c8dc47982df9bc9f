import type { Locator, Page } from 'playwright-core';
import { launchWithExtension } from './browser';
import type { CaptureBrowser, ExtensionPage, LogPanel, SitePage } from './capture-driver';
import { openExtensionPage, signInAndSync } from './extension-pages';
import { getExtensionStorage } from './extension-storage';
import { serveFixtureAt } from './fixtures';
import { openLogPanel } from './log-this';
import { waitFor } from './wait';

/** The capture driver in Chromium: Playwright's locators pierce the content script's shadow root and the panel. */

function logPanel(panel: Locator): LogPanel {
  return {
    fieldValue: (label) => panel.getByLabel(label).inputValue({ timeout: 20_000 }),
    fill: (label, value) => panel.getByLabel(label).fill(value, { timeout: 20_000 }),
    select: async (label, value) => {
      await panel.getByLabel(label).selectOption(value, { timeout: 20_000 });
    },
    save: async () => {
      await panel.getByRole('button', { name: 'Save' }).click({ timeout: 20_000 });
      await panel.getByText(/Logged \d+ new messages/).waitFor({ timeout: 20_000 });
    },
  };
}

function sitePage(page: Page): SitePage {
  return {
    pressLogThis: async () => logPanel(await openLogPanel(page)),
    waitForText: async (pattern) => {
      await waitFor(`text ${pattern} in Chromium`, async () => (await page.getByText(pattern).count()) > 0, 20_000);
    },
    evaluate: (fn) => page.evaluate(fn),
    close: () => page.close(),
  };
}

function extensionPage(page: Page): ExtensionPage {
  return {
    // Not `textContent()`, which would wait for the element: a test polls this.
    textOf: async (testId) => (await page.getByTestId(testId).allTextContents()).join(''),
    press: (name) => page.getByRole('button', { name }).click({ timeout: 20_000 }),
    close: () => page.close(),
  };
}

/** Debian's Chromium with the built extension (browser.ts), as a capture driver. */
export async function launchChromiumDriver(opts: {
  userDataDir?: string;
  lang?: string;
  timeZone?: string;
}): Promise<CaptureBrowser> {
  const browser = await launchWithExtension(opts);
  const syncStatus = async () => (await getExtensionStorage(browser.worker, ['syncStatus'])).syncStatus;
  return {
    userDataDir: browser.userDataDir,
    // Through the Options page, as a user would; the directory arrives through sync.pull.
    signIn: (who) =>
      signInAndSync(browser, who, {
        what: 'the first sync in Chromium',
        check: async () => (await syncStatus())?.lastSyncAt,
      }),
    syncStatus,
    openSitePage: async (fixture, headers) => {
      await serveFixtureAt(browser.context, fixture, headers);
      const page = await browser.context.newPage();
      await page.goto(fixture.url);
      return sitePage(page);
    },
    openExtensionPage: async (path) => extensionPage(await openExtensionPage(browser, path)),
    close: () => browser.close(),
  };
}
