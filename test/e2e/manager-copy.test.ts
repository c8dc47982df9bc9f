// A manager's local copy holds only their own rows (docs/sync.md "Pull"), and the team view still lists the team's
// follow-ups, from the server, and offline as the server last sent them. The browser starts with the copy an older
// version left: the org's rows, pulled with scope 'org' and written into the extension's IndexedDB with the cursor
// past them. Its first sync as the manager shrinks it to their own rows. The real server on 127.0.0.1 (its own
// process), the built extension in Debian's Chromium.
import { describe, expect, it } from 'vitest';
import type { PushItem, Stakeholder } from '@comms-log/shared';
import type { Worker } from 'playwright-core';
import { openExtensionPage, signInAndSync } from './harness/extension-pages';
import { getExtensionStorage } from './harness/extension-storage';
import { marcus, emailFromMarcus } from './harness/pushed-email';
import { org, provisionOrg } from './harness/org';
import { runCli } from './harness/server-process';
import { ulidAt } from './harness/ulid-at';
import { useE2e } from './harness/use-e2e';
import type { ApiClient } from './harness/api-client';
import { waitFor } from './harness/wait';

const DAY = 86_400_000;
const second = { name: 'Wang Fang', email: 'wang.fang@northwind-robotics.com' };

/** Tokens, and each one's late emails: Li Wei 3, Wang Fang 2, the manager 1. */
const late: { staff: string[]; second: string[]; manager: string[] } = { staff: [], second: [], manager: [] };
let customer = '';
let seq = 0;

async function secondStaffToken(databaseUrl: string): Promise<string> {
  const args = ['--org', org.name, '--email', second.email, '--name', second.name, '--role', 'staff'];
  await runCli(databaseUrl, ['user:create', ...args]);
  const out = await runCli(databaseUrl, ['token:create', '--user', second.email]);
  return /\bcl_[A-Za-z0-9_-]{20,}/.exec(out)![0];
}

/** `n` customer emails unanswered for 4 days in threads of their own, pushed as `api`'s user. */
async function pushLate(api: ApiClient, n: number): Promise<string[]> {
  const at = Date.now() - 4 * DAY;
  const items: PushItem[] = Array.from({ length: n }, () => {
    seq += 1;
    return emailFromMarcus(customer, {
      id: ulidAt(at + seq, seq),
      at: at + seq,
      externalId: `msg-${seq}`,
      threadKey: `gmail:thread-${seq}`,
      title: `Order question ${seq}`,
    });
  });
  const res = await api.sync.push.mutate({ items });
  expect(res.rejected).toEqual([]);
  return items.map((i) => i.id);
}

/** Counts of the extension's local copy, read in its service worker. */
function localCounts(worker: Worker): Promise<{ interactions: number; followups: number; stakeholders: number }> {
  return worker.evaluate(async () => {
    const db: IDBDatabase = await new Promise((ok, fail) => {
      const req = indexedDB.open('comms-log');
      req.onsuccess = () => ok(req.result);
      req.onerror = () => fail(req.error);
    });
    const tx = db.transaction(['interactions', 'followups', 'stakeholders'], 'readonly');
    const count = (store: string) =>
      new Promise<number>((ok) => {
        const req = tx.objectStore(store).count();
        req.onsuccess = () => ok(req.result);
      });
    const counts = {
      interactions: await count('interactions'),
      followups: await count('followups'),
      stakeholders: await count('stakeholders'),
    };
    db.close();
    return counts;
  });
}

/**
 * What an older version left in a manager's browser: every row of the org (sync.pull with scope 'org') as its
 * sync store wrote them, and the cursor past them.
 */
async function writeOrgCopy(worker: Worker, api: ApiClient): Promise<number> {
  const page = await api.sync.pull.query({ cursor: 0, limit: 1000, scope: 'org' });
  expect(page.hasMore).toBe(false);
  const stores = {
    interactions: page.interactions.map((i) => ({ ...i, loggedAt: i.createdAt, pending: false })),
    followups: page.followups.map((f) => ({ ...f, pending: false })),
    stakeholders: page.stakeholders.map((s: Stakeholder) => ({
      ...s,
      identityKeys: [],
      nameLower: s.name.toLowerCase(),
      pending: false,
    })),
    meta: [{ key: 'cursor', value: page.cursor }],
  };
  await worker.evaluate(async (stores) => {
    const open = (): Promise<IDBDatabase> =>
      new Promise((ok, fail) => {
        const req = indexedDB.open('comms-log');
        req.onsuccess = () => ok(req.result);
        req.onerror = () => fail(req.error);
      });
    const ownerMarked = async () => {
      const db = await open();
      const got = await new Promise((ok) => {
        const req = db.transaction('meta').objectStore('meta').get('copyOwner');
        req.onsuccess = () => ok(req.result !== undefined);
        req.onerror = () => ok(false);
      });
      db.close();
      return got;
    };
    for (let i = 0; i < 100 && !(await indexedDB.databases()).some((d) => d.name === 'comms-log'); i++)
      await new Promise((r) => setTimeout(r, 50));
    // The background's first pass, signed in as nobody, empties whatever copy it finds: written before that pass,
    // this copy would be gone before the test reads it. Written after, with no owner, it is what an older version left.
    for (let i = 0; i < 200 && !(await ownerMarked()); i++) await new Promise((r) => setTimeout(r, 50));
    const db = await open();
    const tx = db.transaction(Object.keys(stores), 'readwrite');
    for (const [store, records] of Object.entries(stores))
      for (const record of records) tx.objectStore(store).put(record);
    for (const key of ['copyOwner', 'copyOwnerLabel']) tx.objectStore('meta').delete(key);
    await new Promise<void>((ok, fail) => {
      tx.oncomplete = () => ok();
      tx.onerror = () => fail(tx.error);
    });
    db.close();
  }, stores);
  return page.interactions.length;
}

const e2e = useE2e({
  name: 'manager-copy',
  async provision(databaseUrl, dir) {
    const { managerToken, staffToken, stakeholderIds } = await provisionOrg(databaseUrl, {
      dir,
      staff: true,
      manager: true,
      stakeholderCsv: [marcus.csvOwnedByLiWei],
    });
    customer = stakeholderIds[0]!;
    return { managerToken: managerToken!, staffToken: staffToken!, secondToken: await secondStaffToken(databaseUrl) };
  },
  async beforeBrowser({ api, provisioned }) {
    late.staff = await pushLate(api(provisioned.staffToken), 3);
    late.second = await pushLate(api(provisioned.secondToken), 2);
    late.manager = await pushLate(api(provisioned.managerToken), 1);
  },
});

const openPopup = () => openExtensionPage(e2e.browser, 'popup.html');

describe("a manager's local copy", () => {
  it('shrinks to their own rows on the first sync, and the team view lists the whole team from the server', async () => {
    const { browser, server, provisioned } = e2e;
    const orgRows = await writeOrgCopy(browser.worker, e2e.api(provisioned.managerToken));
    expect(orgRows).toBe(6);
    expect((await localCounts(browser.worker)).interactions).toBe(6);

    await signInAndSync(
      browser,
      { serverUrl: server.url, token: provisioned.managerToken, name: org.manager.name },
      {
        what: "a first sync as the manager and only the manager's rows left",
        async check() {
          const got = await getExtensionStorage(browser.worker, ['syncStatus']);
          return got.syncStatus?.lastSyncAt && (await localCounts(browser.worker)).interactions === 1;
        },
      },
    );
    const counts = await localCounts(browser.worker);
    expect(counts).toEqual({ interactions: 1, followups: 0, stakeholders: 1 });
    expect(counts.interactions).toBeLessThan(orgRows);

    const popup = await openPopup();
    await popup.getByLabel('Whose follow-ups').selectOption('team');
    const waits = popup.locator('[data-testid="fu-row"][data-kind="wait"]');
    await expect.poll(() => waits.count(), { timeout: 20_000 }).toBe(6);
    const shown = await waits.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id')));
    expect(shown.sort()).toEqual([...late.staff, ...late.second, ...late.manager].sort());
    expect(await popup.getByTestId('fu-group-awaiting').textContent()).toMatch(/6$/);
    await popup.close();
  });

  it('shows the team list offline as the server last sent it, with its time', async () => {
    await e2e.stopServer();
    try {
      const popup = await openPopup();
      await popup.getByLabel('Whose follow-ups').selectOption('team');
      await expect
        .poll(() => popup.locator('[data-testid="fu-row"][data-kind="wait"]').count(), { timeout: 20_000 })
        .toBe(6);
      // The kept list is painted at once; the server's silence then marks it as its last.
      await expect
        .poll(() => popup.getByTestId('fu-updated').textContent(), { timeout: 20_000 })
        .toMatch(/^Offline: the team's list as the server sent it at /);
      // A colleague's list was never shown here: nothing kept, and the popup says the server cannot be reached.
      await popup.getByLabel('Whose follow-ups').selectOption({ label: 'Li Wei' });
      await expect.poll(() => popup.getByRole('alert').count(), { timeout: 20_000 }).toBeGreaterThan(0);
      await popup.close();
    } finally {
      await e2e.restartServer();
    }
    await waitFor('the server again', async () => (await fetch(`${e2e.server.url}/healthz`)).ok);
  });
});
