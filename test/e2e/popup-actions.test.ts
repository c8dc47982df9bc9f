// Two popup flows end to end: the real server on 127.0.0.1 (its own process, temp libSQL file), the built
// extension in Debian's Chromium. (1) A late customer email closed as "no reply needed" from the Follow-ups
// list: the row and the badge go, and the server stores the closure and marks the wait closed. (2) Messages the
// server refuses (their sender went on the org's never-log list after this browser last read it) are listed
// under "Not synced" with the server's reason; one is retried once the list is fixed and arrives exactly once,
// the other is discarded and never reaches the server.
import { describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page, Worker } from 'playwright-core';
import { lateEmailFromMarcus, marcus } from './harness/pushed-email';
import { loadFixture, type SiteFixture } from './harness/fixtures';
import { artifactsDir } from './harness/paths';
import { openExtensionPage, signInAndSync } from './harness/extension-pages';
import { type ExtensionStorage, getExtensionStorage } from './harness/extension-storage';
import { logThisThread } from './harness/log-this';
import { provisionOrg } from './harness/org';
import { useE2e } from './harness/use-e2e';
import { waitFor } from './harness/wait';

const ids = { customer: '', lateEmail: '' };

/** Two single-message inbound threads from senders the directory knows (so the panel saves without questions). */
const retried = loadFixture('gmail', 'inbound-single-unanswered');
const discarded = loadFixture('outlook', 'inbound-complaint-single');
const senderOf = (f: SiteFixture) => f.expected.messages[0]!.author;
const threadKeyOf = (f: SiteFixture) => `${f.expected.site}:${f.expected.threadId}`;

async function badgeText(worker: Worker): Promise<string> {
  return worker.evaluate(() => chrome.action.getBadgeText({}));
}

async function syncStatus(): Promise<NonNullable<ExtensionStorage['syncStatus']>> {
  return (await getExtensionStorage(e2e.browser.worker, ['syncStatus'])).syncStatus ?? {};
}

async function threadRows(
  threadKey: string,
): Promise<{ id: string; external_id: string | null; author_handle: string | null }[]> {
  const rs = await e2e.db.execute({
    sql: 'SELECT id, external_id, author_handle FROM interactions WHERE thread_key = ? AND deleted = 0',
    args: [threadKey],
  });
  return rs.rows as unknown as { id: string; external_id: string | null; author_handle: string | null }[];
}

/** Log the fixture's thread in this file's browser, saving what the panel offers. */
async function logThread(fixture: SiteFixture): Promise<void> {
  await (await logThisThread(e2e.browser, fixture)).close();
}

/** The "Not synced" rows, by what they say. */
function notSyncedRows(popup: Page): Locator {
  return popup.getByTestId('rejected-list').locator('li.rej-item');
}

async function notSyncedTexts(popup: Page): Promise<{ what: string; why: string; raw: string }[]> {
  return notSyncedRows(popup).evaluateAll((els) =>
    els.map((e) => ({
      what: e.querySelector('.rej-what')?.textContent ?? '',
      why: e.querySelector('.rej-why')?.textContent ?? '',
      raw: e.querySelector('.rej-why')?.getAttribute('title') ?? '',
    })),
  );
}

const openPopup = () => openExtensionPage(e2e.browser, 'popup.html');

const e2e = useE2e({
  name: 'popup-actions',
  async provision(databaseUrl, dir) {
    // Li Wei owns the customer whose email is late; the two senders of flow 2 are known but owned by nobody, so
    // nothing of theirs lands on Li Wei's follow-ups.
    const { adminToken, staffToken, stakeholderIds } = await provisionOrg(databaseUrl, {
      dir,
      staff: true,
      stakeholderCsv: [
        marcus.csvOwnedByLiWei,
        `${senderOf(retried).name},media,standard,Asia Tech Review,,${senderOf(retried).handle},,,,,`,
        `${senderOf(discarded).name},customer,standard,Huaxin Retail,,${senderOf(discarded).handle},,,,,`,
      ],
    });
    ids.customer = stakeholderIds[0]!;
    return { adminToken, staffToken: staffToken! };
  },
  async beforeBrowser() {
    // One customer email unanswered for 4 days (SLA 4 working hours): late whatever the weekday.
    const now = Date.now();
    const late = lateEmailFromMarcus(ids.customer, now);
    ids.lateEmail = late.id;
    const result = await staffApi().sync.push.mutate({ items: [late] });
    expect(result.rejected).toEqual([]);
    const overdue = await staffApi().followups.overdue.query({});
    expect(overdue.items.map((i) => `${i.kind}:${i.state}:${i.id}`)).toEqual([`wait:late:${ids.lateEmail}`]);
  },
  async afterBrowser({ browser, server, provisioned }) {
    // The directory and the late email arrive through sync.pull; the org's settings with the account refresh.
    await signInAndSync(
      browser,
      { serverUrl: server.url, token: provisioned.staffToken, name: 'Li Wei' },
      {
        what: 'a first sync and the org settings in the local copy',
        async check() {
          const got = await getExtensionStorage(browser.worker, ['syncStatus', 'orgSettings']);
          return Boolean(got.syncStatus?.lastSyncAt && got.orgSettings?.fetchedAt);
        },
      },
    );
  },
});

/** Li Wei's and Chen Jing's clients of the server. */
const staffApi = () => e2e.api(e2e.provisioned.staffToken);
const adminApi = () => e2e.api(e2e.provisioned.adminToken);

describe('"No reply needed" from the popup', () => {
  it('closes the late email with the typed reason: the row and the badge go, and the server stores the closure', async () => {
    const reason = 'Marcus confirmed by phone that the new delivery date works';
    await expect.poll(() => badgeText(e2e.browser.worker), { timeout: 20_000 }).toBe('1');
    const popup = await openPopup();
    const waitRow = popup.locator(`[data-testid="fu-row"][data-kind="wait"][data-id="${ids.lateEmail}"]`);
    await waitRow.waitFor({ timeout: 20_000 });
    expect(await waitRow.getAttribute('data-group')).toBe('awaiting');
    // Nothing closed on the server before the click.
    expect((await e2e.db.execute('SELECT count(*) AS n FROM wait_closures')).rows[0]?.n).toBe(0);

    await waitRow.getByRole('button', { name: 'No reply needed' }).click();
    await waitRow.getByLabel('Why is no reply needed?').fill(reason);
    await waitRow.getByRole('button', { name: 'Confirm' }).click();

    await expect
      .poll(() => popup.locator('[data-testid="fu-row"][data-kind="wait"]').count(), { timeout: 20_000 })
      .toBe(0);
    await expect.poll(() => badgeText(e2e.browser.worker), { timeout: 20_000 }).toBe('');

    const closure = await waitFor('the closure on the server', async () => {
      const rs = await e2e.db.execute({
        sql: 'SELECT reason, closed_by FROM wait_closures WHERE interaction_id = ?',
        args: [ids.lateEmail],
      });
      return rs.rows[0] ?? null;
    });
    expect(closure.reason).toBe(reason);
    const li = await e2e.db.execute({
      sql: 'SELECT id FROM users WHERE email = ?',
      args: ['li.wei@northwind-robotics.com'],
    });
    expect(closure.closed_by).toBe(li.rows[0]?.id);
    expect((await e2e.db.execute('SELECT count(*) AS n FROM wait_closures')).rows[0]?.n).toBe(1);
    const wait = await e2e.db.execute({ sql: 'SELECT on_time FROM interactions WHERE id = ?', args: [ids.lateEmail] });
    expect(wait.rows[0]?.on_time).toBe('closed');
    expect((await staffApi().followups.overdue.query({})).items).toEqual([]);

    // Once the action reached the server, the list recomputed from the server still has no wait.
    await expect.poll(() => popup.getByTestId('fu-pending-actions').count(), { timeout: 20_000 }).toBe(0);
    expect(await popup.locator('[data-testid="fu-row"][data-kind="wait"]').count()).toBe(0);
    await popup.close();
  });
});

describe('"Not synced": items the server refused', () => {
  it("lists two messages refused for the never-log list with the server's reason in words", async () => {
    // The admin adds both senders to the org's list after this browser cached the settings (an empty list),
    // so the extension captures them and only the server refuses.
    await adminApi().settings.update.mutate({
      orgNeverLog: [
        { kind: 'email', value: senderOf(retried).handle! },
        { kind: 'email', value: senderOf(discarded).handle! },
      ],
    });
    const cached = await getExtensionStorage(e2e.browser.worker, ['orgSettings']);
    expect(cached.orgSettings?.neverLog).toEqual([]);

    await logThread(retried);
    await logThread(discarded);
    await waitFor('two refused items', async () => (await syncStatus()).rejected === 2);

    const popup = await openPopup();
    await expect.poll(() => notSyncedRows(popup).count(), { timeout: 20_000 }).toBe(2);
    expect(await popup.getByTestId('rejected-list').getByRole('heading').textContent()).toBe('Not synced (2)');
    expect(await popup.getByTestId('pending-count').textContent()).toMatch(/2 refused by the server/);
    const rows = await notSyncedTexts(popup);
    const byWho = (f: SiteFixture) => rows.find((r) => r.what.includes(senderOf(f).name));
    for (const f of [retried, discarded]) {
      const row = byWho(f);
      expect(row, JSON.stringify(rows)).toBeDefined();
      expect(row!.what).toMatch(/^Email from /);
      // The server's own reason, and the popup's words for it.
      expect(row!.raw).toBe(`${senderOf(f).handle} is on the never-log list`);
      expect(row!.why).toBe(`${senderOf(f).handle} is on your organisation's never-log list.`);
    }
    await expect.poll(() => popup.getByRole('button', { name: 'Retry all' }).count()).toBe(1);
    mkdirSync(artifactsDir, { recursive: true });
    await popup.setViewportSize({ width: 400, height: 720 });
    await popup.screenshot({ path: join(artifactsDir, 'popup-not-synced.png') });
    await popup.close();

    // Refused means the server stored neither.
    expect(await threadRows(threadKeyOf(retried))).toEqual([]);
    expect(await threadRows(threadKeyOf(discarded))).toEqual([]);
  });

  it('retries one once its sender is off the list: the row goes and the server has the message exactly once', async () => {
    await adminApi().settings.update.mutate({ orgNeverLog: [{ kind: 'email', value: senderOf(discarded).handle! }] });
    const popup = await openPopup();
    const row = notSyncedRows(popup).filter({ hasText: senderOf(retried).name });
    await row.waitFor({ timeout: 20_000 });
    await row.getByRole('button', { name: 'Retry', exact: true }).click();

    await expect.poll(() => row.count(), { timeout: 20_000 }).toBe(0);
    const stored = await waitFor('the retried message on the server', async () => {
      const r = await threadRows(threadKeyOf(retried));
      return r.length > 0 ? r : null;
    });
    expect(stored).toHaveLength(1);
    expect(stored[0]!.external_id).toBe(retried.expected.messages[0]!.id);
    expect(stored[0]!.author_handle).toBe(senderOf(retried).handle);
    // The other one is still refused, alone now.
    await expect.poll(() => notSyncedRows(popup).count(), { timeout: 20_000 }).toBe(1);
    expect((await notSyncedTexts(popup))[0]!.what).toContain(senderOf(discarded).name);
    await expect.poll(async () => (await syncStatus()).pending, { timeout: 20_000 }).toBe(0);

    // Another sync sends nothing twice.
    const before = (await syncStatus()).lastSyncAt;
    await popup.getByRole('button', { name: 'Sync now' }).click();
    await waitFor('another sync', async () => (await syncStatus()).lastSyncAt !== before);
    expect(await threadRows(threadKeyOf(retried))).toHaveLength(1);
    await popup.close();
  });

  it('discards the other after confirming: gone from the popup, for good, and never on the server', async () => {
    let popup = await openPopup();
    const row = notSyncedRows(popup).filter({ hasText: senderOf(discarded).name });
    await row.waitFor({ timeout: 20_000 });
    await row.getByRole('button', { name: 'Discard' }).click();
    // Discarding asks first; nothing is dropped until confirmed.
    const confirm = row.getByRole('group', { name: 'Discard this for good?' });
    await confirm.waitFor();
    expect(await notSyncedRows(popup).count()).toBe(1);
    await confirm.getByRole('button', { name: 'Yes, discard' }).click();

    await expect.poll(() => popup.getByTestId('rejected-list').count(), { timeout: 20_000 }).toBe(0);
    await expect.poll(async () => (await syncStatus()).rejected, { timeout: 20_000 }).toBe(0);
    expect(await popup.getByTestId('pending-count').textContent()).not.toMatch(/refused/);

    // A sync after the discard still sends nothing of it.
    const before = (await syncStatus()).lastSyncAt;
    await popup.getByRole('button', { name: 'Sync now' }).click();
    await waitFor('a sync after the discard', async () => (await syncStatus()).lastSyncAt !== before);
    expect(await threadRows(threadKeyOf(discarded))).toEqual([]);
    await popup.close();

    // Reopened: the background, asked as the popup asks it, has nothing refused left, and the popup lists nothing.
    popup = await openPopup();
    await popup.getByTestId('last-sync').filter({ hasNotText: 'never' }).waitFor({ timeout: 20_000 });
    const listed = await popup.evaluate(() =>
      chrome.runtime.sendMessage({ type: 'rej-list', payload: {}, commsLog: 1 }),
    );
    expect(listed).toEqual({ ok: true, value: [] });
    expect(await popup.getByTestId('rejected-list').count()).toBe(0);
    expect(await popup.getByTestId('pending-count').textContent()).not.toMatch(/refused/);
    expect(await threadRows(threadKeyOf(discarded))).toEqual([]);
    expect(await threadRows(threadKeyOf(retried))).toHaveLength(1);
    await popup.close();
  });
});
