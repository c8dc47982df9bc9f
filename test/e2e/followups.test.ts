// Follow-ups end to end: the real server on 127.0.0.1 (its own process, temp libSQL file) seeded through the CLI and
// sync.push so that exactly one customer email is late, one partner is past cadence and one reminder is due; the
// built extension in Debian's Chromium lists exactly those in the popup, shows the late count on the badge, and
// keeps a snooze and a "done" made while the server is down across a popup reopen and a browser restart, until
// they reach the server.
import { describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import type { PushItem } from '@comms-log/shared';
import { launchWithExtension } from './harness/browser';
import { emailFromMarcus, lateEmailFromMarcus, marcus, pushedEmail } from './harness/pushed-email';
import { artifactsDir } from './harness/paths';
import { openExtensionPage, signInThroughOptions } from './harness/extension-pages';
import { provisionOrg } from './harness/org';
import { useE2e } from './harness/use-e2e';
import { ulidAt } from './harness/ulid-at';
import { waitFor } from './harness/wait';

const DAY = 86_400_000;
const ids = { customer: '', partner: '', lateEmail: '', reminder: '' };

/**
 * Exactly three things to follow up, whatever the weekday: a customer email unanswered for 4 days (SLA 4 working
 * hours), our last email to the partner 40 days ago (cadence at most 30), a reminder due yesterday.
 */
function threeToFollowUp(now: number): { items: PushItem[]; lateEmail: string; reminder: string } {
  const late = lateEmailFromMarcus(ids.customer, now, { url: 'https://mail.google.com/mail/u/0/#inbox/thread-late' });
  const reminder = ulidAt(now, 3);
  const partnerEmail = ulidAt(now - 40 * DAY, 2);
  const items: PushItem[] = [
    late,
    pushedEmail({
      id: partnerEmail,
      at: now - 40 * DAY,
      direction: 'outbound',
      stakeholderId: ids.partner,
      stakeholderType: 'partner',
      author: { name: 'Li Wei', handle: 'li.wei@northwind-robotics.com' },
      externalId: 'msg-partner-1',
      threadKey: 'gmail:thread-partner',
      title: 'Integration timeline',
    }),
    {
      op: 'upsert',
      entity: 'followup',
      id: reminder,
      data: {
        id: reminder,
        dueAt: new Date(now - DAY).toISOString(),
        note: 'Send the revised quote',
        stakeholderId: ids.customer,
      },
    },
  ];
  return { items, lateEmail: late.id, reminder };
}

const e2e = useE2e({
  name: 'followups',
  async provision(databaseUrl, dir) {
    const provisioned = await provisionOrg(databaseUrl, {
      dir,
      staff: true,
      stakeholderCsv: [
        marcus.csvOwnedByLiWei,
        'Kestrel Payments,partner,standard,Kestrel Payments,li.wei@northwind-robotics.com,partners@kestrel-payments.com,,,,,',
      ],
    });
    [ids.customer, ids.partner] = provisioned.stakeholderIds as [string, string];
    return { adminToken: provisioned.adminToken, staffToken: provisioned.staffToken! };
  },
  async beforeBrowser() {
    const { items, lateEmail, reminder } = threeToFollowUp(Date.now());
    Object.assign(ids, { lateEmail, reminder });
    const result = await api().sync.push.mutate({ items });
    expect(result.rejected).toEqual([]);
    // The server's own list agrees before the browser is involved.
    const overdue = await api().followups.overdue.query({});
    expect(overdue.items.map((i) => `${i.kind}:${i.state}`)).toEqual(['wait:late', 'cadence:overdue', 'reminder:due']);
  },
  async afterBrowser({ browser, server, provisioned }) {
    await signInThroughOptions(browser, { serverUrl: server.url, token: provisioned.staffToken, name: 'Li Wei' });
  },
});

/** Li Wei's client of the server. */
const api = () => e2e.api(e2e.provisioned.staffToken);

type RowInfo = { kind: string; group: string; id: string; name: string };

async function rowsOf(popup: Page): Promise<RowInfo[]> {
  return popup.locator('[data-testid="fu-row"]').evaluateAll((els) =>
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

const openPopup = () => openExtensionPage(e2e.browser, 'popup.html');

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
    await expect.poll(() => badge(e2e.browser.worker).then((b) => b.text), { timeout: 20_000 }).toBe('1');
    expect((await badge(e2e.browser.worker)).color.slice(0, 3)).toEqual([0xd9, 0x30, 0x25]);
  });

  it('keeps a snooze and a "done" made offline across a popup reopen and a browser restart, and they reach the server', async () => {
    await e2e.stopServer();
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
    await expect.poll(() => badge(e2e.browser.worker).then((b) => b.text), { timeout: 20_000 }).toBe('');
    await popup.close();

    // Browser restart with the same profile, server still down.
    await e2e.restartBrowser();
    popup = await openPopup();
    await popup.locator('[data-testid="fu-updated"]').waitFor({ timeout: 20_000 });
    expect((await waitForRows(popup, 1))[0]!.id).toBe(ids.partner);
    expect(await popup.getByTestId('fu-pending-actions').textContent()).toMatch(/1 follow-up change/);

    // Nothing reached the server yet.
    const before = await e2e.db.execute({ sql: 'SELECT status FROM followups WHERE id = ?', args: [ids.reminder] });
    expect(before.rows[0]?.status).toBe('open');
    expect((await e2e.db.execute('SELECT count(*) AS n FROM snoozes')).rows[0]?.n).toBe(0);

    await e2e.restartServer();
    await popup.getByRole('button', { name: 'Sync now' }).click();
    const reached = await waitFor('the snooze and the done on the server', async () => {
      const f = await e2e.db.execute({ sql: 'SELECT status FROM followups WHERE id = ?', args: [ids.reminder] });
      const z = await e2e.db.execute('SELECT kind, target_id, until FROM snoozes');
      return f.rows[0]?.status === 'done' && z.rows.length === 1 ? z.rows[0]! : null;
    });
    expect(reached.kind).toBe('wait');
    expect(reached.target_id).toBe(ids.lateEmail);
    // "Tomorrow morning": 09:00 Shanghai on a later day.
    const until = new Date(Number(reached.until));
    expect(until.getTime()).toBeGreaterThan(Date.now());
    expect(until.toISOString().slice(11, 16)).toBe('01:00');

    // The server's list now agrees with the popup's.
    const overdue = await api().followups.overdue.query({});
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
      const r = await e2e.db.execute({
        sql: "SELECT channel, direction FROM interactions WHERE stakeholder_id = ? AND source = 'manual'",
        args: [ids.partner],
      });
      return r.rows[0] ?? null;
    });
    expect([call.channel, call.direction]).toEqual(['phone', 'outbound']);
    expect((await api().followups.overdue.query({})).items).toEqual([]);
    await popup.close();
  });
});

describe('team switch', () => {
  it("lets an admin see a staff member's list and the team's, from the server", async () => {
    // Li Wei's list is empty by now: a fresh late email puts one item on it.
    const now = Date.now();
    const id = ulidAt(now - 3 * DAY, 7);
    await api().sync.push.mutate({
      items: [
        emailFromMarcus(ids.customer, {
          id,
          at: now - 3 * DAY,
          externalId: 'msg-late-2',
          threadKey: 'gmail:thread-late-2',
          title: 'Another question',
        }),
      ],
    });
    const admin = await launchWithExtension({ lang: 'en-US', timeZone: 'Asia/Shanghai' });
    try {
      await signInThroughOptions(admin, {
        serverUrl: e2e.server.url,
        token: e2e.provisioned.adminToken,
        name: 'Chen Jing',
      });
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
