// Capture beyond weibo.com and Jira Cloud in English, end to end: the real server, the built extension in
// Chromium, fixture pages served at their real URLs. An m.weibo.cn post (and the same post from weibo.com: one
// thread, one row per message), a Jira issue in a zh-CN UI, and Jira Data Center on a host added in Options,
// whose permission prompt is answered with the keyboard as a user would (harness/headed-browser.ts).
import { describe, expect, it } from 'vitest';
import { openExtensionPage, signInAndSync } from './harness/extension-pages';
import { getExtensionStorage } from './harness/extension-storage';
import { loadFixture, type SiteFixture } from './harness/fixtures';
import { type HeadedExtensionBrowser, launchHeadedWithExtension } from './harness/headed-browser';
import { logThisThread } from './harness/log-this';
import { provisionOrg } from './harness/org';
import { useE2e } from './harness/use-e2e';
import { waitFor } from './harness/wait';

const e2e = useE2e<Awaited<ReturnType<typeof provisionOrg>>, HeadedExtensionBrowser>({
  name: 'capture-languages',
  launch: launchHeadedWithExtension,
  provision: (databaseUrl, dir) =>
    provisionOrg(databaseUrl, {
      dir,
      stakeholderCsv: [
        'Lukas Brandt,partner,core,Kestrel Payments,,,,,712020:cb01cd99-d56c-4264-9b9c-e4105867873b,,',
        'Xiaolin,customer,standard,,,,,6123456789,,,',
      ],
    }),
  async afterBrowser({ browser, server, provisioned }) {
    await signInAndSync(
      browser,
      { serverUrl: server.url, token: provisioned.adminToken, name: 'Chen Jing' },
      {
        what: 'the directory in the local copy',
        check: async () => (await getExtensionStorage(browser.worker, ['syncStatus'])).syncStatus?.lastSyncAt,
      },
    );
  },
});

type Row = { external_id: string | null; direction: string; occurred_at: number; author_name: string; source: string };

async function rowsOf(threadKey: string): Promise<Row[]> {
  const rs = await e2e.db.execute({
    sql: 'SELECT external_id, direction, occurred_at, author_name, source FROM interactions WHERE thread_key = ? AND deleted = 0 ORDER BY occurred_at, rowid',
    args: [threadKey],
  });
  return rs.rows as unknown as Row[];
}

const wanted = (f: SiteFixture) =>
  f.expected.messages.map((m) => ({
    direction: m.direction,
    occurred_at: Date.parse(m.sentAt),
    author_name: m.author.name,
  }));
const got = (rows: Row[]) =>
  rows.map((r) => ({ direction: r.direction, occurred_at: Number(r.occurred_at), author_name: r.author_name }));

/** Logs the fixture's thread and waits until the server holds `count` rows of it. */
async function logAndWait(
  f: SiteFixture,
  count: number,
  opts: { newStakeholder?: { name: string; type: string } } = {},
) {
  const page = await logThisThread(e2e.browser, f, opts);
  await page.close();
  const key = `${f.expected.site}:${f.expected.threadId}`;
  return waitFor(`${count} rows of ${key}`, async () => {
    const rows = await rowsOf(key);
    return rows.length === count ? rows : null;
  });
}

describe('capture in other UI languages, layouts and hosts', () => {
  it('logs an m.weibo.cn post, and the same post from weibo.com adds only what m.weibo.cn did not show', async () => {
    const mobile = loadFixture('weibo', 'm-customer-complaint-status');
    const rows = await logAndWait(mobile, mobile.expected.messages.length);
    expect(got(rows)).toEqual(wanted(mobile));
    expect(new Set(rows.map((r) => r.source))).toEqual(new Set(['weibo']));

    const desktop = loadFixture('weibo', 'customer-complaint-post');
    const both = await logAndWait(desktop, desktop.expected.messages.length);
    // One row per message: the four m.weibo.cn rows are the weibo.com rows of the same messages.
    expect(got(both)).toEqual(wanted(desktop));
    expect(both.filter((r) => rows.some((m) => m.external_id === r.external_id))).toHaveLength(rows.length);
  });

  it('logs a Jira issue shown in a zh-CN UI', async () => {
    const f = loadFixture('jira', 'zh-cn-partner-integration-issue');
    const rows = await logAndWait(f, f.expected.messages.length);
    expect(got(rows)).toEqual(wanted(f));
  });

  it('logs a Jira Data Center issue on a host added in Options, and keeps the host across a restart', async () => {
    const f = loadFixture('jira', 'dc-partner-sso-issue');
    const host = new URL(f.url).hostname;
    const options = await openExtensionPage(e2e.browser, 'options.html');
    const section = options.getByRole('region', { name: "Sites on your organisation's own domains" });
    await section.getByPlaceholder('jira.example.cn').fill(host);
    await section.getByRole('button', { name: 'Add' }).click();
    // The browser's own prompt ("comms-log has requested additional permissions"): Deny has the focus, Allow is next.
    await new Promise((r) => setTimeout(r, 1500));
    e2e.browser.pressKeys('Tab', 'Return');
    await section.getByTestId('own-domain').filter({ hasText: host }).waitFor({ timeout: 20_000 });
    await options.close();
    const registered = () => e2e.browser.worker.evaluate(() => chrome.scripting.getRegisteredContentScripts());
    await waitFor('the content script on the own host', async () => (await registered()).length === 1);

    const rows = await logAndWait(f, f.expected.messages.length, {
      newStakeholder: { name: 'Lukas Brandt (Data Center)', type: 'partner' },
    });
    expect(got(rows)).toEqual(wanted(f));
    expect(rows.every((r) => r.source === 'jira')).toBe(true);

    await e2e.restartBrowser();
    const again = await waitFor('the content script after a restart', async () => {
      const scripts = await registered();
      return scripts.length > 0 ? scripts : null;
    });
    expect(again.map((s) => s.matches)).toEqual([[`https://${host}/*`]]);
  });
});
