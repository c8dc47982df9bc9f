import puppeteer, { type Browser, type Frame, type Page } from 'puppeteer-core';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extensionOutDir } from './paths';
import { waitFor } from './wait';

export const firefoxPath = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
/** The Firefox build's add-on id (wxt.config.ts `browser_specific_settings.gecko.id`). */
const ADDON_ID = 'comms-log@comms-log.dev';
/**
 * The add-on's internal UUID, fixed through a pref set before it is installed, so the tests can name its pages
 * (`moz-extension://<uuid>/…`); Firefox otherwise draws a random one per profile.
 */
const EXTENSION_UUID = '3c1f7a52-9b0e-4d6a-8e21-5f4c0b7d9a13';
/** A page no content script runs on, whose only job is to frame an extension page (see `extensionRealm`). */
const REALM_URL = 'https://comms-log-e2e.test/realm';

export interface FirefoxExtensionBrowser {
  browser: Browser;
  userDataDir: string;
  /** The URL of one of the extension's own files. */
  extensionUrl(path: string): string;
  /** An extension page's realm (`browser.*` APIs): storage, messages to the background. Made once, then reused. */
  extensionRealm(): Promise<Frame>;
  /** Keys of the extension's `storage.local`, read in its realm. */
  getStorage(keys: string[]): Promise<Record<string, unknown>>;
  /** Sets keys of the extension's `storage.local`. */
  setStorage(values: Record<string, unknown>): Promise<void>;
  /** A request to the background as the extension's pages send it (lib/messages.ts), and its answer. */
  sendToBackground(type: string, payload?: unknown): Promise<unknown>;
  /** One of the extension's own pages (`popup.html`, `options.html`…) in a new tab, opened from its realm. */
  openExtensionPage(path: string): Promise<Page>;
  /** A new tab whose navigations to `origin` are answered with `html` and `headers` (there is no internet here). */
  newPageServing(origin: string, html: string, headers?: Record<string, string>): Promise<Page>;
  close(): Promise<void>;
}

/** Answers the page's navigations to `origin` with `html` (and `headers`), and lets every other request through. */
async function serve(page: Page, origin: string, html: string, headers: Record<string, string> = {}): Promise<void> {
  await page.setRequestInterception(true);
  page.on('request', (req) => {
    if (req.isInterceptResolutionHandled()) return;
    if (req.isNavigationRequest() && req.url().startsWith(origin))
      void req.respond({ status: 200, contentType: 'text/html; charset=utf-8', headers, body: html });
    else void req.continue();
  });
}

/**
 * Firefox cannot be told over WebDriver BiDi to open a moz-extension:// page in a tab, but a page may frame the
 * extension's web-accessible panel page: the frame is an extension page, with the extension's APIs.
 */
async function frameExtensionPage(page: Page, url: string): Promise<Frame> {
  await page.evaluate((src) => {
    const frame = document.createElement('iframe');
    frame.src = src;
    document.body.append(frame);
  }, url);
  // BiDi reports such frames as about:blank: find it by what it answers.
  return waitFor('the extension page framed in Firefox', async () => {
    for (const frame of page.frames()) {
      const href = await frame.evaluate(() => location.href).catch(() => '');
      if (href.startsWith('moz-extension://')) return frame;
    }
    return null;
  });
}

/**
 * Debian's firefox-esr with the built Firefox extension installed as a temporary add-on, through puppeteer-core
 * over WebDriver BiDi (docs/development.md "The extension in a real browser"). Unsigned add-ons are allowed by pref.
 */
export async function launchFirefoxWithExtension(
  opts: { userDataDir?: string | undefined; lang?: string; timeZone?: string } = {},
): Promise<FirefoxExtensionBrowser> {
  const addonDir = join(extensionOutDir, 'firefox-mv2');
  if (!existsSync(join(addonDir, 'manifest.json')))
    throw new Error(`the Firefox extension is not built at ${addonDir}: run \`pnpm build\` first`);
  if (!existsSync(firefoxPath))
    throw new Error(`no Firefox at ${firefoxPath}: \`apt-get install -y firefox-esr\` (or set FIREFOX_PATH)`);
  // Given a profile, Firefox starts on it again (a browser restart): the add-on keeps its storage there.
  const userDataDir = opts.userDataDir ?? mkdtempSync(join(tmpdir(), 'comms-log-firefox-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath,
    headless: true,
    userDataDir,
    // The content scripts read the zone from Intl: set it for the whole browser process.
    env: { ...process.env, ...(opts.timeZone ? { TZ: opts.timeZone } : {}) },
    extraPrefsFirefox: {
      'xpinstall.signatures.required': false,
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: EXTENSION_UUID }),
      // A temporary add-on is uninstalled when Firefox closes, and its storage.local with it unless kept.
      'extensions.webextensions.keepStorageOnUninstall': true,
      'intl.locale.requested': opts.lang ?? 'en-US',
      'intl.accept_languages': opts.lang ?? 'en-US',
    },
  });
  await browser.installExtension(addonDir);
  const extensionUrl = (path: string) => `moz-extension://${EXTENSION_UUID}/${path.replace(/^\//, '')}`;
  const newPageServing = async (origin: string, html: string, headers?: Record<string, string>) => {
    const page = await browser.newPage();
    await serve(page, origin, html, headers);
    return page;
  };
  let realm: Promise<Frame> | null = null;
  const extensionRealm = () => {
    realm ??= (async () => {
      const page = await newPageServing(new URL(REALM_URL).origin, '<!doctype html><title>realm</title><body></body>');
      await page.goto(REALM_URL);
      return frameExtensionPage(page, extensionUrl('panel.html'));
    })();
    return realm;
  };
  // No helper functions inside the evaluated code: tsx names them with a `__name` call the page does not have.
  const getStorage = async (keys: string[]) =>
    (await extensionRealm()).evaluate(
      (k) => (globalThis as unknown as { browser: typeof chrome }).browser.storage.local.get(k),
      keys,
    );
  const setStorage = async (values: Record<string, unknown>) =>
    (await extensionRealm()).evaluate(
      (v) => (globalThis as unknown as { browser: typeof chrome }).browser.storage.local.set(v),
      values,
    );
  const sendToBackground = async (type: string, payload: unknown = {}) =>
    (await extensionRealm()).evaluate(
      async (message) => {
        const reply = (await (globalThis as unknown as { browser: typeof chrome }).browser.runtime.sendMessage(
          message,
        )) as { ok: boolean; value?: unknown; error?: unknown };
        if (!reply.ok) throw new Error(`the background refused ${message.type}: ${JSON.stringify(reply.error)}`);
        return reply.value;
      },
      { type, payload, commsLog: 1 as const },
    );
  // BiDi will not navigate a tab there, but an extension page may open its own pages.
  const openExtensionPage = async (path: string) => {
    const realmFrame = await extensionRealm();
    const url = extensionUrl(path);
    await realmFrame.evaluate((u) => void window.open(u), url);
    return waitFor(`${path} open in Firefox`, async () => {
      for (const page of await browser.pages())
        if ((await page.evaluate(() => location.href).catch(() => '')) === url) return page;
      return null;
    });
  };
  return {
    browser,
    openExtensionPage,
    userDataDir,
    extensionUrl,
    extensionRealm,
    getStorage,
    setStorage,
    sendToBackground,
    newPageServing,
    close: () => browser.close(),
  };
}
