// The largest stakeholder CSV allowed (10,000 rows) picked in the built extension's dashboard in Chromium and
// imported through the real server: while the server saves it, the import shows a progress bar saying how far it
// is, and then its report.
import { expect, it } from 'vitest';
import { setExtensionStorage } from './harness/extension-storage';
import { provisionOrg } from './harness/org';
import { useE2e } from './harness/use-e2e';

const e2e = useE2e({
  name: 'import-progress',
  async provision(databaseUrl, dir) {
    const p = await provisionOrg(databaseUrl, { dir, manager: true, stakeholderCsv: [] });
    return { managerToken: p.managerToken! };
  },
  async afterBrowser({ browser, server, provisioned }) {
    await setExtensionStorage(browser.worker, {
      serverUrl: server.url,
      token: provisioned.managerToken,
      languagePref: 'en',
    });
  },
});

const ROWS = 10_000;

function bigCsv(): string {
  const lines = ['name,type,emails'];
  for (let i = 0; i < ROWS; i++) lines.push(`Progress ${i},customer,desk${i}@progress${i}.example`);
  return lines.join('\n');
}

it('shows how far a 10,000-row import has got while the server saves it, then its report', async () => {
  const page = await e2e.browser.context.newPage();
  await page.goto(`chrome-extension://${e2e.browser.extensionId}/dashboard.html?tab=directory`);
  await page
    .getByLabel('CSV file', { exact: true })
    .setInputFiles({ name: 'stakeholders.csv', mimeType: 'text/csv', buffer: Buffer.from(bigCsv()) });
  await expect
    .poll(() => page.getByTestId('csv-server-check').textContent(), { timeout: 60_000 })
    .toBe(`The server's check (nothing written yet): ${ROWS} would be created, 0 updated, 0 refused.`);
  await page.getByRole('button', { name: /^Import the file/ }).click();

  // Seen while the import runs: the bar, with the rows saved so far in words.
  const bar = page.getByRole('progressbar');
  await bar.waitFor({ timeout: 60_000 });
  await expect
    .poll(async () => (await bar.getAttribute('aria-label').catch(() => null)) ?? '', { timeout: 60_000 })
    .toMatch(/^Saving: [\d,]+ of 10,000 done…$/);

  await expect
    .poll(() => page.getByRole('status', { name: 'Import report' }).locator('p').first().textContent(), {
      timeout: 120_000,
    })
    .toBe(`Imported: ${ROWS} created, 0 updated, 0 refused.`);
  expect(await bar.count()).toBe(0);
  const stored = await e2e.db.execute("SELECT count(*) AS n FROM stakeholders WHERE name LIKE 'Progress %'");
  expect(Number(stored.rows[0]!.n)).toBe(ROWS);
}, 300_000);
