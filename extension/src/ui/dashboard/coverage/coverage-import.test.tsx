// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Lang } from '../../../lib/i18n';
import { renderInDashboard, testEnv } from '../testing/dashboard-env';
import { CoverageImport } from './coverage-import';
import { CoverageRecord } from './coverage-record';

beforeEach(() => fakeBrowser.reset());
afterEach(cleanup);

const csv = [
  'outlet,title,url,published_at,tone,reach,event_tag,clarified_at',
  'Daily Tech,Spring launch reviewed,https://news.example.cn/a,2026-03-10,Positive,12000,spring launch,',
  'desk@daily.cn,Recall questions,https://news.example.cn/b,2026-03-11T10:00:00+08:00,negative,,recall,2026-03-12',
  ',Untitled outlet,ftp://news.example.cn/c,March,glowing,-3,,',
  'Daily Tech,Kind words,https://news.example.cn/d,2026-03-12,positive,,,2026-03-13',
].join('\n');

/** The preview of `text` pasted into the import, before the server has checked it. */
function preview(lang: Lang, paste: string, text: string) {
  renderInDashboard(<CoverageImport onImported={() => {}} />, testEnv(lang).env);
  fireEvent.change(screen.getByLabelText(paste), { target: { value: text } });
}

const rowTexts = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    .map((tr) =>
      within(tr)
        .getAllByRole('cell')
        .map((td) => td.textContent),
    );

describe('the coverage CSV import', () => {
  it('shows each row with its line and what is wrong with it, in plain words', () => {
    preview('en', '…or paste the CSV here', csv);
    expect(screen.getByRole('heading', { name: 'Import media reports from CSV' })).toBeTruthy();
    expect(screen.getByText(/rows read:/).textContent).toBe('4 rows read: 2 look right, 2 have mistakes.');
    const rows = rowTexts(screen.getByRole('table', { name: 'Import preview' }));
    expect(rows[0]).toEqual([
      '2',
      'Daily Tech',
      'Spring launch reviewed',
      '2026-03-10',
      'Positive',
      '12000',
      '',
      'Looks right',
    ]);
    expect(rows.map((r) => [r[0], r.at(-1)]).slice(1)).toEqual([
      ['3', 'Looks right'],
      [
        '4',
        'Name the outlet: its id, name, an email address or a domain. ' +
          "Give the report's web link, starting with https:// or http:// (at most 2000 characters). " +
          '"March" in published_at is not a date: write YYYY-MM-DD, or a date-time with an offset (2026-03-10T09:12:00+08:00). ' +
          'Unknown tone "glowing" (positive, neutral, negative, or empty when not judged). ' +
          'Reach must be a whole number, 0 or more.',
      ],
      ['5', 'Only a negative report is clarified: set the tone to negative, or empty clarified_at.'],
    ]);
    expect(screen.getByRole('button', { name: 'Import the file (2 of 4 rows look right)' })).toBeTruthy();
  });

  it('says in Chinese what is wrong, and why a file cannot be read at all', () => {
    preview('zh_CN', '…或在此粘贴 CSV 内容', csv);
    expect(screen.getByRole('heading', { name: '从 CSV 导入媒体报道' })).toBeTruthy();
    const rows = rowTexts(screen.getByRole('table', { name: '导入预览' }));
    expect(rows[0]![4]).toBe('正面');
    expect(rows[3]!.at(-1)).toBe('只有负面报道才会澄清：请将倾向设为 negative，或清空 clarified_at。');
    fireEvent.change(screen.getByLabelText('…或在此粘贴 CSV 内容'), {
      target: { value: 'outlet,title,url\nDaily Tech,A,https://news.example.cn/a' },
    });
    expect(screen.getByRole('alert').textContent).toContain('published_at');
    expect(screen.queryByRole('table', { name: '导入预览' })).toBeNull();
  });
});

describe('recording a report by hand', () => {
  it.each([
    ['en', 'Record a report'],
    ['zh_CN', '记录一篇报道'],
  ] as const)('opens the empty coverage page in a new tab (%s)', async (lang, name) => {
    renderInDashboard(<CoverageRecord />, testEnv(lang).env);
    fireEvent.click(screen.getByRole('button', { name }));
    await waitFor(async () => {
      const urls = (await browser.tabs.query({})).map((tab) => tab.url);
      expect(urls).toContain(browser.runtime.getURL('/coverage.html'));
    });
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
