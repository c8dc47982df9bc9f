// Two people on one browser profile: what Li Wei logs offline stays hers. She signs out, Zhou Min signs in: his sync
// sends none of her rows and his popup shows none of her data, only that her items wait for her; she signs in
// again and they arrive as hers. The real server on 127.0.0.1 (its own process), the built extension in Chromium.
import { describe, expect, it } from 'vitest';
import type { Page, Worker } from 'playwright-core';
import { openExtensionPage, signInThroughOptions } from './harness/extension-pages';
import { getExtensionStorage } from './harness/extension-storage';
import { lateEmailFromMarcus, marcus } from './harness/pushed-email';
import { org, provisionOrg } from './harness/org';
import { useE2e } from './harness/use-e2e';
import { waitFor } from './harness/wait';

/** What Li Wei logs while the server is down: a call with Marcus, its note hers alone. */
const offlineNote = 'Call with Marcus about the delayed pallets';
const pushedTitle = 'Delivery delay on order 1182';
let customer = '';

const e2e = useE2e({
  name: 'sign-in-change',
  async provision(databaseUrl, dir) {
    const { staffToken, managerToken, stakeholderIds } = await provisionOrg(databaseUrl, {
      dir,
      staff: true,
      manager: true,
      stakeholderCsv: [marcus.csvOwnedByLiWei],
    });
    customer = stakeholderIds[0]!;
    return { staffToken: staffToken!, managerToken: managerToken! };
  },
  async beforeBrowser({ api, provisioned }) {
    // A wait of Li Wei's the server has: her popup lists it as late.
    const item = lateEmailFromMarcus(customer, Date.now());
    const res = await api(provisioned.staffToken).sync.push.mutate({ items: [item] });
    expect(res.rejected).toEqual([]);
  },
});

const userId = async (email: string) =>
  String((await e2e.db.execute({ sql: 'SELECT id FROM users WHERE email = ?', args: [email] })).rows[0]!.id);

/** The server's rows carrying the offline note, with who logged them. */
const storedOffline = async () =>
  (await e2e.db.execute({ sql: 'SELECT id, user_id FROM interactions WHERE note = ?', args: [offlineNote] })).rows;

/** What the extension's IndexedDB holds: the local copy's rows and the outbox's, read in its service worker. */
function indexedDbRows(worker: Worker): Promise<{ interactions: string[]; outbox: { id: string; owner: string }[] }> {
  return worker.evaluate(async () => {
    const db: IDBDatabase = await new Promise((ok, fail) => {
      const req = indexedDB.open('comms-log');
      req.onsuccess = () => ok(req.result);
      req.onerror = () => fail(req.error);
    });
    const all = <R>(store: string) =>
      new Promise<R[]>((ok) => {
        const req = db.transaction(store, 'readonly').objectStore(store).getAll();
        req.onsuccess = () => ok(req.result as R[]);
      });
    const interactions = (await all<{ note?: string; title?: string }>('interactions')).map(
      (i) => i.note || i.title || '',
    );
    const outbox = (await all<{ id: string; owner?: { id: string } }>('outbox')).map((r) => ({
      id: r.id,
      owner: r.owner?.id ?? '',
    }));
    db.close();
    return { interactions, outbox };
  });
}

async function lastSyncAt(): Promise<string | null> {
  return (await getExtensionStorage(e2e.browser.worker, ['syncStatus'])).syncStatus?.lastSyncAt ?? null;
}

/** Signs in through Options, presses Sync now, and waits for a sync that ended well after it. */
async function signInAndWaitForSync(token: string, name: string): Promise<void> {
  const before = await lastSyncAt();
  const options = await signInThroughOptions(e2e.browser, { serverUrl: e2e.server.url, token, name, keepOpen: true });
  await options.getByRole('button', { name: 'Sync now' }).click();
  await waitFor(`a sync as ${name}`, async () => {
    const { syncStatus } = await getExtensionStorage(e2e.browser.worker, ['syncStatus']);
    const status = syncStatus as { lastSyncAt?: string | null; state?: string } | undefined;
    return status?.lastSyncAt && status.lastSyncAt !== before && status.state === 'idle';
  });
  await options.close();
}

const openPopup = () => openExtensionPage(e2e.browser, 'popup.html');
const pageText = (page: Page) => page.evaluate(() => document.body.textContent ?? '');

describe('another person signs in on the same browser profile', () => {
  it("keeps Li Wei's offline log hers: Zhou Min's sync sends none of it and his popup shows none of her data", async () => {
    const { browser, provisioned } = e2e;
    await signInAndWaitForSync(provisioned.staffToken, org.staff.name);
    let popup = await openPopup();
    await popup.locator('[data-testid="fu-row"]').filter({ hasText: pushedTitle }).waitFor({ timeout: 20_000 });
    await popup.close();

    await e2e.stopServer();
    try {
      popup = await openPopup();
      const logged = await popup.evaluate(
        (payload) => chrome.runtime.sendMessage({ type: 'log-manual', payload, commsLog: 1 }),
        {
          stakeholderId: customer,
          stakeholderType: 'customer',
          channel: 'phone',
          direction: 'outbound',
          occurredAt: new Date().toISOString(),
          durationMin: 15,
          note: offlineNote,
          purpose: null,
        },
      );
      expect(logged).toMatchObject({ ok: true });
      await expect.poll(() => popup.getByTestId('pending-count').textContent(), { timeout: 20_000 }).toMatch(/^1 /);
      await popup.close();

      const options = await openExtensionPage(browser, 'options.html');
      await options.getByRole('button', { name: 'Sign out' }).click();
      await options.getByTestId('connection-status').filter({ hasText: 'Signed out' }).waitFor({ timeout: 20_000 });
      await options.close();
      await waitFor(
        'her copy gone at sign-out',
        async () => (await indexedDbRows(browser.worker)).interactions.length === 0,
      );
    } finally {
      await e2e.restartServer();
    }
    await waitFor('the server again', async () => (await fetch(`${e2e.server.url}/healthz`)).ok);

    await signInAndWaitForSync(provisioned.managerToken, org.manager.name);
    expect(await storedOffline()).toEqual([]);
    const rows = await indexedDbRows(browser.worker);
    expect(rows.interactions).not.toContain(offlineNote);
    expect(rows.interactions).not.toContain(pushedTitle);
    expect(rows.outbox).toEqual([{ id: expect.any(String), owner: await userId(org.staff.email) }]);

    popup = await openPopup();
    const waiting = popup.getByTestId('users-waiting');
    await waiting.waitFor({ timeout: 20_000 });
    expect(await waiting.textContent()).toContain(`1 items logged by ${org.staff.email} are waiting`);
    await popup.getByTestId('last-sync').filter({ hasNotText: 'never' }).waitFor({ timeout: 20_000 });
    expect(await popup.getByTestId('pending-count').textContent()).toMatch(/^0 /);
    const text = await pageText(popup);
    expect(text).not.toContain(pushedTitle);
    expect(text).not.toContain(offlineNote);
    // The popup's kept first screen was Li Wei's: the next open draws nothing of hers before its code loads.
    const kept = await popup.evaluate(() => localStorage.getItem('popupFirstScreen') ?? '');
    expect(kept).not.toContain(marcus.author.name);
    await popup.close();
  });

  it('sends her offline log as hers once she signs in again', async () => {
    const { browser, provisioned } = e2e;
    await signInAndWaitForSync(provisioned.staffToken, org.staff.name);
    const stored = await waitFor('her offline call on the server', async () => {
      const rows = await storedOffline();
      return rows.length > 0 ? rows : null;
    });
    expect(stored.map((r) => r.user_id)).toEqual([await userId(org.staff.email)]);
    // Her copy is back from the server (the pull starts again from 0), her call answering Marcus's email.
    await waitFor('her copy pulled again', async () => {
      const rows = await indexedDbRows(browser.worker);
      return rows.outbox.length === 0 && [offlineNote, pushedTitle].every((x) => rows.interactions.includes(x));
    });

    const popup = await openPopup();
    await popup.getByTestId('last-sync').filter({ hasNotText: 'never' }).waitFor({ timeout: 20_000 });
    expect(await popup.getByTestId('pending-count').textContent()).toMatch(/^0 /);
    expect(await popup.getByTestId('users-waiting').count()).toBe(0);
    await popup.close();
  });
});
