// Evaluation, part 1, end to end: the real server on 127.0.0.1 (its own process, temp libSQL file), the built
// extension in Debian's Chromium. Li Wei (staff) logs a customer's Gmail thread as a complaint, resolves it from
// the popup and logs a Chinese news article as negative coverage; the manager imports a survey CSV on the
// dashboard and sees the goals' actuals (satisfaction, complaint resolution and first-contact resolution,
// positive coverage and clarified negative coverage) move from what they were before to what was recorded.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { pressToolbarButtonOn } from './harness/active-tab';
import { launchWithExtension, type ExtensionBrowser } from './harness/browser';
import { gmailWithoutLastMessage } from './harness/derived-thread';
import { openExtensionPage, signInAndSync, signInThroughOptions } from './harness/extension-pages';
import { getExtensionStorage } from './harness/extension-storage';
import { loadFixture, serveFixtureAt } from './harness/fixtures';
import { openLogPanel } from './harness/log-this';
import { loadNewsPage } from './harness/news-page';
import { org, provisionOrg } from './harness/org';
import { artifactsDir } from './harness/paths';
import { marcus } from './harness/pushed-email';
import { ulidAt } from './harness/ulid-at';
import { useE2e } from './harness/use-e2e';
import { waitFor } from './harness/wait';

/** Marcus's thread as it stood before our last reply: his last message waits for an answer. */
const complaint = gmailWithoutLastMessage(loadFixture('gmail', 'customer-thread-4msg'));
const complaintKey = `gmail:${complaint.expected.threadId}`;
const news = loadNewsPage('news-article-zh');
const outlet = { name: '华东科技报', domain: 'ectechdaily.cn' };
const ids = { marcus: '', outlet: '' };

const e2e = useE2e({
  name: 'evaluation',
  async provision(databaseUrl, dir) {
    const p = await provisionOrg(databaseUrl, {
      dir,
      staff: true,
      manager: true,
      stakeholderCsv: [marcus.csvOwnedByLiWei, `${outlet.name},media,standard,${outlet.name},,,${outlet.domain},,,,`],
    });
    [ids.marcus, ids.outlet] = p.stakeholderIds as [string, string];
    return { staffToken: p.staffToken!, managerToken: p.managerToken! };
  },
  async beforeBrowser() {
    // What the org had before this story: one unhappy anonymous customer and one positive report, both in March.
    const survey = await managerApi().evaluations.recordSurvey.mutate({
      id: ulidAt(Date.parse('2026-03-05T10:00:00+08:00'), 1),
      instrument: 'csat',
      score: 2,
      stakeholderType: 'customer',
      answeredAt: '2026-03-05',
    });
    expect(survey.followupId).toBeNull();
    await managerApi().evaluations.recordCoverage.mutate({
      id: ulidAt(Date.parse('2026-03-05T10:00:00+08:00'), 2),
      outletStakeholderId: ids.outlet,
      title: '北风机器人发布新一代仓储机器人',
      url: `https://www.${outlet.domain}/news/2026/03/05/launch.html`,
      publishedAt: '2026-03-05T09:00:00+08:00',
      tone: 'positive',
    });
  },
  async afterBrowser({ browser, server, provisioned }) {
    // Li Wei signs in; the directory (Marcus, the outlet) arrives through sync.pull.
    await signInAndSync(
      browser,
      { serverUrl: server.url, token: provisioned.staffToken, name: org.staff.name },
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

const staffApi = () => e2e.api(e2e.provisioned.staffToken);
const managerApi = () => e2e.api(e2e.provisioned.managerToken);
const shot = (page: Page, name: string) => page.screenshot({ path: join(artifactsDir, `evaluation-${name}.png`) });

/** The goals this story moves, by their id in the default plan. */
const goalIds = [
  'customer-satisfaction',
  'complaint-resolution',
  'complaint-first-contact',
  'media-positive-share',
  'media-negative-clarified',
] as const;
type GoalRow = { actual: string; basedOn: string; status: string };
type GoalRows = Record<(typeof goalIds)[number], GoalRow>;
let goalsBefore: GoalRows | null = null;

/** From 1 March 2026 (the thread, the surveys and the reports) to today, in the org's zone (Asia/Shanghai). */
const periodFirst = '2026-03-01';
const periodLast = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

/** The manager in a browser of their own (their own profile), signed in through Options. */
async function managerBrowser(): Promise<ExtensionBrowser> {
  const browser = await launchWithExtension({ lang: 'en-US', timeZone: 'Asia/Shanghai' });
  await signInThroughOptions(browser, {
    serverUrl: e2e.server.url,
    token: e2e.provisioned.managerToken,
    name: org.manager.name,
  });
  return browser;
}

/** The dashboard's overview on the custom period, once Plan vs actual has its figures for it. */
async function openDashboardOnPeriod(browser: ExtensionBrowser): Promise<Page> {
  const page = await openExtensionPage(browser, 'dashboard.html?period=custom');
  await page.setViewportSize({ width: 1360, height: 900 });
  await page.getByLabel('From', { exact: true }).fill(periodFirst, { timeout: 30_000 });
  await page.getByLabel('To (included)').fill(periodLast());
  await goalsReady(page);
  return page;
}

/** Plan vs actual answered for the custom period (the page falls back to this month until both dates are set). */
const goalsReady = (page: Page) =>
  page.waitForFunction(
    (first) => {
      const filter = document.querySelector('[data-testid="dash-overview"]')?.getAttribute('data-filter');
      const goals = document.querySelector('section[aria-labelledby="dash-goals-h"]');
      return (
        filter !== null &&
        filter !== undefined &&
        (JSON.parse(filter) as { from: string }).from.startsWith(first) &&
        goals?.getAttribute('data-state') === 'ready'
      );
    },
    periodFirst,
    { timeout: 30_000 },
  );

/** The goals as reports.goals rates them for the page's own filter and instant. */
async function serverGoals(page: Page) {
  const el = page.getByTestId('dash-overview');
  const filter = JSON.parse((await el.getAttribute('data-filter'))!);
  const asOf = (await el.getAttribute('data-as-of'))!;
  const { goals } = await managerApi().reports.goals.query({ filter, asOf, language: 'en' });
  return Object.fromEntries(goals.map((g) => [g.id, { actual: g.actual, count: g.count, status: g.status }]));
}

const goalsSection = (page: Page) => page.locator('section[aria-labelledby="dash-goals-h"]');

async function readGoals(page: Page): Promise<GoalRows> {
  const rows = {} as GoalRows;
  for (const id of goalIds) {
    const cells = page.locator(`tr[data-goal="${id}"] td`);
    rows[id] = {
      actual: (await cells.nth(1).textContent())!.trim(),
      basedOn: (await cells.nth(2).textContent())!.trim(),
      status: (await cells.nth(3).textContent())!.trim(),
    };
  }
  return rows;
}

describe('evaluation: purposes, a resolved complaint, coverage and surveys move the goals', () => {
  it('shows the manager the goals before anything is recorded', async () => {
    mkdirSync(artifactsDir, { recursive: true });
    const browser = await managerBrowser();
    try {
      const page = await openDashboardOnPeriod(browser);
      goalsBefore = await readGoals(page);
      expect(goalsBefore).toEqual({
        'customer-satisfaction': { actual: '0.0%', basedOn: '1', status: 'Missed' },
        'complaint-resolution': { actual: '—', basedOn: '0', status: 'No data' },
        'complaint-first-contact': { actual: '—', basedOn: '0', status: 'No data' },
        'media-positive-share': { actual: '100.0%', basedOn: '1', status: 'Met' },
        'media-negative-clarified': { actual: '—', basedOn: '0', status: 'No data' },
      });
      expect(await serverGoals(page)).toMatchObject({
        'customer-satisfaction': { actual: 0, count: 1, status: 'missed' },
        'complaint-resolution': { actual: null, count: 0, status: 'no_data' },
        'complaint-first-contact': { actual: null, count: 0, status: 'no_data' },
        'media-positive-share': { actual: 1, count: 1, status: 'met' },
        'media-negative-clarified': { actual: null, count: 0, status: 'no_data' },
      });
      await goalsSection(page).screenshot({ path: join(artifactsDir, 'evaluation-goals-before.png') });
    } finally {
      await browser.close();
    }
  });

  it('logs the customer thread with the purpose "Complaint"', async () => {
    await serveFixtureAt(e2e.browser.context, complaint);
    const page = await e2e.browser.context.newPage();
    await page.goto(complaint.url);
    const panel = await openLogPanel(page);
    const purpose = panel.getByLabel('Purpose');
    await purpose.selectOption({ label: 'Complaint' });
    await shot(page, 'log-this-purpose');
    await panel.getByRole('button', { name: 'Save' }).click();
    await panel.getByText(/Logged \d+ new messages/).waitFor({ timeout: 20_000 });

    const rows = await waitFor('the thread on the server', async () => {
      const rs = await e2e.db.execute({
        sql: 'SELECT purpose, direction FROM interactions WHERE thread_key = ? AND deleted = 0 ORDER BY occurred_at',
        args: [complaintKey],
      });
      return rs.rows.length === complaint.expected.messages.length ? rs.rows : null;
    });
    expect(rows.map((r) => [r.direction, r.purpose])).toEqual(
      complaint.expected.messages.map((m) => [m.direction, 'complaint']),
    );
    const thread = await staffApi().threads.get.query({ threadKey: complaintKey });
    expect(thread.resolved).toBe(false);
    await page.close();
  });

  it('resolves the complaint from the popup, and the server has it resolved', async () => {
    const popup = await openExtensionPage(e2e.browser, 'popup.html');
    await popup.setViewportSize({ width: 400, height: 720 });
    const row = popup.locator('[data-testid="fu-row"][data-kind="wait"]').filter({ hasText: complaint.expected.title });
    await row.waitFor({ timeout: 30_000 });
    // Marcus's last message still waits for an answer: the complaint is open.
    expect(await row.getAttribute('data-group')).toBe('awaiting');
    const clickedAt = Date.now();
    await row.getByRole('button', { name: 'Resolve', exact: true }).click();
    await row.getByTestId('fu-resolved').waitFor({ timeout: 20_000 });
    expect(await row.getByRole('button', { name: 'Reopen' }).count()).toBe(1);
    await shot(popup, 'popup-resolve');
    const resolved = await waitFor('the thread resolved on the server', async () => {
      const t = await staffApi().threads.get.query({ threadKey: complaintKey });
      return t.resolved ? t : null;
    });
    expect(resolved.events.map((e) => [e.event, e.userName])).toEqual([['resolved', org.staff.name]]);
    // Resolved when the button was pressed (the outbox keeps that instant, not the sync's).
    expect(Date.parse(resolved.resolvedAt!)).toBeGreaterThanOrEqual(clickedAt - 1000);
    expect(Date.parse(resolved.resolvedAt!)).toBeLessThanOrEqual(Date.now());
    await popup.close();
  });

  it('logs the news article as negative coverage from the context menu', async () => {
    await serveFixtureAt(e2e.browser.context, news);
    const page = await e2e.browser.context.newPage();
    await page.goto(news.url);
    // A native context menu cannot be clicked: press the toolbar button over the article (which grants activeTab
    // on it, as the menu's click does), then call what the menu item calls, with the tab the menu would pass.
    await pressToolbarButtonOn(e2e.browser, news.url);
    const [form] = await Promise.all([
      e2e.browser.context.waitForEvent('page', {
        predicate: (p) => p.url().includes('/coverage.html'),
        timeout: 20_000,
      }),
      e2e.browser.worker.evaluate(async (url) => {
        const tab = (await chrome.tabs.query({})).find((t) => t.url === url);
        if (!tab) throw new Error(`the extension sees no tab showing ${url}: activeTab was not granted`);
        await commsLogCoverage.logPageAsCoverage(tab);
      }, news.url),
    ]);
    // What the article says about itself, read in its tab: og:title, article:published_time (shown in the org's
    // zone, which is the browser's), and its outlet found in the directory by the page's domain.
    await form.getByLabel('Title').waitFor({ timeout: 20_000 });
    expect(await form.getByLabel('Title').inputValue()).toBe(news.title);
    expect(await form.getByLabel('Link').inputValue()).toBe(news.url);
    expect(await form.getByLabel('Published').inputValue()).toBe(news.publishedAt.slice(0, 16));
    const outletGroup = form.getByRole('group', { name: 'Outlet' });
    await outletGroup.getByText(outlet.name, { exact: true }).waitFor({ timeout: 20_000 });
    await form.getByRole('group', { name: 'Tone' }).getByLabel('Negative').check();
    await shot(form, 'coverage-page');
    await form.getByRole('button', { name: 'Save' }).click();
    await form
      .getByRole('status')
      .filter({ hasText: /^Saved/ })
      .waitFor({ timeout: 20_000 });

    const item = await waitFor('the coverage item on the server', async () => {
      const list = await staffApi().evaluations.listCoverage.query({});
      return list.items.find((i) => i.url === news.url) ?? null;
    });
    expect(item).toMatchObject({
      outletStakeholderId: ids.outlet,
      title: news.title,
      tone: 'negative',
      clarifiedAt: null,
    });
    expect(Date.parse(item.publishedAt)).toBe(Date.parse(news.publishedAt));
    await form.close();
    await page.close();
  });

  it('imports a survey CSV on the dashboard and Plan vs actual shows the new actuals', async () => {
    const csv = [
      'instrument,score,scale,stakeholder,stakeholder_type,dimension,answered_at,comment',
      `csat,5,,${marcus.author.handle},customer,service attitude,2026-03-20,换件很及时`,
      'csat,4,,,customer,usability,2026-03-21,',
      'csat,5,,,customer,usability,2026-03-22,',
      'csat,3,,,customer,project delivery,2026-03-23,交付比约定晚了两天',
    ].join('\n');
    const file = join(e2e.dir, 'surveys.csv');
    writeFileSync(file, csv);
    const browser = await managerBrowser();
    try {
      const page = await openDashboardOnPeriod(browser);
      await page.getByRole('tab', { name: 'Surveys' }).click();
      const importer = page.getByRole('region', { name: 'Import survey responses from CSV' });
      const [chooser] = await Promise.all([
        page.waitForEvent('filechooser', { timeout: 20_000 }),
        importer.getByLabel('CSV file').click(),
      ]);
      await chooser.setFiles(file);
      // The preview: every row as read, then the server's dry run of the same file (nothing written yet).
      const preview = importer.getByRole('table', { name: 'Import preview' });
      await expect.poll(() => preview.locator('tbody tr').count(), { timeout: 20_000 }).toBe(4);
      await expect
        .poll(() => importer.getByTestId('csv-server-check').textContent(), { timeout: 20_000 })
        .toMatch(/: 4 would be recorded, 0 refused; 0 low scores/);
      expect(await preview.locator('tbody tr').first().textContent()).toContain(marcus.author.handle);
      expect((await managerApi().evaluations.listSurveys.query({})).items).toHaveLength(1);
      await importer.screenshot({ path: join(artifactsDir, 'evaluation-survey-import-preview.png') });
      await importer.getByRole('button', { name: 'Import the file (4 of 4 rows look right)' }).click();
      await importer
        .getByRole('status', { name: 'Import report' })
        .getByText('Imported: 4 recorded, 0 refused; 0 follow-ups for low scores.')
        .waitFor({ timeout: 20_000 });
      const stored = (await managerApi().evaluations.listSurveys.query({})).items;
      expect(stored.map((r) => r.score).sort()).toEqual([2, 3, 4, 5, 5]);
      expect(stored.find((r) => r.dimension === 'service attitude')?.stakeholderId).toBe(ids.marcus);

      await page.getByRole('tab', { name: 'Overview' }).click();
      await page.getByRole('button', { name: 'Refresh' }).click();
      await expect
        .poll(async () => (await readGoals(page))['customer-satisfaction'].basedOn, { timeout: 30_000 })
        .toBe('5');
      const after = await readGoals(page);
      // 3 of the 5 CSAT responses score 4–5; the one complaint opened since March is resolved, after exactly one
      // reply of ours; 1 of the 2 reports is positive, and the negative one is not clarified yet.
      expect(after).toEqual({
        'customer-satisfaction': { actual: '60.0%', basedOn: '5', status: 'Missed' },
        'complaint-resolution': { actual: '100.0%', basedOn: '1', status: 'Met' },
        'complaint-first-contact': { actual: '100.0%', basedOn: '1', status: 'Met' },
        'media-positive-share': { actual: '50.0%', basedOn: '2', status: 'Missed' },
        'media-negative-clarified': { actual: '0.0%', basedOn: '1', status: 'Missed' },
      });
      for (const id of goalIds) expect(after[id].actual).not.toBe(goalsBefore![id].actual);
      expect(await serverGoals(page)).toMatchObject({
        'customer-satisfaction': { actual: 0.6, count: 5, status: 'missed' },
        'complaint-resolution': { actual: 1, count: 1, status: 'met' },
        'complaint-first-contact': { actual: 1, count: 1, status: 'met' },
        'media-positive-share': { actual: 0.5, count: 2, status: 'missed' },
        'media-negative-clarified': { actual: 0, count: 1, status: 'missed' },
      });
      await goalsSection(page).screenshot({ path: join(artifactsDir, 'evaluation-goals.png') });

      // The n behind the complaint figure opens the conversation it counts.
      const label = 'Complaints resolved ≥ 98%';
      await goalsSection(page)
        .getByRole('button', { name: `1 behind the goal: ${label}` })
        .click();
      const drill = page.getByRole('dialog', { name: label });
      await expect.poll(() => drill.locator('tbody tr').count(), { timeout: 20_000 }).toBe(1);
      const thread = (await drill.locator('tbody tr').textContent())!;
      expect(thread).toContain(complaint.expected.title);
      expect(thread).toContain('Complaint');
      await drill.getByRole('button', { name: 'Close' }).click();
    } finally {
      await browser.close();
    }
  });
});
