// Capture end to end in Firefox: the same real server and fixture pages as capture.test.ts, the Firefox build
// installed in Debian's firefox-esr (harness/firefox.ts). "Log this" on each site's page and its panel, then the
// rows the server stored, as in Chromium.
import { describe, expect, it } from 'vitest';
import { loadFixture, type SiteFixture } from './harness/fixtures';
import { launchFirefoxWithExtension } from './harness/firefox';
import { logThisThreadInFirefox, waitForText } from './harness/firefox-log-this';
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
    const realm = await browser.extensionRealm();
    await realm.evaluate(
      async (settings) => {
        const ext = (globalThis as unknown as { browser: typeof chrome }).browser;
        await ext.storage.local.set(settings);
        await ext.runtime.sendMessage({ type: 'settings-changed', payload: {}, commsLog: 1 });
      },
      { serverUrl: server.url, token: provisioned.adminToken, languagePref: 'en' },
    );
    await waitFor(
      'the directory in the Firefox local copy',
      () =>
        realm.evaluate(async () => {
          const ext = (globalThis as unknown as { browser: typeof chrome }).browser;
          const { syncStatus } = (await ext.storage.local.get('syncStatus')) as {
            syncStatus?: { lastSyncAt?: string | null };
          };
          return syncStatus?.lastSyncAt ?? null;
        }),
      60_000,
    );
  },
});

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
    {
      site: 'outlook',
      name: 'media-inquiry-thread',
      type: 'media',
      channel: 'email',
      newStakeholder: { name: 'Media inquirer', type: 'media' },
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
});
