// Capture end to end in Firefox: the same real server and fixture pages as capture.test.ts, the Firefox build
// installed in Debian's firefox-esr (harness/firefox.ts). "Log this" on four sites' pages and its panel, a page
// whose own CSP forbids everything, a hostile sender name, and a log made while the server is down, checked
// against the rows the server stored, as in Chromium.
import { describe, expect, it } from 'vitest';
import { loadFixture, type SiteFixture } from './harness/fixtures';
import { launchFirefoxWithExtension } from './harness/firefox';
import {
  fieldValue,
  logThisThreadInFirefox,
  openLogPanelInFirefox,
  saveLogPanel,
  waitForText,
} from './harness/firefox-log-this';
import { provisionOrg } from './harness/org';
import { useE2e } from './harness/use-e2e';
import { waitFor } from './harness/wait';

const e2e = useE2e({
  name: 'capture-firefox',
  launch: launchFirefoxWithExtension,
  provision: (databaseUrl, dir) =>
    provisionOrg(databaseUrl, {
      dir,
      stakeholderCsv: [
        'Marcus Reid,customer,standard,Brightline Logistics,,marcus.reid@brightline-logistics.com,brightline-logistics.com,,,,',
        'Lukas Brandt,partner,core,Kestrel Payments,,,,,712020:cb01cd99-d56c-4264-9b9c-e4105867873b,,',
        'Emma Schulz,partner,core,Kestrel Payments,,,,,,emmaschulz_kestrel,',
      ],
    }),
  async afterBrowser({ browser, server, provisioned }) {
    // The server and token as the Options page saves them, then what its Save sends the background: check the
    // connection, fetch who-am-I and the org's settings, and sync (the directory arrives through sync.pull).
    await browser.setStorage({ serverUrl: server.url, token: provisioned.adminToken, languagePref: 'en' });
    await browser.sendToBackground('settings-changed');
    await waitFor('the directory in the Firefox local copy', () => syncStatus().then((st) => st?.lastSyncAt), 60_000);
  },
});

/** The background's sync state, as the popup reads it. */
const syncStatus = async () =>
  (await e2e.browser.getStorage(['syncStatus'])).syncStatus as
    | { lastSyncAt: string | null; pending: number }
    | undefined;

async function rowsOfThread(threadKey: string) {
  const rs = await e2e.db.execute({
    sql: 'SELECT direction, channel, source, occurred_at, stakeholder_type, author_name, stakeholder_id FROM interactions WHERE thread_key = ? AND deleted = 0 ORDER BY occurred_at, rowid',
    args: [threadKey],
  });
  return rs.rows;
}

const expectedRows = (fixture: SiteFixture) =>
  fixture.expected.messages.map((m) => ({
    direction: m.direction,
    occurred_at: Date.parse(m.sentAt),
    author_name: m.author.name,
  }));

describe('Log this, in context, in Firefox', () => {
  const cases: {
    site: string;
    name: string;
    type: string;
    channel: string;
    newStakeholder?: { name: string; type: string };
  }[] = [
    { site: 'gmail', name: 'customer-thread-4msg', type: 'customer', channel: 'email' },
    { site: 'jira', name: 'partner-integration-issue', type: 'partner', channel: 'project' },
    { site: 'trello', name: 'partner-launch-card', type: 'partner', channel: 'project' },
    {
      site: 'weibo',
      name: 'customer-complaint-post',
      type: 'customer',
      channel: 'social',
      newStakeholder: { name: 'Weibo complainant', type: 'customer' },
    },
  ];

  for (const c of cases) {
    it(`logs a ${c.site} thread with the right stakeholder type, channel, directions and times`, async () => {
      const fixture = loadFixture(c.site, c.name);
      const page = await logThisThreadInFirefox(
        e2e.browser,
        fixture,
        c.newStakeholder ? { newStakeholder: c.newStakeholder } : {},
      );
      const want = expectedRows(fixture);
      const rows = await waitFor(`${c.site} rows on the server`, async () => {
        const r = await rowsOfThread(`${fixture.expected.site}:${fixture.expected.threadId}`);
        return r.length === want.length ? r : null;
      });
      expect(
        rows.map((r) => ({
          direction: r.direction,
          occurred_at: Number(r.occurred_at),
          author_name: r.author_name,
        })),
      ).toEqual(want);
      for (const r of rows) {
        expect(r.stakeholder_type).toBe(c.type);
        expect(r.channel).toBe(c.channel);
        expect(r.source).toBe(c.site);
        expect(r.stakeholder_id).not.toBeNull();
      }
      // The page's button now says the thread is logged.
      await waitForText(page, /Logged \d+ messages/);
      await page.close();
    });
  }

  it('logs a thread from a page whose own CSP forbids frames, scripts and styles', async () => {
    // The button is the content script's and the panel an extension page: neither is the page's to allow.
    const fixture = loadFixture('trello', 'partner-golive-signoff-card');
    const page = await logThisThreadInFirefox(e2e.browser, fixture, {
      pageHeaders: {
        'content-security-policy':
          "default-src 'none'; script-src 'none'; style-src 'none'; frame-src 'none'; img-src 'none'",
      },
    });
    const want = expectedRows(fixture);
    const rows = await waitFor('the thread on the server', async () => {
      const r = await rowsOfThread(`${fixture.expected.site}:${fixture.expected.threadId}`);
      return r.length === want.length ? r : null;
    });
    expect(
      rows.map((r) => ({ direction: r.direction, occurred_at: Number(r.occurred_at), author_name: r.author_name })),
    ).toEqual(want);
    await page.close();
  });

  it('logs a hostile sender name as text and runs no script', async () => {
    const base = loadFixture('gmail', 'inbound-single-unanswered');
    const evilName = '<img src=x onerror="window.__pwned=1">Eve';
    const escaped = evilName.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
    const html = base.html.split(base.expected.messages[0]!.author.name).join(escaped);
    const { page, panel } = await openLogPanelInFirefox(e2e.browser, { ...base, html });
    // The suggested name comes from the page: it must arrive as a value, not as markup.
    await waitFor(
      'the page’s name in the panel',
      async () => (await fieldValue(panel, 'Stakeholder name')) === evilName,
    );
    await saveLogPanel(page, panel, { newStakeholder: { name: evilName, type: 'media' } });
    const injected = await page.evaluate(() => {
      const roots: (Document | ShadowRoot)[] = [document];
      for (const el of document.querySelectorAll('*')) if (el.shadowRoot) roots.push(el.shadowRoot);
      return {
        pwned: (window as unknown as { __pwned?: number }).__pwned ?? null,
        img: roots.some((r) => r.querySelector('img[src="x"]')),
      };
    });
    expect(injected).toEqual({ pwned: null, img: false });
    const rows = await waitFor('hostile rows on the server', async () => {
      const r = await rowsOfThread(`gmail:${base.expected.threadId}`);
      return r.length > 0 ? r : null;
    });
    expect(rows[0]!.author_name).toBe(evilName);
    await page.close();
  });

  it('queues a log while the server is down and delivers it exactly once after it returns', async () => {
    await e2e.stopServer();
    const fixture = loadFixture('outlook', 'media-inquiry-thread');
    const threadKey = `${fixture.expected.site}:${fixture.expected.threadId}`;
    const page = await logThisThreadInFirefox(e2e.browser, fixture, {
      newStakeholder: { name: 'Media inquirer', type: 'media' },
    });
    await page.close();
    await waitFor('the log queued in Firefox', async () => ((await syncStatus())?.pending ?? 0) > 0);
    expect(await rowsOfThread(threadKey)).toHaveLength(0);
    // The popup says so, and why it has not gone.
    const popup = await e2e.browser.openExtensionPage('popup.html');
    await waitForText(popup, /[1-9]\d* waiting to sync/);
    await waitForText(popup, /Last error: \S/);

    await e2e.restartServer();
    await e2e.browser.sendToBackground('sync-now');
    const want = expectedRows(fixture);
    const rows = await waitFor('the queued thread on the server', async () => {
      const r = await rowsOfThread(threadKey);
      return r.length >= want.length ? r : null;
    });
    expect(
      rows.map((r) => ({ direction: r.direction, occurred_at: Number(r.occurred_at), author_name: r.author_name })),
    ).toEqual(want);
    await waitFor('nothing left to sync in Firefox', async () => (await syncStatus())?.pending === 0);
    await waitForText(popup, /\b0 waiting to sync/);
    // Another sync must not duplicate anything.
    await e2e.browser.sendToBackground('sync-now');
    expect(await rowsOfThread(threadKey)).toHaveLength(want.length);
    await popup.close();
  });
});
