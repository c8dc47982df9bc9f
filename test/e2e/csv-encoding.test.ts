// A stakeholder CSV saved by Excel or WPS on a Chinese Windows machine (GB18030), or as "Unicode text" (UTF-16
// with a byte-order mark), picked in the dashboard's file picker of the built extension in Chromium and imported
// through the real server: the names the server stores are the names in the file, never replacement characters.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { setExtensionStorage } from './harness/extension-storage';
import { provisionOrg } from './harness/org';
import { useE2e } from './harness/use-e2e';

const e2e = useE2e({
  name: 'csv-encoding',
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

const header = 'name,type,tier,organization,emails';

/** Rows whose names need more than ASCII: common hanzi, and 𠮷 (U+20BB7), which GB18030 has and GBK lacks. */
const rows = (tag: string) => [
  { name: `张伟（${tag}）`, organization: '北京星河传媒有限公司', email: `zhangwei-${tag}@xinghe.example` },
  { name: `𠮷野家华东区·${tag}`, organization: '华东科技报', email: `press-${tag}@ectech.example` },
];

const csvOf = (tag: string) =>
  [header, ...rows(tag).map((r) => `${r.name},customer,standard,${r.organization},${r.email}`)].join('\r\n');

/** The names and organizations the server stored for the rows tagged `tag`, sorted by name. */
async function storedRows(tag: string): Promise<{ name: string; organization: string }[]> {
  const found = await e2e.db.execute({
    sql: 'SELECT name, organization FROM stakeholders WHERE name LIKE ? ORDER BY name',
    args: [`%${tag}%`],
  });
  return found.rows.map((r) => ({ name: String(r.name), organization: String(r.organization) }));
}

async function openDirectory(): Promise<Page> {
  const page = await e2e.browser.context.newPage();
  await page.goto(`chrome-extension://${e2e.browser.extensionId}/dashboard.html?tab=directory`);
  return page;
}

/** Picks `bytes` as a file in the stakeholder import's file picker, as a user choosing it from disk. */
const pick = (page: Page, name: string, bytes: Buffer) =>
  page.getByLabel('CSV file', { exact: true }).setInputFiles({ name, mimeType: 'text/csv', buffer: bytes });

/** Picks the file, checks the preview holds its text as written, imports it and waits for the report. */
async function importThroughPicker(page: Page, fileName: string, bytes: Buffer, text: string): Promise<void> {
  await pick(page, fileName, bytes);
  // The picked file lands, decoded, in the text box the preview and the import read (which keeps lines as \n).
  await expect
    .poll(() => page.getByLabel('…or paste the CSV here').inputValue(), { timeout: 30_000 })
    .toBe(text.replaceAll('\r\n', '\n'));
  await expect
    .poll(() => page.getByTestId('csv-server-check').textContent(), { timeout: 30_000 })
    .toBe("The server's check (nothing written yet): 2 would be created, 0 updated, 0 refused.");
  await page.getByRole('button', { name: 'Import the file (2 of 2 rows look right)' }).click();
  await expect
    .poll(() => page.getByRole('status', { name: 'Import report' }).locator('p').first().textContent(), {
      timeout: 30_000,
    })
    .toBe('Imported: 2 created, 0 updated, 0 refused.');
}

const expectedRows = (tag: string) =>
  rows(tag)
    .map(({ name, organization }) => ({ name, organization }))
    .sort((a, b) => (a.name < b.name ? -1 : 1));

describe('CSV files in the encodings Excel and WPS save, through the dashboard’s file picker', () => {
  it('imports a GB18030 stakeholder file with its Chinese names intact', async () => {
    const text = csvOf('gb');
    const bytes = iconv.encode(text, 'gb18030');
    // Really GB18030 and not UTF-8: read as UTF-8 (as `file.text()` would) its names would be lost.
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    expect(iconv.decode(bytes, 'gb18030')).toBe(text);

    const page = await openDirectory();
    await importThroughPicker(page, '客户名单-gb18030.csv', bytes, text);
    expect(await storedRows('gb')).toEqual(expectedRows('gb'));
    await page.close();
  });

  it('imports UTF-16 files with a byte-order mark, little- and big-endian', async () => {
    const page = await openDirectory();
    for (const [tag, encoding] of [
      ['le', 'utf-16le'],
      ['be', 'utf-16be'],
    ] as const) {
      const text = csvOf(tag);
      const bytes = iconv.encode(text, encoding, { addBOM: true });
      expect([...bytes.subarray(0, 2)]).toEqual(encoding === 'utf-16le' ? [0xff, 0xfe] : [0xfe, 0xff]);
      await page.reload();
      await importThroughPicker(page, `stakeholders-${encoding}.csv`, bytes, text);
      expect(await storedRows(tag)).toEqual(expectedRows(tag));
    }
    await page.close();
  });

  it('refuses a file whose names were already replaced by U+FFFD, saying how to save it, and stores nothing', async () => {
    const page = await openDirectory();
    const damaged = csvOf('bad').replace('张伟', '\uFFFD\uFFFD');
    await pick(page, 'damaged.csv', Buffer.from(damaged, 'utf-8'));
    await expect
      .poll(() => page.getByRole('alert').first().textContent(), { timeout: 30_000 })
      .toBe(
        'This file looks damaged: some characters cannot be read. Save it again as CSV UTF-8 in Excel or WPS and pick it again.',
      );
    expect(await page.getByLabel('…or paste the CSV here').inputValue()).toBe('');
    expect(await storedRows('bad')).toEqual([]);
    const replaced = await e2e.db.execute(
      "SELECT count(*) AS n FROM stakeholders WHERE name LIKE '%' || char(65533) || '%'",
    );
    expect(Number(replaced.rows[0]!.n)).toBe(0);
    await page.close();
  });
});
