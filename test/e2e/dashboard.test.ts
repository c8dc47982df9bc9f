import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { parseCsv, type MetricsFilter } from '@comms-log/shared';
import { launchWithExtension } from './harness/browser';
import { seedDemo } from './harness/demo-seed';
import { setExtensionStorage } from './harness/extension-storage';
import { artifactsDir, repoRoot } from './harness/paths';
import { useE2e } from './harness/use-e2e';

/*
 * The dashboard in Chromium: the built extension's dashboard against the real server (its own process)
 * over the CLI's demo seed, compared figure by figure with what the server answers the same token.
 */

const e2e = useE2e({
  name: 'dashboard',
  provision: (databaseUrl) => seedDemo(databaseUrl),
  async afterBrowser({ browser, server, provisioned }) {
    mkdirSync(artifactsDir, { recursive: true });
    await setExtensionStorage(browser.worker, {
      serverUrl: server.url,
      token: provisioned.manager,
      languagePref: 'en',
    });
  },
});

/** The manager's client of the server. */
const api = () => e2e.api(e2e.provisioned.manager);

let idCounter = 0;

/** A ULID-shaped id (the test package does not depend on ulid): a fixed time part and a counter. */
const testId = () => `01JE2E${String(++idCounter).padStart(20, '0')}`;

/** An inbound Gmail message without a stakeholder, as the extension would push it. */
const interaction = (over: Record<string, unknown> = {}) => ({
  id: testId(),
  source: 'gmail',
  externalId: null,
  threadKey: 'gmail:e2e',
  channel: 'email',
  direction: 'inbound',
  occurredAt: '2026-03-02T10:00:00+08:00',
  stakeholderId: null,
  stakeholderType: 'other',
  author: { name: 'Someone', handle: null },
  title: null,
  snippet: null,
  ...over,
});

/** The interactions as `sync.push` upserts. */
const upserts = (items: ReturnType<typeof interaction>[]) =>
  items.map((d) => ({ op: 'upsert' as const, entity: 'interaction' as const, id: d.id, data: d }));

/** A period that holds every interaction the tests push. */
const allPushed = { from: '2025-06-01T00:00:00Z', to: '2028-06-01T00:00:00Z' };

/**
 * Messages from three senders the directory does not know (a lead who wrote twice, with the address in two
 * cases; a fan; a spammer), pushed; returns them and the server's queue of unknown counterparts.
 */
async function pushUnknownCounterparts() {
  const lead1 = interaction({
    threadKey: 'gmail:e2e-lead',
    author: { name: 'Lena Lead', handle: 'Lena@newco-e2e.example' },
    title: 'Pricing for 200 seats',
  });
  const lead2 = interaction({
    threadKey: 'gmail:e2e-lead',
    author: { name: 'Lena Lead', handle: 'lena@newco-e2e.example' },
    title: 'Pricing for 200 seats',
    occurredAt: '2026-03-03T10:00:00+08:00',
  });
  const fan = interaction({ threadKey: 'gmail:e2e-fan', author: { name: 'A Fan', handle: 'fan-e2e@qq.com' } });
  const spam = interaction({
    threadKey: 'gmail:e2e-spam',
    author: { name: 'Spammer', handle: 'spam@spam-e2e.example' },
  });
  const pushed = await api().sync.push.mutate({ items: upserts([lead1, lead2, fan, spam]) });
  expect(pushed.rejected).toEqual([]);
  const queue = await api().directory.suggestions.query({ limit: 200 });
  expect(queue.items.map((s) => [s.value, s.count])).toEqual(
    expect.arrayContaining([
      ['lena@newco-e2e.example', 2],
      ['fan-e2e@qq.com', 1],
      ['spam@spam-e2e.example', 1],
    ]),
  );
  return { lead1, lead2, fan, queue };
}

/** Dismisses the spammer's row (for the whole org), undoes it, and dismisses it again. */
async function dismissSpamWithUndo(page: Page, row: (handle: string) => Locator): Promise<void> {
  await row('spam@spam-e2e.example').getByRole('button', { name: 'Dismiss spam@spam-e2e.example' }).click();
  await expect.poll(() => row('spam@spam-e2e.example').count(), { timeout: 30_000 }).toBe(0);
  expect((await api().directory.suggestions.query({ limit: 200 })).items.map((s) => s.value)).not.toContain(
    'spam@spam-e2e.example',
  );
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => row('spam@spam-e2e.example').count(), { timeout: 30_000 }).toBe(1);
  await row('spam@spam-e2e.example').getByRole('button', { name: 'Dismiss spam@spam-e2e.example' }).click();
  await expect.poll(() => row('spam@spam-e2e.example').count(), { timeout: 30_000 }).toBe(0);
}

const sectionsReady = (page: Page) =>
  page.waitForFunction(
    () => {
      const sections = [...document.querySelectorAll('.dash-section')];
      return sections.length === 4 && sections.every((s) => s.getAttribute('data-state') === 'ready');
    },
    undefined,
    { timeout: 60_000 },
  );

async function pageFilter(page: Page): Promise<{ filter: MetricsFilter; asOf: string }> {
  const el = page.getByTestId('dash-overview');
  return { filter: JSON.parse((await el.getAttribute('data-filter'))!), asOf: (await el.getAttribute('data-as-of'))! };
}

async function openDashboard(query: string): Promise<{ page: Page; ms: number }> {
  const page = await e2e.browser.context.newPage();
  await page.setViewportSize({ width: 1360, height: 900 });
  const started = Date.now();
  await page.goto(`chrome-extension://${e2e.browser.extensionId}/dashboard.html${query}`);
  await sectionsReady(page);
  return { page, ms: Date.now() - started };
}

describe('manager dashboard', () => {
  it('shows the totals metrics.totals gives, and a drill-down lists as many interactions', async () => {
    const { page, ms } = await openDashboard('?period=last90');
    console.log(`dashboard load time, 90-day period on the demo seed: ${ms} ms (navigation to all four views ready)`);
    const { filter } = await pageFilter(page);
    expect(Date.parse(filter.to) - Date.parse(filter.from)).toBe(90 * 86_400_000);

    const server = await api().metrics.totals.query({ filter, groupBy: ['stakeholderType', 'channel'] });
    expect(server.total).toBeGreaterThan(100);
    expect(await page.getByTestId('dash-total').textContent()).toBe(String(server.total));
    const direction = await api().metrics.totals.query({ filter, groupBy: ['direction'] });
    for (const row of direction.rows) {
      expect(await page.getByTestId(`dash-total-${row.key.direction}`).textContent()).toBe(String(row.count));
    }

    // Every type × channel cell, by its accessible name.
    const labels = {
      customer: 'Customer',
      partner: 'Partner',
      media: 'Media',
      investor: 'Investor',
      government: 'Government',
      supplier: 'Supplier',
      other: 'Other',
    } as Record<string, string>;
    const channels = {
      email: 'Email',
      social: 'Social media',
      project: 'Project tool',
      phone: 'Phone',
      video: 'Video meeting',
      in_person: 'Face to face',
      im: 'Instant messaging',
    } as Record<string, string>;
    for (const row of server.rows) {
      const name = `${row.count} interactions: ${labels[row.key.stakeholderType!]}, ${channels[row.key.channel!]}`;
      await expect(page.getByRole('button', { name, exact: true }).count()).resolves.toBe(1);
    }

    // Drill into the biggest cell: the dialog lists as many as the figure and as metrics.interactions.
    const biggest = [...server.rows].sort((a, b) => b.count - a.count)[0]!;
    const cellName = `${biggest.count} interactions: ${labels[biggest.key.stakeholderType!]}, ${channels[biggest.key.channel!]}`;
    await page.getByRole('button', { name: cellName, exact: true }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.getByTestId('drill-total').textContent()).toBe(String(biggest.count));
    const listed = await api().metrics.interactions.query({
      filter,
      key: { stakeholderType: biggest.key.stakeholderType!, channel: biggest.key.channel! },
    });
    expect(listed.total).toBe(biggest.count);
    expect(await dialog.locator('tbody tr').count()).toBe(Math.min(50, biggest.count));
    // Links go to the original conversation.
    const href = await dialog.locator('tbody a').first().getAttribute('href');
    expect(href).toMatch(/^https:\/\//);
    await dialog.getByRole('button', { name: 'Close' }).click();

    // Plan vs actual lists the plan's goals as reports.goals rates them (the period report's own figures).
    const goals = await api().reports.goals.query({ filter, language: 'en' });
    expect(goals.goals.length).toBeGreaterThan(0);
    expect(
      await page
        .locator('tr[data-goal]')
        .evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-goal'), tr.querySelector('th')?.textContent])),
    ).toEqual(goals.goals.map((g) => [g.id, g.label]));

    await page.screenshot({ path: join(artifactsDir, 'dashboard.png'), fullPage: true });
    await page.close();
  });

  it('changing an SLA in the plan editor changes the on-time rate shown, after the offered recompute', async () => {
    const { page } = await openDashboard('?period=last90');
    const before = await page.getByTestId('dash-ontime-rate').textContent();
    const { filter, asOf } = await pageFilter(page);
    const serverBefore = await api().metrics.responseTimes.query({ filter, asOf, basis: 'working' });
    expect(before).toBe(`${(Math.round(serverBefore.total.onTimeRate! * 1000) / 10).toFixed(1)}%`);

    await page.getByRole('tab', { name: 'Communication plan' }).click();
    // Customer email: from 4 working hours down to 1 minute.
    await page.getByRole('spinbutton', { name: 'SLA value: Customer · Email' }).fill('1');
    await page.getByRole('combobox', { name: 'SLA unit: Customer · Email' }).selectOption('minutes');
    await page.getByRole('button', { name: 'Save the plan' }).click();
    const offer = page.getByRole('status', { name: 'Recompute history?' });
    await expect.poll(() => offer.textContent(), { timeout: 30_000 }).toMatch(/would change/);
    const preview = await api().plan.recomputePreview.query();
    expect(preview.changed).toBeGreaterThan(0);
    expect(await offer.textContent()).toContain(`${preview.changed} of ${preview.total} interactions`);
    // Nothing silent: the stored figures are still the old ones until asked.
    expect((await api().metrics.responseTimes.query({ filter, asOf, basis: 'working' })).total.onTimeRate).toBe(
      serverBefore.total.onTimeRate,
    );

    await page.getByRole('button', { name: `Recompute history (${preview.changed} rows)` }).click();
    await expect.poll(() => page.getByText(/^Recomputed:/).count(), { timeout: 60_000 }).toBe(1);
    await page.screenshot({ path: join(artifactsDir, 'plan-editor.png'), fullPage: true });

    await page.getByRole('tab', { name: 'Overview' }).click();
    await sectionsReady(page);
    const after = await page.getByTestId('dash-ontime-rate').textContent();
    const now = await pageFilter(page);
    const serverAfter = await api().metrics.responseTimes.query({
      filter: now.filter,
      asOf: now.asOf,
      basis: 'working',
    });
    expect(serverAfter.total.onTimeRate!).toBeLessThan(serverBefore.total.onTimeRate!);
    expect(after).toBe(`${(Math.round(serverAfter.total.onTimeRate! * 1000) / 10).toFixed(1)}%`);
    expect(after).not.toBe(before);
    await page.close();
  });

  it('renders the period report in English and Chinese and exports the interactions as CSV with the right row count', async () => {
    const { page } = await openDashboard('?period=month');
    const { filter } = await pageFilter(page);
    await page.getByRole('tab', { name: 'Period report' }).click();
    const report = page.getByTestId('report');
    await page.getByLabel('Report language', { exact: true }).selectOption('en');
    await expect.poll(() => report.getAttribute('lang'), { timeout: 30_000 }).toBe('en');
    await expect.poll(() => report.locator('h1').textContent()).toMatch(/^External communication report: /);
    const totals = await api().metrics.totals.query({ filter });
    expect(await page.getByTestId('report-overview').textContent()).toContain(
      `${totals.total} interactions were logged`,
    );

    await page.getByLabel('Report language', { exact: true }).selectOption('zh-CN');
    await expect.poll(() => report.getAttribute('lang'), { timeout: 30_000 }).toBe('zh-CN');
    await expect.poll(() => report.locator('h1').textContent()).toMatch(/^对外沟通报告：|^对外沟通报告: /);
    expect(await page.getByTestId('report-overview').textContent()).toContain(`本期共记录沟通 ${totals.total} 次`);
    expect(await report.getByRole('region', { name: '目标：计划与实际' }).count()).toBe(1);
    await page.screenshot({ path: join(artifactsDir, 'report-zh.png'), fullPage: true });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download the interactions (CSV)' }).click(),
    ]);
    const bytes = readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const records = parseCsv(bytes.toString('utf8'));
    expect(records.length - 1).toBe(totals.total);
    // One id per record, no duplicates across pages.
    expect(new Set(records.slice(1).map((r) => r.fields.at(-1))).size).toBe(totals.total);

    await page.getByLabel('Report language', { exact: true }).selectOption('en');
    await expect.poll(() => report.getAttribute('lang'), { timeout: 30_000 }).toBe('en');
    await page.screenshot({ path: join(artifactsDir, 'report-en.png'), fullPage: true });

    // Print (and "Save as PDF") shows the report alone: no tabs, filters or buttons.
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('tablist').isHidden()).toBe(true);
    expect(await page.getByRole('button', { name: 'Print / Save as PDF' }).isHidden()).toBe(true);
    expect(await report.isVisible()).toBe(true);
    await page.screenshot({ path: join(artifactsDir, 'report-print.png'), fullPage: true });
    await page.emulateMedia({ media: 'screen' });
    await page.close();
  });

  it('imports stakeholders from CSV with the server’s dry-run verdict per row and a per-row report, and merges two of them with their history', async () => {
    const page = await e2e.browser.context.newPage();
    await page.goto(`chrome-extension://${e2e.browser.extensionId}/dashboard.html?tab=directory`);
    const csv = [
      'name,type,tier,emails',
      'E2E Alpha Ltd,customer,key,ops@alpha-e2e.example',
      'E2E Beta,partner,,beta@beta-e2e.example',
      ',customer,,x@nobody-e2e.example',
      'E2E Gamma,press,,',
    ].join('\n');
    await page.getByLabel('…or paste the CSV here').fill(csv);
    await expect
      .poll(() => page.getByText(/rows read:/).textContent())
      .toBe('4 rows read: 2 look right, 2 have mistakes.');
    // The server checks the same rows by a dry run of the import: its verdict per row, and nothing written yet.
    await expect
      .poll(() => page.getByTestId('csv-server-check').textContent(), { timeout: 30_000 })
      .toBe("The server's check (nothing written yet): 2 would be created, 0 updated, 2 refused.");
    const dry = await api().directory.importCsv.mutate({ csv, dryRun: true });
    expect([dry.created, dry.updated, dry.errors]).toEqual([2, 0, 2]);
    expect((await api().directory.list.query({ search: 'E2E', limit: 50 })).total).toBe(0);
    const preview = page.getByRole('table', { name: 'Import preview' });
    expect(await preview.locator('tbody tr').nth(0).textContent()).toContain('Will be created');
    expect(await preview.locator('tbody tr').nth(2).textContent()).toContain('No name.');
    expect(await preview.locator('tbody tr').nth(3).textContent()).toContain('Unknown type "press"');

    await page.getByRole('button', { name: 'Import the file (2 of 4 rows look right)' }).click();
    const report = page.getByRole('status', { name: 'Import report' });
    await expect
      .poll(() => report.locator('p').first().textContent(), { timeout: 30_000 })
      .toBe('Imported: 2 created, 0 updated, 2 refused.');
    const rows = report.getByRole('table').locator('tbody tr');
    expect(await rows.count()).toBe(4);
    expect(await rows.nth(2).textContent()).toMatch(/^4Refused/);
    const found = await api().directory.list.query({ search: 'E2E', limit: 50 });
    expect(found.items.map((s) => s.name).sort()).toEqual(['E2E Alpha Ltd', 'E2E Beta']);
    // The dry run said what the import did, row by row.
    const real = await api().directory.importCsv.mutate({ csv, dryRun: true });
    expect(real.rows.map((r) => r.status)).toEqual(['updated', 'updated', 'error', 'error']);

    const alpha = found.items.find((s) => s.name === 'E2E Alpha Ltd')!;
    const beta = found.items.find((s) => s.name === 'E2E Beta')!;
    // A conversation with Beta, to move with the merge.
    const mail = interaction({
      threadKey: 'gmail:e2e-beta',
      stakeholderId: beta.id,
      stakeholderType: 'partner',
      author: { name: 'Beta Boss', handle: 'beta@beta-e2e.example' },
    });
    expect((await api().sync.push.mutate({ items: upserts([mail]) })).rejected).toEqual([]);

    await page.reload();
    await expect.poll(() => page.locator('#dir-merge-keep option', { hasText: 'E2E Beta' }).count()).toBe(1);
    await page.getByLabel('Keep', { exact: true }).selectOption(alpha.id);
    await page.getByLabel('Merge into it', { exact: true }).selectOption(beta.id);
    await page.getByRole('button', { name: 'Review the merge' }).click();
    expect(
      await page
        .getByText(/^Past interactions, follow-ups and cadence snoozes of E2E Beta move to E2E Alpha Ltd/)
        .count(),
    ).toBe(1);
    await page.getByRole('button', { name: 'Merge E2E Beta into E2E Alpha Ltd' }).click();
    await expect.poll(() => page.getByText(/^Merged:/).count(), { timeout: 30_000 }).toBe(1);
    const kept = await api().directory.get.query({ id: alpha.id });
    expect(kept.identities.map((i) => i.value).sort()).toEqual(['beta@beta-e2e.example', 'ops@alpha-e2e.example']);
    expect((await api().directory.get.query({ id: beta.id })).active).toBe(false);
    // Beta's history is Alpha's now, logged type kept.
    const ofAlpha = await api().metrics.interactions.query({ filter: { ...allPushed, stakeholderId: [alpha.id] } });
    expect(ofAlpha.items.map((i) => [i.id, i.stakeholderType, i.authorName])).toEqual([
      [mail.id, 'partner', 'Beta Boss'],
    ]);
    expect((await api().metrics.interactions.query({ filter: { ...allPushed, stakeholderId: [beta.id] } })).total).toBe(
      0,
    );
    await page.screenshot({ path: join(artifactsDir, 'directory.png'), fullPage: true });
    await page.close();
  });

  it('offers unknown counterparts from the server’s queue: create (with their past messages), assign and dismiss with undo', async () => {
    const { lead1, lead2, fan, queue } = await pushUnknownCounterparts();
    const target = (await api().directory.list.query({ active: true, limit: 1 })).items[0]!;

    const page = await e2e.browser.context.newPage();
    await page.goto(`chrome-extension://${e2e.browser.extensionId}/dashboard.html?tab=directory`);
    const table = page.getByRole('table', { name: 'Unknown counterparts' });
    const row = (handle: string) => table.locator(`tr[data-handle="email:${handle}"]`);
    await expect.poll(() => table.locator('tbody tr').count(), { timeout: 30_000 }).toBe(queue.items.length);
    expect(await row('lena@newco-e2e.example').locator('td').first().textContent()).toBe('2');
    await page
      .locator('section[aria-labelledby="dir-sugg-h"]')
      .screenshot({ path: join(artifactsDir, 'suggestions.png') });

    // Assign: the fan's message goes to an existing stakeholder and leaves the queue.
    await row('fan-e2e@qq.com').getByRole('button', { name: 'Assign fan-e2e@qq.com to a stakeholder' }).click();
    await row('fan-e2e@qq.com')
      .getByRole('combobox', { name: 'Assign fan-e2e@qq.com to a stakeholder' })
      .selectOption(target.id);
    await row('fan-e2e@qq.com').getByRole('button', { name: 'Assign', exact: true }).click();
    await expect
      .poll(() => page.getByText(`Assigned fan-e2e@qq.com to ${target.name}: 1 interactions moved to them.`).count(), {
        timeout: 30_000,
      })
      .toBe(1);
    await expect.poll(() => row('fan-e2e@qq.com').count()).toBe(0);
    const ofTarget = await api().metrics.interactions.query({
      filter: { ...allPushed, stakeholderId: [target.id] },
      limit: 200,
    });
    expect(ofTarget.items.find((i) => i.id === fan.id)).toMatchObject({
      stakeholderType: target.type,
      authorHandle: 'fan-e2e@qq.com',
    });
    expect((await api().directory.get.query({ id: target.id })).identities.map((i) => i.value)).toContain(
      'fan-e2e@qq.com',
    );

    // Dismiss, for the whole org, and undo.
    await dismissSpamWithUndo(page, row);

    // Create: the form starts from the sender (address and organisation domain); saving assigns their past messages.
    await row('lena@newco-e2e.example').getByRole('button', { name: 'Create a stakeholder' }).click();
    const form = page.getByRole('form', { name: 'New stakeholder' });
    expect(await form.getByLabel('Stakeholder name', { exact: true }).inputValue()).toBe('Lena Lead');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(
        () =>
          page.getByText('Created Lena Lead; 2 earlier interactions of lena@newco-e2e.example are now theirs.').count(),
        { timeout: 30_000 },
      )
      .toBe(1);
    const lena = (await api().directory.list.query({ search: 'Lena Lead' })).items[0]!;
    expect(lena.identities.map((i) => `${i.kind}:${i.value}`).sort()).toEqual([
      'domain:newco-e2e.example',
      'email:lena@newco-e2e.example',
    ]);
    const ofLena = await api().metrics.interactions.query({ filter: { ...allPushed, stakeholderId: [lena.id] } });
    expect(ofLena.items.map((i) => i.id).sort()).toEqual([lead1.id, lead2.id].sort());
    expect((await api().directory.suggestions.query({ limit: 200 })).items.map((s) => s.value)).toEqual(
      queue.items
        .map((s) => s.value)
        .filter((v) => !['lena@newco-e2e.example', 'fan-e2e@qq.com', 'spam@spam-e2e.example'].includes(v)),
    );
    await page.close();
  });

  it('lists the last contact of every stakeholder with a cadence rule, as metrics.cadence gives it', async () => {
    const { page } = await openDashboard('?period=last90');
    const { asOf } = await pageFilter(page);
    const server = await api().metrics.cadence.query({ asOf, limit: 50 });
    expect(server.total).toBeGreaterThan(0);
    const list = page.getByTestId('dash-cadence-list');
    const names = await list.locator('tbody tr th').allTextContents();
    expect(names).toEqual(server.items.map((r) => r.name));
    expect(await list.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-state')))).toEqual(
      server.items.map((r) => r.state),
    );
    // Only the overdue ones, with the count the server gives.
    await page.getByLabel('Show', { exact: true }).selectOption('overdue');
    const overdue = await api().metrics.cadence.query({ asOf, state: ['overdue'], limit: 50 });
    await expect.poll(() => list.locator('tbody tr').count(), { timeout: 30_000 }).toBe(Math.min(50, overdue.total));
    expect(
      await list
        .locator('tbody tr')
        .evaluateAll((trs) => trs.every((tr) => tr.getAttribute('data-state') === 'overdue')),
    ).toBe(true);
    await page.close();
  });

  it('shows a staff member only their own figures, without the plan and directory tabs', async () => {
    await setExtensionStorage(e2e.browser.worker, { token: e2e.provisioned.staff });
    try {
      const { page } = await openDashboard('?period=last90');
      expect(await page.getByRole('tab').allTextContents()).toEqual([
        'Overview',
        'Period report',
        'Surveys',
        'Coverage',
        'Activities',
      ]);
      expect(await page.getByText('my own interactions only').count()).toBeGreaterThan(0);
      const { filter } = await pageFilter(page);
      const staffApi = e2e.api(e2e.provisioned.staff);
      const own = await staffApi.metrics.totals.query({ filter });
      const team = await api().metrics.totals.query({ filter });
      expect(own.total).toBeLessThan(team.total);
      expect(await page.getByTestId('dash-total').textContent()).toBe(String(own.total));
      await page.close();
    } finally {
      await setExtensionStorage(e2e.browser.worker, { token: e2e.provisioned.manager });
    }
  });
});

describe('a Chinese browser', () => {
  // The extension follows the browser's language when the user has not picked one.
  const zh = JSON.parse(readFileSync(join(repoRoot, 'extension/src/locales/zh_CN.json'), 'utf8')) as Record<
    string,
    string
  >;

  it('gets the dashboard and the popup in Chinese', async () => {
    const zhBrowser = await launchWithExtension({ lang: 'zh-CN', timeZone: 'Asia/Shanghai' });
    try {
      await setExtensionStorage(zhBrowser.worker, { serverUrl: e2e.server.url, token: e2e.provisioned.manager });
      const page = await zhBrowser.context.newPage();
      await page.setViewportSize({ width: 1360, height: 900 });
      await page.goto(`chrome-extension://${zhBrowser.extensionId}/dashboard.html?period=last90`);
      await sectionsReady(page);
      expect(await page.getByRole('tab').allTextContents()).toEqual([
        zh.dashTabOverview,
        zh.dashTabReport,
        zh.dashSurveyTab,
        zh.dashCovTab,
        zh.dashActTab,
        zh.dashCostTab,
        zh.dashTabPlan,
        zh.dashTabDirectory,
      ]);
      await page.getByRole('heading', { name: zh.dashPlanVsActual }).waitFor({ state: 'visible' });
      await page.screenshot({ path: join(artifactsDir, 'dashboard-zh.png'), fullPage: true });

      const popup = await zhBrowser.context.newPage();
      await popup.setViewportSize({ width: 420, height: 600 });
      await popup.goto(`chrome-extension://${zhBrowser.extensionId}/popup.html`);
      await popup.getByTestId('fu-updated').waitFor({ timeout: 30_000 });
      await popup.screenshot({ path: join(artifactsDir, 'popup-zh.png') });
      expect(await popup.getByRole('tab').allTextContents()).toContain(zh.tabFollowups);
      // biome-ignore lint/performance/useDomNodeTextContent: a Playwright locator, not a DOM node: the rendered text is what the user reads (textContent would count hidden text too)
      expect(await popup.locator('body').innerText()).toContain(zh.fuGroupAwaiting);
    } finally {
      await zhBrowser.close();
    }
  });
});
