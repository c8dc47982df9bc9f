import type { ElementHandle, Frame, Page } from 'puppeteer-core';
import type { CaptureBrowser, ExtensionPage, LogPanel, SitePage } from './capture-driver';
import type { ExtensionStorage } from './extension-storage';
import { launchFirefoxWithExtension } from './firefox';
import { clickButton, control, fill, panelFrame, waitForText } from './firefox-page';
import { waitFor } from './wait';

/** The capture driver in firefox-esr: the page's controls found and clicked as firefox-page.ts does it. */

function logPanel(page: Page, panel: Frame): LogPanel {
  return {
    fieldValue: async (label) => (await control(panel, label)).evaluate((el) => (el as HTMLInputElement).value),
    fill: (label, value) => fill(panel, label, value),
    select: async (label, value) => {
      await ((await control(panel, label)) as ElementHandle<HTMLSelectElement>).select(value);
    },
    save: async () => {
      await clickButton(page, panel, 'Save');
      await waitForText(panel, /Logged \d+ new messages/);
    },
  };
}

function sitePage(page: Page): SitePage {
  return {
    pressLogThis: async () => {
      await clickButton(page, page, 'Log this');
      return logPanel(page, await panelFrame(page));
    },
    waitForText: async (pattern) => {
      await waitForText(page, pattern);
    },
    evaluate: (fn) => page.evaluate(fn),
    close: () => page.close(),
  };
}

function extensionPage(page: Page): ExtensionPage {
  return {
    textOf: (testId) =>
      page.evaluate((id) => document.querySelector(`[data-testid="${id}"]`)?.textContent ?? '', testId),
    press: (name) => clickButton(page, page, name),
    close: () => page.close(),
  };
}

/** Debian's firefox-esr with the built Firefox extension (firefox.ts), as a capture driver. */
export async function launchFirefoxDriver(opts: {
  userDataDir?: string;
  lang?: string;
  timeZone?: string;
}): Promise<CaptureBrowser> {
  const ff = await launchFirefoxWithExtension(opts);
  const syncStatus = async () => (await ff.getStorage(['syncStatus'])).syncStatus as ExtensionStorage['syncStatus'];
  return {
    userDataDir: ff.userDataDir,
    // What the Options page's Save does: the server and token into storage, then the message that checks the
    // connection, fetches who-am-I and the org's settings, and syncs (docs/development.md "Firefox").
    signIn: async ({ serverUrl, token }) => {
      await ff.setStorage({ serverUrl, token, languagePref: 'en' });
      await ff.sendToBackground('settings-changed');
      await waitFor('the first sync in Firefox', async () => (await syncStatus())?.lastSyncAt, 60_000);
    },
    syncStatus,
    openSitePage: async (fixture, headers) => {
      const page = await ff.newPageServing(new URL(fixture.url).origin, fixture.html, headers);
      await page.goto(fixture.url);
      return sitePage(page);
    },
    openExtensionPage: async (path) => extensionPage(await ff.openExtensionPage(path)),
    close: () => ff.close(),
  };
}
