import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromium, type Locator, type Page } from 'playwright-core';
import { reportHtml } from '@comms-log/shared';
import { chromiumPath } from './harness/browser';
import { seedDemo } from './harness/demo-seed';
import { setExtensionStorage } from './harness/extension-storage';
import { artifactsDir } from './harness/paths';
import { useE2e } from './harness/use-e2e';

/*
 * The period report in Chromium: the built extension's report tab against the real server over the CLI's demo
 * seed. Each of the six sections is screenshot in English and Chinese with its charts; the manager writes the
 * summary and a measure, saves an edition, writes a second one from it, compares the two and reopens the first;
 * the saved edition's printable HTML opens with scripts off and prints to PDF with its charts.
 */

const SECTIONS = ['overview', 'types-goals', 'channels', 'effect', 'suggestions', 'summary'] as const;
const CHARTS = {
  channels: ['weekly-volume'],
  effect: ['goal-attainment', 'response-buckets', 'weekly-on-time', 'coverage'],
};

const e2e = useE2e({
  name: 'report',
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
const api = () => e2e.api(e2e.provisioned.manager);

async function openReport(): Promise<{ page: Page; report: Locator }> {
  const page = await e2e.browser.context.newPage();
  await page.setViewportSize({ width: 1360, height: 900 });
  await page.goto(`chrome-extension://${e2e.browser.extensionId}/dashboard.html?tab=report&period=last90`);
  const report = page.getByTestId('report');
  await report.waitFor({ timeout: 60_000 });
  return { page, report };
}

/** Every section in `language`, its charts drawn (images of their SVG, loaded), each screenshot on its own. */
async function screenshotSections(page: Page, report: Locator, language: 'en' | 'zh-CN', firstTitle: string) {
  await page.getByLabel('Report language', { exact: true }).selectOption(language);
  await expect.poll(() => report.getAttribute('lang'), { timeout: 30_000 }).toBe(language);
  await expect.poll(() => report.locator('section[data-section="overview"] h2').textContent()).toBe(firstTitle);
  expect(
    await report.locator('section[data-section]').evaluateAll((s) => s.map((x) => x.getAttribute('data-section'))),
  ).toEqual([...SECTIONS]);
  for (const [section, charts] of Object.entries(CHARTS)) {
    for (const chart of charts) {
      const img = report.locator(`section[data-section="${section}"] figure[data-chart="${chart}"] img`);
      await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth > 0)).toBe(true);
    }
  }
  for (const id of SECTIONS) {
    await report
      .locator(`section[data-section="${id}"]`)
      .screenshot({ path: join(artifactsDir, `report-${language}-${id}.png`) });
  }
}

describe('the period report', () => {
  it('shows six sections with their charts in English and Chinese', async () => {
    const { page, report } = await openReport();
    await screenshotSections(page, report, 'en', '1. Overview');
    await screenshotSections(page, report, 'zh-CN', '一、外部沟通报告概述');
    expect(await report.locator('h1').textContent()).toMatch(/^对外沟通报告：/);
    await page.close();
  });

  it('saves an edition, reopens it unchanged and compares it with the next', async () => {
    const { page, report } = await openReport();
    await page.getByLabel('Report language', { exact: true }).selectOption('en');
    await expect.poll(() => report.getAttribute('lang'), { timeout: 30_000 }).toBe('en');
    await page
      .getByRole('textbox', { name: '6. Summary', exact: true })
      .fill('Customers waited less; media coverage held up.');
    await page.getByRole('button', { name: 'Add a measure' }).click();
    await page.getByLabel('Measure', { exact: true }).fill('Publish an FAQ for routine questions');
    await page.getByLabel('Owner', { exact: true }).fill('Zhou Min');
    await page.getByLabel('Due', { exact: true }).fill('2026-06-30');
    await page.getByRole('button', { name: 'Save as an edition' }).click();
    await expect.poll(() => page.getByText(/^A saved edition, by /).count(), { timeout: 30_000 }).toBe(1);
    const summary = report.locator('section[data-section="summary"]');
    await expect.poll(() => summary.textContent()).toContain('Customers waited less; media coverage held up.');
    expect(await summary.locator('textarea').count()).toBe(0);

    const [first] = await api().reports.list.query({});
    expect(first!.createdBy.name).not.toBeNull();
    const saved = await api().reports.get.query({ id: first!.id });
    expect(saved.texts.suggestions).toMatchObject([
      { text: 'Publish an FAQ for routine questions', owner: 'Zhou Min' },
    ]);

    // A second edition from the first, its summary rewritten; the comparison names the rewritten text.
    await page.getByRole('button', { name: 'Write a new edition from this one' }).click();
    await page
      .getByRole('textbox', { name: '6. Summary', exact: true })
      .fill('Second thoughts: customers waited less.');
    await page.getByRole('button', { name: 'Save as an edition' }).click();
    await expect.poll(async () => (await api().reports.list.query({})).length, { timeout: 30_000 }).toBe(2);
    await expect
      .poll(() => report.getByRole('region', { name: 'Changes since the last edition of this period' }).count())
      .toBe(1);
    await page.getByRole('button', { name: 'Compare', exact: true }).click();
    const comparison = page.getByTestId('report-comparison');
    await expect.poll(() => comparison.textContent(), { timeout: 30_000 }).toContain('summary');
    await page.screenshot({ path: join(artifactsDir, 'report-editions.png'), fullPage: false });

    // The first edition reopened still says what it said.
    await page
      .getByRole('button', { name: /^Open the edition saved / })
      .last()
      .click();
    await expect
      .poll(() => summary.textContent(), { timeout: 30_000 })
      .toContain('Customers waited less; media coverage held up.');

    // Its printable HTML, with scripts off, shows the charts and prints to PDF.
    const html = reportHtml({
      report: saved.figures,
      texts: saved.texts,
      followUp: saved.followUp,
      sincePrevious: saved.sincePrevious,
    });
    writeFileSync(join(artifactsDir, 'report-printable.html'), html);
    const plain = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu'] });
    try {
      const printable = await (await plain.newContext({ javaScriptEnabled: false })).newPage();
      await printable.setContent(html);
      expect(await printable.locator('figure[data-chart] svg').count()).toBe(5);
      await printable.emulateMedia({ media: 'print' });
      await printable.screenshot({ path: join(artifactsDir, 'report-printable.png'), fullPage: true });
      const pdf = await printable.pdf({ format: 'A4' });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      writeFileSync(join(artifactsDir, 'report-printable.pdf'), pdf);
    } finally {
      await plain.close();
    }
    await page.close();
  });
});
