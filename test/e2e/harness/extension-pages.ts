import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from './browser';
import { waitFor } from './wait';

/** Open one of the extension's own pages (`popup.html`, `options.html`, `dashboard.html`) in a new tab. */
export async function openExtensionPage(browser: ExtensionBrowser, page: string): Promise<Page> {
  const tab = await browser.context.newPage();
  await tab.goto(`chrome-extension://${browser.extensionId}/${page}`);
  return tab;
}

/**
 * Sign in through the Options page, as a user would: server URL and token, Save, and wait for "Signed in as
 * <name>". With `sync`, also press "Sync now" (the caller waits for what it needs to arrive). The page stays
 * open when `keepOpen`, else it is closed.
 */
export async function signInThroughOptions(
  browser: ExtensionBrowser,
  opts: { serverUrl: string; token: string; name: string; sync?: boolean; keepOpen?: boolean },
): Promise<Page> {
  const options = await openExtensionPage(browser, 'options.html');
  await options.getByLabel('Server URL').fill(opts.serverUrl);
  await options.getByLabel('API token').fill(opts.token);
  await options.getByRole('button', { name: 'Save' }).first().click();
  await options
    .getByTestId('connection-status')
    .filter({ hasText: `Signed in as ${opts.name}` })
    .waitFor({ timeout: 20_000 });
  if (opts.sync) await options.getByRole('button', { name: 'Sync now' }).click();
  if (!opts.keepOpen) await options.close();
  return options;
}

/**
 * Sign in through the Options page and press "Sync now", then wait (polling `synced.check`, which reads the
 * extension's storage, say) until the background has what the test needs, and close the page.
 */
export async function signInAndSync(
  browser: ExtensionBrowser,
  opts: { serverUrl: string; token: string; name: string },
  synced: { what: string; check: () => Promise<unknown> },
): Promise<void> {
  const options = await signInThroughOptions(browser, { ...opts, sync: true, keepOpen: true });
  await waitFor(synced.what, synced.check);
  await options.close();
}
