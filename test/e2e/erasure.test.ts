// Erasure on request end to end: Marcus Reid's emails and reminders about him reach two browser profiles (Li Wei,
// staff, and Zhou Min, manager; each pulls its own rows and the directory, docs/sync.md "Pull") through sync; an
// admin erases him on the real server; each profile's next sync drops him and everything about him from its local
// copy (IndexedDB), while the other stakeholder stays.
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from './harness/browser';
import { signInThroughOptions } from './harness/extension-pages';
import { provisionOrg } from './harness/org';
import { emailFromMarcus, marcus, pushedEmail } from './harness/pushed-email';
import { ulidAt } from './harness/ulid-at';
import { useE2e } from './harness/use-e2e';
import { waitFor } from './harness/wait';

const HOUR = 3_600_000;
const ids = {
  marcus: '',
  kestrel: '',
  marcusEmail: '',
  kestrelEmail: '',
  reminder: '',
  managerEmail: '',
  managerReminder: '',
};

const e2e = useE2e({
  name: 'erasure',
  async provision(databaseUrl, dir) {
    const provisioned = await provisionOrg(databaseUrl, {
      dir,
      staff: true,
      manager: true,
      stakeholderCsv: [
        marcus.csvOwnedByLiWei,
        'Kestrel Payments,partner,standard,Kestrel Payments,li.wei@northwind-robotics.com,partners@kestrel-payments.com,,,,,',
      ],
    });
    [ids.marcus, ids.kestrel] = provisioned.stakeholderIds as [string, string];
    return { ...provisioned, staffToken: provisioned.staffToken!, managerToken: provisioned.managerToken! };
  },
  async beforeBrowser({ api, provisioned }) {
    const now = Date.now();
    Object.assign(ids, {
      marcusEmail: ulidAt(now - HOUR, 1),
      kestrelEmail: ulidAt(now - HOUR, 2),
      reminder: ulidAt(now, 3),
      managerEmail: ulidAt(now - HOUR, 4),
      managerReminder: ulidAt(now, 5),
    });
    const result = await api(provisioned.staffToken).sync.push.mutate({
      items: [
        emailFromMarcus(ids.marcus, {
          id: ids.marcusEmail,
          at: now - HOUR,
          externalId: 'msg-marcus-1',
          threadKey: 'gmail:thread-marcus',
          title: 'Contract renewal',
        }),
        pushedEmail({
          id: ids.kestrelEmail,
          at: now - HOUR,
          direction: 'inbound',
          stakeholderId: ids.kestrel,
          stakeholderType: 'partner',
          author: { name: 'Kestrel', handle: 'partners@kestrel-payments.com' },
          externalId: 'msg-kestrel-1',
          threadKey: 'gmail:thread-kestrel',
          title: 'Integration timeline',
        }),
        {
          op: 'upsert',
          entity: 'followup',
          id: ids.reminder,
          data: {
            id: ids.reminder,
            dueAt: new Date(now + 24 * HOUR).toISOString(),
            note: 'Call Marcus',
            stakeholderId: ids.marcus,
          },
        },
      ],
    });
    expect(result.rejected).toEqual([]);
    // The manager's own rows about Marcus: a manager's browser keeps only its own interactions and follow-ups.
    const managers = await api(provisioned.managerToken).sync.push.mutate({
      items: [
        emailFromMarcus(ids.marcus, {
          id: ids.managerEmail,
          at: now - HOUR,
          externalId: 'msg-marcus-2',
          threadKey: 'gmail:thread-marcus-2',
          title: 'Escalation',
        }),
        {
          op: 'upsert',
          entity: 'followup',
          id: ids.managerReminder,
          data: {
            id: ids.managerReminder,
            dueAt: new Date(now + 24 * HOUR).toISOString(),
            note: 'Check in with Marcus',
            stakeholderId: ids.marcus,
          },
        },
      ],
    });
    expect(managers.rejected).toEqual([]);
  },
});

let second: ExtensionBrowser | undefined;
afterAll(() => second?.close());

type LocalCopy = { interactions: string[]; followups: string[]; stakeholders: string[] };

/** The ids in the extension's local copy (its IndexedDB, read from one of its own pages). */
function localCopy(page: Page): Promise<LocalCopy> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const req = indexedDB.open('comms-log');
      req.onsuccess = () => ok(req.result);
      req.onerror = () => fail(req.error);
    });
    const keys = (store: string) =>
      new Promise<string[]>((ok, fail) => {
        const req = db.transaction(store).objectStore(store).getAllKeys();
        req.onsuccess = () => ok(req.result.map(String));
        req.onerror = () => fail(req.error);
      });
    const copy = {
      interactions: await keys('interactions'),
      followups: await keys('followups'),
      stakeholders: await keys('stakeholders'),
    };
    db.close();
    return copy;
  });
}

/** Press "Sync now" on the open Options page and wait until the local copy satisfies `check`. */
async function syncUntil(options: Page, what: string, check: (c: LocalCopy) => boolean): Promise<LocalCopy> {
  await options.getByRole('button', { name: 'Sync now' }).click();
  return waitFor(what, async () => {
    const copy = await localCopy(options);
    if (check(copy)) return copy;
    await options.getByRole('button', { name: 'Sync now' }).click();
    return null;
  });
}

/** A profile's own rows about Marcus: its email from him and its reminder. */
type Own = { email: string; reminder: string };
const hasMarcus = (own: Own) => (c: LocalCopy) =>
  c.stakeholders.includes(ids.marcus) && c.interactions.includes(own.email) && c.followups.includes(own.reminder);
const marcusGone = (own: Own) => (c: LocalCopy) =>
  !c.stakeholders.includes(ids.marcus) && !c.interactions.includes(own.email) && !c.followups.includes(own.reminder);

describe('erasure on request', () => {
  it('reaches the local copy of a second browser profile', async () => {
    const { server, provisioned } = e2e;
    const first = await signInThroughOptions(e2e.browser, {
      serverUrl: server.url,
      token: provisioned.staffToken,
      name: 'Li Wei',
      keepOpen: true,
    });
    second = await launchWithExtension({ lang: 'en-US', timeZone: 'Asia/Shanghai' });
    expect(second.userDataDir).not.toBe(e2e.browser.userDataDir);
    const other = await signInThroughOptions(second, {
      serverUrl: server.url,
      token: provisioned.managerToken,
      name: 'Zhou Min',
      keepOpen: true,
    });
    const liWei = { email: ids.marcusEmail, reminder: ids.reminder };
    const zhouMin = { email: ids.managerEmail, reminder: ids.managerReminder };
    await syncUntil(first, "Marcus in Li Wei's local copy", hasMarcus(liWei));
    await syncUntil(other, "Marcus in Zhou Min's local copy", hasMarcus(zhouMin));

    const erased = await e2e.api(provisioned.adminToken).privacy.erase.mutate({ stakeholderId: ids.marcus });
    expect(erased.removed).toMatchObject({ interactions: 2, followups: 2, stakeholders: 1 });

    for (const [page, who, own] of [
      [first, 'Li Wei', liWei],
      [other, 'Zhou Min', zhouMin],
    ] as const) {
      const copy = await syncUntil(page, `Marcus gone from ${who}'s local copy`, marcusGone(own));
      expect(copy.stakeholders).toContain(ids.kestrel);
    }
    // Li Wei's own email from the other stakeholder stays.
    expect((await localCopy(first)).interactions).toContain(ids.kestrelEmail);
    // Nothing about him is left on the server either.
    const left = await e2e.db.execute({
      sql: 'SELECT (SELECT count(*) FROM interactions WHERE stakeholder_id = ?) + (SELECT count(*) FROM stakeholders WHERE id = ?) AS n',
      args: [ids.marcus, ids.marcus],
    });
    expect(Number(left.rows[0]!.n)).toBe(0);
  }, 120_000);
});
