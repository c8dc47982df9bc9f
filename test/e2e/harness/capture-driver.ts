import type { ExtensionStorage } from './extension-storage';

/*
 * What a capture test does in a browser, said once for every browser: open a site's page, press its "Log this",
 * fill and save the panel, read the button's note, and open the popup. Chromium (chromium-driver.ts, Playwright)
 * and Firefox (firefox-driver.ts, puppeteer over WebDriver BiDi) each implement it; the cases in
 * capture.test.ts run against both.
 */

/** The Log-this panel, once it shows its dialog. Fields and lists are named by their label. */
export interface LogPanel {
  fieldValue(label: string): Promise<string>;
  /** Types `value` over what the field holds. */
  fill(label: string, value: string): Promise<void>;
  select(label: string, value: string): Promise<void>;
  /** Presses Save and waits for the panel's "Logged N new messages". */
  save(): Promise<void>;
}

/** A site's page, served from its fixture at its real URL, the extension's content script on it. */
export interface SitePage {
  /** Presses the page's "Log this"; the panel, once it shows. */
  pressLogThis(): Promise<LogPanel>;
  /** Waits until the page's text, shadow roots included (where the button's note is), matches `pattern`. */
  waitForText(pattern: RegExp): Promise<void>;
  /**
   * Runs `fn` in the page's own world and answers what it returns (JSON-like). No helper functions inside it:
   * tsx names them with a `__name` call the page does not have.
   */
  evaluate<R>(fn: () => R): Promise<R>;
  close(): Promise<void>;
}

/** One of the extension's own pages (`popup.html`) in a tab. */
export interface ExtensionPage {
  /** The text of the element marked `data-testid="<testId>"`, or '' while there is none. */
  textOf(testId: string): Promise<string>;
  /** Presses the enabled button labelled `name`. */
  press(name: string): Promise<void>;
  close(): Promise<void>;
}

/** A browser with the built extension, as the capture tests drive it. */
export interface CaptureBrowser {
  userDataDir: string;
  /** Signs in as the Options page's Save does, and waits until the first sync has finished. */
  signIn(opts: { serverUrl: string; token: string; name: string }): Promise<void>;
  /** The background's sync state, as the popup reads it from the extension's storage. */
  syncStatus(): Promise<ExtensionStorage['syncStatus']>;
  /** Opens a new tab on the fixture's URL, answered with its page (and `headers`): there is no internet here. */
  openSitePage(fixture: { url: string; html: string }, headers?: Record<string, string>): Promise<SitePage>;
  openExtensionPage(path: string): Promise<ExtensionPage>;
  close(): Promise<void>;
}

export interface LogThreadOptions {
  /** The stakeholder to create, when the panel opens on an unknown counterpart. */
  newStakeholder?: { name: string; type: string };
  /** Response headers the site's page is served with (a `content-security-policy`, say). */
  pageHeaders?: Record<string, string>;
}

/**
 * Opens the fixture's page, presses "Log this" and saves what the panel offers (first naming the new stakeholder
 * it asks for, when given); returns the page, still open.
 */
export async function logThread(
  browser: CaptureBrowser,
  fixture: { url: string; html: string },
  opts: LogThreadOptions = {},
): Promise<SitePage> {
  const page = await browser.openSitePage(fixture, opts.pageHeaders);
  const panel = await page.pressLogThis();
  if (opts.newStakeholder) {
    // An unknown counterpart opens the panel on a new stakeholder named as the page shows them.
    await panel.fill('Stakeholder name', opts.newStakeholder.name);
    await panel.select('Stakeholder type', opts.newStakeholder.type);
  }
  await panel.save();
  return page;
}
