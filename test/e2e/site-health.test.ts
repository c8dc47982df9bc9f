// Site health end to end: a Gmail page whose markup no longer has what the adapter reads, in Debian's Chromium
// with the built extension. The button says what is missing, the extension counts it, the next sync reports it,
// and an admin sees which site broke since when in `pnpm cli health` and on the Options page.
import { describe, expect, it } from 'vitest';
import { openExtensionPage, signInAndSync, signInThroughOptions } from './harness/extension-pages';
import { getExtensionStorage } from './harness/extension-storage';
import { loadFixture, serveFixtureAt } from './harness/fixtures';
import { logPanel } from './harness/log-this';
import { org, provisionOrg } from './harness/org';
import { runCli } from './harness/server-process';
import { useE2e } from './harness/use-e2e';
import { waitFor } from './harness/wait';

const e2e = useE2e({
  name: 'site-health',
  provision: (databaseUrl, dir) => provisionOrg(databaseUrl, { dir, staff: true, stakeholderCsv: [] }),
  async afterBrowser({ browser, server, provisioned }) {
    await signInAndSync(
      browser,
      { serverUrl: server.url, token: provisioned.staffToken!, name: org.staff.name },
      {
        what: 'a first sync',
        check: async () => (await getExtensionStorage(browser.worker, ['syncStatus'])).syncStatus?.lastSyncAt,
      },
    );
  },
});

const base = loadFixture('gmail', 'customer-thread-4msg');
// Every sender element loses what marks it: the thread and its toolbar are still there, its senders are not.
const broken = { ...base, html: base.html.replace(/class="gD"/g, 'class="renamed-by-site"') };

describe('site health', () => {
  let field = '';

  it('says in the button which field the page lacks, and opens no panel', async () => {
    await serveFixtureAt(e2e.browser.context, broken);
    const page = await e2e.browser.context.newPage();
    await page.goto(broken.url);
    await page.getByRole('button', { name: 'Log this' }).click({ timeout: 20_000 });
    const alert = page.getByRole('alert').filter({ hasText: 'layout changed' });
    await alert.waitFor({ timeout: 20_000 });
    const said = (await alert.textContent()) ?? '';
    field = /layout changed \(([^)]+)\)/.exec(said)?.[1] ?? '';
    expect(said).toBe(`This page's layout changed (${field}); nothing was logged.`);
    expect(field).toMatch(/^[A-Za-z]+$/);
    expect(await logPanel(page).count()).toBe(0);
    // The page itself goes on: its own script still runs and its DOM is untouched outside the button.
    expect(await page.evaluate(() => document.querySelectorAll('.renamed-by-site').length)).toBeGreaterThan(0);
    await page.close();
  });

  it('reports the count with the next sync; `pnpm cli health` shows the site, field and since when', async () => {
    const popup = await openExtensionPage(e2e.browser, 'popup.html');
    await popup.getByRole('button', { name: 'Sync now' }).click();
    const stored = await waitFor('the failure on the server', async () => {
      const rs = await e2e.db.execute('SELECT site, field, host, count, adapter_version FROM site_failures');
      return rs.rows.length > 0 ? rs.rows : null;
    });
    await popup.close();
    // Only the host of the page and the selector key: no page text, no path.
    expect(stored.map((r) => ({ ...r }))).toEqual([
      { site: 'gmail', field, host: 'mail.google.com', count: 1, adapter_version: '0.1.0' },
    ]);
    const out = await runCli(e2e.databaseUrl, ['health']);
    expect(out).toContain(`${org.name}: site failures`);
    expect(out).toMatch(
      new RegExp(
        `gmail: "${field}" not found \\(adapter 0\\.1\\.0\\) since \\S+, last \\S+; 1 failure, 1 person, on mail\\.google\\.com`,
      ),
    );
  });

  it('shows the admin on the Options page which site broke since when', async () => {
    const options = await signInThroughOptions(e2e.browser, {
      serverUrl: e2e.server.url,
      token: e2e.provisioned.adminToken,
      name: org.admin.name,
      keepOpen: true,
    });
    await options.reload();
    const table = options.getByRole('table', { name: 'Site health' });
    await table.waitFor({ timeout: 20_000 });
    const row = table.getByRole('row').filter({ hasText: field });
    expect(await row.getByRole('cell').allTextContents()).toEqual([
      'gmail',
      field,
      '0.1.0',
      expect.any(String),
      expect.any(String),
      '1',
      '1',
    ]);
    await options.close();
  });
});
