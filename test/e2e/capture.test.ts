// Capture end to end: the real server on 127.0.0.1 (its own process, temp libSQL file), the built extension in
// Debian's Chromium, fixture pages served at their real URLs; "Log this" on four sites, then offline logging
// that arrives exactly once after the server comes back.
import { describe, expect, it } from 'vitest';
import { loadFixture, serveFixtureAt, type SiteFixture } from './harness/fixtures';
import { openExtensionPage, signInAndSync } from './harness/extension-pages';
import { getExtensionStorage } from './harness/extension-storage';
import { logThisThread, openLogPanel } from './harness/log-this';
import { provisionOrg } from './harness/org';
import { useE2e } from './harness/use-e2e';
import { waitFor } from './harness/wait';

const e2e = useE2e({
  name: 'capture',
  // An org in Shanghai with the signed-in staff member, and the directory of known counterparts.
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
    // Configure through the options page, as a user would; the directory arrives through sync.pull: wait until
    // the background has it locally.
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

interface Row {
  thread_key: string;
  external_id: string | null;
  direction: string;
  channel: string;
  source: string;
  occurred_at: number;
  stakeholder_type: string;
  author_name: string;
  stakeholder_id: string | null;
}

async function rowsOfThread(threadKey: string): Promise<Row[]> {
  const rs = await e2e.db.execute({
    sql: 'SELECT thread_key, external_id, direction, channel, source, occurred_at, stakeholder_type, author_name, stakeholder_id FROM interactions WHERE thread_key = ? AND deleted = 0 ORDER BY occurred_at, rowid',
    args: [threadKey],
  });
  return rs.rows as unknown as Row[];
}

/** Log the fixture's thread in this file's browser. */
const logThread = (fixture: SiteFixture, opts: Parameters<typeof logThisThread>[2] = {}) =>
  logThisThread(e2e.browser, fixture, opts);

/** A page policy that forbids every frame, script, style and request of its own. */
const STRICT_CSP = "default-src 'none'; script-src 'none'; style-src 'none'; frame-src 'none'; img-src 'none'";

/** The capture's expected rows, as the server should hold them. */
function expectedRows(fixture: SiteFixture) {
  return fixture.expected.messages.map((m) => ({
    direction: m.direction,
    occurred_at: Date.parse(m.sentAt),
    author_name: m.author.name,
  }));
}

function threadKeyOf(f: SiteFixture) {
  return `${f.expected.site}:${f.expected.threadId}`;
}

const openPopup = () => openExtensionPage(e2e.browser, 'popup.html');

describe('Log this, in context', () => {
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
      const page = await logThread(fixture, c.newStakeholder ? { newStakeholder: c.newStakeholder } : {});
      const want = expectedRows(fixture);
      const rows = await waitFor(`${c.site} rows on the server`, async () => {
        const r = await rowsOfThread(threadKeyOf(fixture));
        return r.length === want.length ? r : null;
      });
      expect(
        rows.map((r) => ({ direction: r.direction, occurred_at: Number(r.occurred_at), author_name: r.author_name })),
      ).toEqual(want);
      for (const r of rows) {
        expect(r.stakeholder_type).toBe(c.type);
        expect(r.channel).toBe(c.channel);
        expect(r.source).toBe(c.site);
        expect(r.stakeholder_id).not.toBeNull();
      }
      // The button now says the thread is logged.
      await expect.poll(() => page.getByText(/Logged \d+ messages/).count(), { timeout: 10_000 }).toBeGreaterThan(0);
      await page.close();
    });
  }

  it('logs a thread from a page whose own CSP forbids frames, scripts and styles', async () => {
    // The button is the content script's and the panel an extension page: neither is the page's to allow.
    const fixture = loadFixture('trello', 'partner-golive-signoff-card');
    const page = await logThread(fixture, { pageHeaders: { 'content-security-policy': STRICT_CSP } });
    const want = expectedRows(fixture);
    const rows = await waitFor('the thread on the server', async () => {
      const r = await rowsOfThread(threadKeyOf(fixture));
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
    const sender = base.expected.messages[0]!.author.name;
    // The sender's name appears in attributes and text of the page; replace every occurrence.
    const html = base.html.split(sender).join(escaped);
    const fixture = { ...base, html };
    await serveFixtureAt(e2e.browser.context, fixture);
    const page = await e2e.browser.context.newPage();
    await page.goto(fixture.url);
    const panel = await openLogPanel(page);
    // The suggested name comes from the page: it must arrive as a value, not as markup.
    await expect.poll(() => panel.getByLabel('Stakeholder name').inputValue()).toBe(evilName);
    await panel.getByLabel('Stakeholder type').selectOption('media');
    await panel.getByRole('button', { name: 'Save' }).click();
    await panel.getByText(/Logged \d+ new messages/).waitFor({ timeout: 20_000 });
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    // No element was created from the name anywhere, shadow roots included.
    const injected = await page.evaluate(() => {
      const roots: (Document | ShadowRoot)[] = [document];
      for (const el of Array.from(document.querySelectorAll('*'))) if (el.shadowRoot) roots.push(el.shadowRoot);
      return roots.some((r) => r.querySelector('img[src="x"]'));
    });
    expect(injected).toBe(false);
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
    const page = await logThread(fixture, { newStakeholder: { name: 'Media inquirer', type: 'media' } });
    await page.close();

    const popup = await openPopup();
    await expect
      .poll(async () => Number((await popup.getByTestId('pending-count').textContent())?.match(/\d+/)?.[0] ?? 0), {
        timeout: 20_000,
      })
      .toBeGreaterThan(0);
    await expect.poll(() => popup.getByTestId('last-error').textContent(), { timeout: 20_000 }).toMatch(/\S/);
    expect(await rowsOfThread(threadKeyOf(fixture))).toHaveLength(0);

    await e2e.restartServer();
    await popup.getByRole('button', { name: 'Sync now' }).click();
    const want = expectedRows(fixture);
    const rows = await waitFor('the queued thread on the server', async () => {
      const r = await rowsOfThread(threadKeyOf(fixture));
      return r.length >= want.length ? r : null;
    });
    expect(
      rows.map((r) => ({ direction: r.direction, occurred_at: Number(r.occurred_at), author_name: r.author_name })),
    ).toEqual(want);
    await expect
      .poll(async () => Number((await popup.getByTestId('pending-count').textContent())?.match(/\d+/)?.[0] ?? 0), {
        timeout: 20_000,
      })
      .toBe(0);

    // Another sync must not duplicate anything.
    await popup.getByRole('button', { name: 'Sync now' }).click();
    await new Promise((r) => setTimeout(r, 1500));
    expect(await rowsOfThread(threadKeyOf(fixture))).toHaveLength(want.length);
    await popup.close();
  });
});
