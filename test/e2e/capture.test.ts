// Capture end to end, in Debian's Chromium and in its firefox-esr: the real server on 127.0.0.1 (its own process,
// temp libSQL file), the built extension, fixture pages served at their real URLs. "Log this" on four sites, a page
// whose own CSP forbids everything, a hostile sender name, and offline logging that arrives exactly once after the
// server comes back, checked against the rows the server stored. One list of cases; each browser implements the
// steps (harness/capture-driver.ts).
import { describe, expect, it } from 'vitest';
import { type CaptureBrowser, logThread } from './harness/capture-driver';
import { launchChromiumDriver } from './harness/chromium-driver';
import { loadFixture, type SiteFixture } from './harness/fixtures';
import { launchFirefoxDriver } from './harness/firefox-driver';
import { provisionOrg } from './harness/org';
import { useE2e } from './harness/use-e2e';
import { waitFor } from './harness/wait';

const browsers = [
  { name: 'Chromium', launch: launchChromiumDriver },
  { name: 'Firefox', launch: launchFirefoxDriver },
];

/** An org in Shanghai with the signed-in staff member, and the directory of known counterparts. */
const provision = (databaseUrl: string, dir: string) =>
  provisionOrg(databaseUrl, {
    dir,
    stakeholderCsv: [
      'Marcus Reid,customer,standard,Brightline Logistics,,marcus.reid@brightline-logistics.com,brightline-logistics.com,,,,',
      'Lukas Brandt,partner,core,Kestrel Payments,,,,,712020:cb01cd99-d56c-4264-9b9c-e4105867873b,,',
      'Emma Schulz,partner,core,Kestrel Payments,,,,,,emmaschulz_kestrel,',
    ],
  });

const siteCases: {
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

/** A page policy that forbids every frame, script, style and request of its own. */
const STRICT_CSP = "default-src 'none'; script-src 'none'; style-src 'none'; frame-src 'none'; img-src 'none'";

/** The capture's expected rows, as the server should hold them. */
const expectedRows = (fixture: SiteFixture) =>
  fixture.expected.messages.map((m) => ({
    direction: m.direction,
    occurred_at: Date.parse(m.sentAt),
    author_name: m.author.name,
  }));

const threadKeyOf = (f: SiteFixture) => `${f.expected.site}:${f.expected.threadId}`;

/** An interaction as the server stored it. */
interface Row {
  direction: string;
  channel: string;
  source: string;
  occurred_at: number;
  stakeholder_type: string;
  author_name: string;
  stakeholder_id: string | null;
}

const shapeOf = (rows: Row[]) =>
  rows.map((r) => ({ direction: r.direction, occurred_at: Number(r.occurred_at), author_name: r.author_name }));

describe.each(browsers)('Log this, in context, in $name', ({ name, launch }) => {
  const e2e = useE2e<Awaited<ReturnType<typeof provision>>, CaptureBrowser>({
    name: `capture-${name.toLowerCase()}`,
    launch,
    provision,
    afterBrowser: ({ browser, server, provisioned }) =>
      browser.signIn({ serverUrl: server.url, token: provisioned.adminToken, name: 'Chen Jing' }),
  });

  async function rowsOfThread(threadKey: string): Promise<Row[]> {
    const rs = await e2e.db.execute({
      sql: 'SELECT direction, channel, source, occurred_at, stakeholder_type, author_name, stakeholder_id FROM interactions WHERE thread_key = ? AND deleted = 0 ORDER BY occurred_at, rowid',
      args: [threadKey],
    });
    return rs.rows as unknown as Row[];
  }

  /** The thread's rows, once the server holds `count` of them; more fail the caller's comparison. */
  const rowsOnceStored = (what: string, threadKey: string, count: number) =>
    waitFor(what, async () => {
      const r = await rowsOfThread(threadKey);
      return r.length >= count ? r : null;
    });

  for (const c of siteCases) {
    it(`logs a ${c.site} thread with the right stakeholder type, channel, directions and times`, async () => {
      const fixture = loadFixture(c.site, c.name);
      const page = await logThread(e2e.browser, fixture, c.newStakeholder ? { newStakeholder: c.newStakeholder } : {});
      const want = expectedRows(fixture);
      const rows = await rowsOnceStored(`${c.site} rows on the server`, threadKeyOf(fixture), want.length);
      expect(shapeOf(rows)).toEqual(want);
      for (const r of rows) {
        expect(r.stakeholder_type).toBe(c.type);
        expect(r.channel).toBe(c.channel);
        expect(r.source).toBe(c.site);
        expect(r.stakeholder_id).not.toBeNull();
      }
      // The page's button now says the thread is logged.
      await page.waitForText(/Logged \d+ messages/);
      await page.close();
    });
  }

  it('logs a thread from a page whose own CSP forbids frames, scripts and styles', async () => {
    // The button is the content script's and the panel an extension page: neither is the page's to allow.
    const fixture = loadFixture('trello', 'partner-golive-signoff-card');
    const page = await logThread(e2e.browser, fixture, { pageHeaders: { 'content-security-policy': STRICT_CSP } });
    const want = expectedRows(fixture);
    const rows = await rowsOnceStored('the thread on the server', threadKeyOf(fixture), want.length);
    expect(shapeOf(rows)).toEqual(want);
    await page.close();
  });

  it('logs a hostile sender name as text and runs no script', async () => {
    const base = loadFixture('gmail', 'inbound-single-unanswered');
    const evilName = '<img src=x onerror="window.__pwned=1">Eve';
    const escaped = evilName.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
    // The sender's name appears in attributes and text of the page; replace every occurrence.
    const html = base.html.split(base.expected.messages[0]!.author.name).join(escaped);
    const page = await e2e.browser.openSitePage({ ...base, html });
    const panel = await page.pressLogThis();
    // The suggested name comes from the page: it must arrive as a value, not as markup.
    await expect.poll(() => panel.fieldValue('Stakeholder name'), { timeout: 20_000 }).toBe(evilName);
    await panel.select('Stakeholder type', 'media');
    await panel.save();
    // No script ran, and no element was created from the name anywhere, shadow roots included.
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
    const st = await e2e.db.execute({
      sql: 'SELECT name FROM stakeholders WHERE id = ?',
      args: [rows[0]!.stakeholder_id],
    });
    expect(st.rows[0]?.name).toBe(evilName);
    await page.close();
  });

  it('queues a log while the server is down and delivers it exactly once after it returns', async () => {
    await e2e.stopServer();
    const fixture = loadFixture('outlook', 'media-inquiry-thread');
    const threadKey = threadKeyOf(fixture);
    const page = await logThread(e2e.browser, fixture, { newStakeholder: { name: 'Media inquirer', type: 'media' } });
    await page.close();
    await waitFor('the log queued', async () => ((await e2e.browser.syncStatus())?.pending ?? 0) > 0);
    expect(await rowsOfThread(threadKey)).toHaveLength(0);
    // The popup says so, and why it has not gone.
    const popup = await e2e.browser.openExtensionPage('popup.html');
    await expect.poll(() => popup.textOf('pending-count'), { timeout: 20_000 }).toMatch(/^[1-9]\d* waiting to sync/);
    await expect.poll(() => popup.textOf('last-error'), { timeout: 20_000 }).toMatch(/^Last error: \S/);

    await e2e.restartServer();
    await popup.press('Sync now');
    const want = expectedRows(fixture);
    const rows = await rowsOnceStored('the queued thread on the server', threadKey, want.length);
    expect(shapeOf(rows)).toEqual(want);
    await waitFor('nothing left to sync', async () => (await e2e.browser.syncStatus())?.pending === 0);
    await expect.poll(() => popup.textOf('pending-count'), { timeout: 20_000 }).toMatch(/^0 waiting to sync/);

    // Another sync must not duplicate anything: press it, and count once it has finished.
    const lastSyncAt = (await e2e.browser.syncStatus())?.lastSyncAt;
    await popup.press('Sync now');
    await waitFor('another sync', async () => (await e2e.browser.syncStatus())?.lastSyncAt !== lastSyncAt);
    expect(await rowsOfThread(threadKey)).toHaveLength(want.length);
    await popup.close();
  });

  it('is still signed in after the browser restarts on its profile', async () => {
    const before = (await e2e.browser.syncStatus())?.lastSyncAt;
    expect(before).toBeTruthy();
    await e2e.restartBrowser();
    // A fresh profile would have no token: its syncs fail, and lastSyncAt only moves on a sync that succeeded.
    const popup = await e2e.browser.openExtensionPage('popup.html');
    await popup.press('Sync now');
    await waitFor('a sync after the restart', async () => {
      const at = (await e2e.browser.syncStatus())?.lastSyncAt;
      return at && at !== before;
    });
    await popup.close();
  });
});
