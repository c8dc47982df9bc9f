// Follow-ups end to end: the real server on 127.0.0.1 (its own process, temp libSQL file) seeded through the CLI and
// sync.push so that exactly one customer email is late, one partner is past cadence and one reminder is due; the
// built extension in Debian's Chromium lists exactly those in the popup, shows the late count on the badge, and
// keeps a snooze and a "done" made while the server is down across a popup reopen and a browser restart, until
// they reach the server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type Client } from '@libsql/client';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from './harness/browser';
import { apiClient, type ApiClient } from './harness/demo-server';
import { artifactsDir } from './harness/paths';
import { freePort, startServer, type ServerProcess } from './harness/server-process';
import { openExtensionPage, signInThroughOptions } from './harness/extension-pages';
import { provisionOrg } from './harness/org';
import { ulidAt, waitFor } from './harness/wait';

const DAY = 86_400_000;
const dir = mkdtempSync(join(tmpdir(), 'comms-log-e2e-followups-'));
const databaseUrl = `file:${join(dir, 'server.db')}`;

let port: number;
let server: ServerProcess;
let browser: ExtensionBrowser;
let db: Client;
let staffToken: string;
let adminToken: string;
let api: ApiClient;
const ids = { customer: '', partner: '', lateEmail: '', reminder: '' };

type RowInfo = { kind: string; group: string; id: string; name: string };

async function rowsOf(popup: Page): Promise<RowInfo[]> {
  return popup
    .locator('[data-testid="fu-row"]')
    .evaluateAll((els) =>
      els.map((e) => ({
        kind: e.getAttribute('data-kind') ?? '',
        group: e.getAttribute('data-group') ?? '',
        id: e.getAttribute('data-id') ?? '',
        name: e.getAttribute('aria-label') ?? '',
      })),
    );
}

/** Waits until the popup lists exactly `count` rows, and returns them. */
async function waitForRows(popup: Page, count: number): Promise<RowInfo[]> {
  return waitFor(`${count} follow-up rows`, async () => {
    const rows = await rowsOf(popup);
    return rows.length === count ? rows : null;
  });
}

async function badge(worker: Worker): Promise<{ text: string; color: number[] }> {
  return worker.evaluate(async () => ({
    text: await chrome.action.getBadgeText({}),
    color: [...(await chrome.action.getBadgeBackgroundColor({}))],
  }));
}

const openPopup = () => openExtensionPage(browser, 'popup.html');

beforeAll(async () => {
  port = await freePort();
  const provisioned = await provisionOrg(databaseUrl, {
    dir,
    staff: true,
    stakeholderCsv: [
      'Marcus Reid,customer,standard,Brightline Logistics,li.wei@northwind-robotics.com,marcus.reid@brightline-logistics.com,,,,,',
      'Kestrel Payments,partner,standard,Kestrel Payments,li.wei@northwind-robotics.com,partners@kestrel-payments.com,,,,,',
    ],
  });
  adminToken = provisioned.adminToken;
  staffToken = provisioned.staffToken!;
  [ids.customer, ids.partner] = provisioned.stakeholderIds as [string, string];

  server = await startServer({ port, databaseUrl });
  db = createClient({ url: databaseUrl });
  api = apiClient(server.url, staffToken);

  // Exactly three things to follow up, whatever the weekday: a customer email unanswered for 4 days (SLA 4
  // working hours), our last email to the partner 40 days ago (cadence at most 30), a reminder due yesterday.
  const now = Date.now();
  ids.lateEmail = ulidAt(now - 4 * DAY, 1);
  ids.reminder = ulidAt(now, 3);
  const person = (name: string, handle: string) => ({ name, handle });
  const result = await api.sync.push.mutate({
    items: [
      {
        op: 'upsert',
        entity: 'interaction',
        id: ids.lateEmail,
        data: {
          id: ids.lateEmail,
          source: 'gmail',
          externalId: 'msg-late-1',
          threadKey: 'gmail:thread-late',
          channel: 'email',
          direction: 'inbound',
          occurredAt: new Date(now - 4 * DAY).toISOString(),
          stakeholderId: ids.customer,
          stakeholderType: 'customer',
          author: person('Marcus Reid', 'marcus.reid@brightline-logistics.com'),
          title: 'Delivery delay on order 1182',
          url: 'https://mail.google.com/mail/u/0/#inbox/thread-late',
        },
      },
      {
        op: 'upsert',
        entity: 'interaction',
        id: ulidAt(now - 40 * DAY, 2),
        data: {
          id: ulidAt(now - 40 * DAY, 2),
          source: 'gmail',
          externalId: 'msg-partner-1',
          threadKey: 'gmail:thread-partner',
          channel: 'email',
          direction: 'outbound',
          occurredAt: new Date(now - 40 * DAY).toISOString(),
          stakeholderId: ids.partner,
          stakeholderType: 'partner',
          author: person('Li Wei', 'li.wei@northwind-robotics.com'),
          title: 'Integration timeline',
        },
      },
      {
        op: 'upsert',
        entity: 'followup',
        id: ids.reminder,
        data: {
          id: ids.reminder,
          dueAt: new Date(now - DAY).toISOString(),
          note: 'Send the revised quote',
          stakeholderId: ids.customer,
        },
      },
    ],
  });
  expect(result.rejected).toEqual([]);
  // The server's own list agrees before the browser is involved.
  const overdue = await api.followups.overdue.query({});
  expect(overdue.items.map((i) => `${i.kind}:${i.state}`)).toEqual(['wait:late', 'cadence:overdue', 'reminder:due']);

  browser = await launchWithExtension({ lang: 'en-US', timeZone: 'Asia/Shanghai' });
  await signInThroughOptions(browser, { serverUrl: server.url, token: staffToken, name: 'Li Wei' });
});

afterAll(async () => {
  await browser?.close();
  db?.close();
  await server?.stop();
});

describe('follow-ups in the popup', () => {
  it('lists exactly the late email, the partner past cadence and the due reminder, in their groups', async () => {
    const popup = await openPopup();
    const rows = await waitForRows(popup, 3);
    expect(rows.map((r) => [r.group, r.kind, r.id])).toEqual([
      ['awaiting', 'wait', ids.lateEmail],
      ['cold', 'cadence', ids.partner],
      ['reminders', 'reminder', ids.reminder],
    ]);
    const wait = popup.locator('[data-testid="fu-row"][data-kind="wait"]');
    await expect.poll(() => wait.textContent()).toMatch(/Late.*Marcus Reid.*Customer.*Email/);
    expect(await wait.textContent()).toMatch(/SLA 4 working h/);
    expect(await popup.locator('[data-testid="fu-row"][data-kind="cadence"]').textContent()).toMatch(
      /40 days since our last contact/,
    );
    expect(await popup.locator('[data-testid="fu-group-awaiting"]').textContent()).toMatch(/Awaiting your reply\s*1/);
    mkdirSync(artifactsDir, { recursive: true });
    await popup.setViewportSize({ width: 400, height: 720 });
    await popup.screenshot({ path: join(artifactsDir, 'followups-popup.png') });
    await popup.close();
  });

  it('shows the late count on a red badge, set by the background', async () => {
    await expect.poll(() => badge(browser.worker).then((b) => b.text), { timeout: 20_000 }).toBe('1');
    expect((await badge(browser.worker)).color.slice(0, 3)).toEqual([0xd9, 0x30, 0x25]);
  });

  it('keeps a snooze and a "done" made offline across a popup reopen and a browser restart, and they reach the server', async () => {
    await server.stop();
    let popup = await openPopup();
    await waitForRows(popup, 3);
    const waitRow = popup.locator('[data-testid="fu-row"][data-kind="wait"]');
    await waitRow.getByRole('button', { name: 'Snooze' }).click();
    await waitRow.getByRole('button', { name: 'Tomorrow morning' }).click();
    await popup.locator('[data-testid="fu-row"][data-kind="reminder"]').getByRole('button', { name: 'Done' }).click();
    expect((await waitForRows(popup, 1))[0]!.kind).toBe('cadence');
    await popup.close();

    // Reopened: the same, from the stored list.
    popup = await openPopup();
    await popup.locator('[data-testid="fu-updated"]').waitFor();
    expect((await waitForRows(popup, 1))[0]!.id).toBe(ids.partner);
    await expect.poll(() => badge(browser.worker).then((b) => b.text), { timeout: 20_000 }).toBe('');
    await popup.close();

    // Browser restart with the same profile, server still down.
    const userDataDir = browser.userDataDir;
    await browser.close();
    browser = await launchWithExtension({ userDataDir, lang: 'en-US', timeZone: 'Asia/Shanghai' });
    popup = await openPopup();
    await popup.locator('[data-testid="fu-updated"]').waitFor({ timeout: 20_000 });
    expect((await waitForRows(popup, 1))[0]!.id).toBe(ids.partner);
    expect(await popup.getByTestId('fu-pending-actions').textContent()).toMatch(/1 follow-up change/);

    // Nothing reached the server yet.
    const before = await db.execute({ sql: 'SELECT status FROM followups WHERE id = ?', args: [ids.reminder] });
    expect(before.rows[0]?.status).toBe('open');
    expect((await db.execute('SELECT count(*) AS n FROM snoozes')).rows[0]?.n).toBe(0);

    server = await startServer({ port, databaseUrl });
    await popup.getByRole('button', { name: 'Sync now' }).click();
    const reached = await waitFor('the snooze and the done on the server', async () => {
      const f = await db.execute({ sql: 'SELECT status FROM followups WHERE id = ?', args: [ids.reminder] });
      const z = await db.execute('SELECT kind, target_id, until FROM snoozes');
      return f.rows[0]?.status === 'done' && z.rows.length === 1 ? z.rows[0]! : null;
    });
    expect(reached.kind).toBe('wait');
    expect(reached.target_id).toBe(ids.lateEmail);
    // "Tomorrow morning": 09:00 Shanghai on a later day.
    const until = new Date(Number(reached.until));
    expect(until.getTime()).toBeGreaterThan(Date.now());
    expect(until.toISOString().slice(11, 16)).toBe('01:00');

    // The server's list now agrees with the popup's.
    const overdue = await api.followups.overdue.query({});
    expect(overdue.items.map((i) => `${i.kind}:${i.id}`)).toEqual([`cadence:${ids.partner}`]);
    await expect.poll(() => popup.getByTestId('fu-pending-actions').count(), { timeout: 20_000 }).toBe(0);
    expect((await rowsOf(popup)).map((r) => r.id)).toEqual([ids.partner]);
    await popup.close();
  });

  it("a call logged from the partner's row (manual log prefilled) resets its cadence", async () => {
    const popup = await openPopup();
    await waitForRows(popup, 1);
    await popup
      .locator('[data-testid="fu-row"][data-kind="cadence"]')
      .getByRole('button', { name: 'Log a call or meeting' })
      .click();
    await expect.poll(() => popup.locator('.cl-picked-name').textContent()).toBe('Kestrel Payments');
    await popup.getByRole('button', { name: 'Save', exact: true }).click();
    // Back on the list, recomputed with the call still in the outbox or already pushed: nothing left.
    await waitFor(
      'an empty list',
      async () => (await rowsOf(popup)).length === 0 && (await popup.getByTestId('fu-empty').count()) === 3,
    );
    const call = await waitFor('the call on the server', async () => {
      const r = await db.execute({
        sql: "SELECT channel, direction FROM interactions WHERE stakeholder_id = ? AND source = 'manual'",
        args: [ids.partner],
      });
      return r.rows[0] ?? null;
    });
    expect([call.channel, call.direction]).toEqual(['phone', 'outbound']);
    expect((await api.followups.overdue.query({})).items).toEqual([]);
    await popup.close();
  });
});

describe('team switch', () => {
  it("lets an admin see a staff member's list and the team's, from the server", async () => {
    // Li Wei's list is empty by now: a fresh late email puts one item on it.
    const now = Date.now();
    const id = ulidAt(now - 3 * DAY, 7);
    await api.sync.push.mutate({
      items: [
        {
          op: 'upsert',
          entity: 'interaction',
          id,
          data: {
            id,
            source: 'gmail',
            externalId: 'msg-late-2',
            threadKey: 'gmail:thread-late-2',
            channel: 'email',
            direction: 'inbound',
            occurredAt: new Date(now - 3 * DAY).toISOString(),
            stakeholderId: ids.customer,
            stakeholderType: 'customer',
            author: { name: 'Marcus Reid', handle: 'marcus.reid@brightline-logistics.com' },
            title: 'Another question',
          },
        },
      ],
    });
    const admin = await launchWithExtension({ lang: 'en-US', timeZone: 'Asia/Shanghai' });
    try {
      await signInThroughOptions(admin, { serverUrl: server.url, token: adminToken, name: 'Chen Jing' });
      const popup = await openExtensionPage(admin, 'popup.html');
      const teamSwitch = popup.getByLabel('Whose follow-ups');
      // The admin owns nothing: their own list is empty.
      await popup.getByTestId('fu-updated').waitFor({ timeout: 20_000 });
      expect(await rowsOf(popup)).toEqual([]);
      await expect
        .poll(() => teamSwitch.locator('option').allTextContents(), { timeout: 20_000 })
        .toEqual(['Mine', 'Whole team', 'Li Wei']);
      await teamSwitch.selectOption({ label: 'Li Wei' });
      const rows = await waitForRows(popup, 1);
      expect(rows[0]).toMatchObject({ kind: 'wait', group: 'awaiting', id });
      await teamSwitch.selectOption({ label: 'Whole team' });
      expect((await waitForRows(popup, 1))[0]!.id).toBe(id);
      expect(await popup.getByTestId('fu-updated').textContent()).not.toMatch(/this browser's copy/);
    } finally {
      await admin.close();
    }
  });
});
