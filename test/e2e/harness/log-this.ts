import type { Locator, Page } from 'playwright-core';
import type { ExtensionBrowser } from './browser';
import { serveFixtureAt, type SiteFixture } from './fixtures';

/**
 * The Log-this panel: a dialog in the extension's panel page, framed over the site's page by the content script
 * (the frame sits in the content script's shadow root, which locators pierce).
 */
export function logPanel(page: Page): Locator {
  return page.frameLocator('comms-log-panel iframe').getByRole('dialog', { name: 'Log this conversation' });
}

/** Clicks the page's "Log this" and answers the panel, once it shows. */
export async function openLogPanel(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Log this' }).click({ timeout: 20_000 });
  const panel = logPanel(page);
  await panel.waitFor({ timeout: 20_000 });
  return panel;
}

/**
 * Open the fixture's page (served with `pageHeaders`), click "Log this" and save what the panel offers (first
 * creating the stakeholder it asks for, when given `newStakeholder`); returns the page, still open.
 */
export async function logThisThread(
  browser: ExtensionBrowser,
  fixture: SiteFixture,
  opts: { newStakeholder?: { name: string; type: string }; pageHeaders?: Record<string, string> } = {},
): Promise<Page> {
  await serveFixtureAt(browser.context, fixture, opts.pageHeaders);
  const page = await browser.context.newPage();
  await page.goto(fixture.url);
  const panel = await openLogPanel(page);
  if (opts.newStakeholder) {
    // An unknown counterpart opens the panel on a new stakeholder named as the page shows them.
    await panel.getByLabel('Stakeholder name').fill(opts.newStakeholder.name, { timeout: 20_000 });
    await panel.getByLabel('Stakeholder type').selectOption(opts.newStakeholder.type);
  }
  await panel.getByRole('button', { name: 'Save' }).click();
  await panel.getByText(/Logged \d+ new messages/).waitFor({ timeout: 20_000 });
  return page;
}
