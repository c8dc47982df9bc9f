import ExcelJS from 'exceljs';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import {
  documentTables,
  parseCsv,
  reportDocument,
  reportFileStem,
  reportHtml,
  reportMarkdown,
  reportTextsSchema,
  type ReportDocumentInput,
} from '@comms-log/shared';
import { toExcelCsv } from './csv';
import { samplePeriodReport } from './testing/period-report-sample';
import { tablesToXlsx } from './xlsx';

const texts = reportTextsSchema.parse({
  overview: 'A busy week.',
  summary: 'We answered faster.',
  suggestions: [{ id: 'faq', text: 'Publish an FAQ', owner: 'Li Na', due: '2026-04-30', status: 'in_progress' }],
  caseNotes: [{ threadKey: 'gmail:complaint-1', note: 'Refunded the same day.' }],
});
const input = (language: 'en' | 'zh-CN' = 'en'): ReportDocumentInput => ({
  report: samplePeriodReport(language),
  texts,
  followUp: [{ id: 'faq', text: 'Publish an FAQ', owner: 'Li Na', due: '2026-04-30', status: 'open' }],
});

describe('the report document', () => {
  it('has the six sections in order, in each language', () => {
    const en = reportDocument(input('en')).sections.map((s) => s.title);
    expect(en).toEqual([
      '1. Overview',
      '2. Communication types and goals',
      '3. Channels and frequency',
      '4. Effect evaluation',
      '5. Improvement suggestions',
      '6. Summary',
    ]);
    const zh = reportDocument(input('zh-CN')).sections.map((s) => s.title);
    expect(zh[0]).toBe('一、外部沟通报告概述');
    expect(zh[5]).toBe('六、总结');
  });

  it('follows up the last edition’s measures with their status now', () => {
    const followUp = documentTables(reportDocument(input())).find((t) => t.id === 'follow-up')!;
    expect(followUp.rows).toEqual([['Publish an FAQ', 'Li Na', '2026-04-30', 'in progress']]);
  });
});

describe('printable HTML', () => {
  it('opens without script: charts as inline SVG, the manager’s texts and every table', () => {
    const html = reportHtml(input('zh-CN'));
    const window = new Window();
    const doc = window.document;
    doc.write(html);
    expect(doc.querySelectorAll('script')).toHaveLength(0);
    expect([...doc.querySelectorAll('section[data-section]')].map((s) => s.getAttribute('data-section'))).toEqual([
      'overview',
      'types-goals',
      'channels',
      'effect',
      'suggestions',
      'summary',
    ]);
    const charts = [...doc.querySelectorAll('figure[data-chart] > svg')];
    expect(charts.map((c) => c.parentElement!.getAttribute('data-chart'))).toEqual([
      'weekly-volume',
      'goal-attainment',
      'response-buckets',
      'weekly-on-time',
      'coverage',
    ]);
    // Two channels stacked in the weekly chart; the on-time line meets its target's dashed line.
    expect(doc.querySelectorAll('figure[data-chart="weekly-volume"] rect[fill]').length).toBeGreaterThanOrEqual(2);
    expect(doc.querySelector('figure[data-chart="weekly-on-time"] line[stroke-dasharray]')).not.toBeNull();
    const text = doc.body.textContent ?? '';
    expect(text).toContain('本期共记录沟通 30 次');
    expect(text).toContain('We answered faster.');
    expect(text).toContain('Refunded the same day.');
    for (const t of documentTables(reportDocument(input('zh-CN'))).filter((x) => x.rows.length))
      expect(doc.querySelector(`table[data-table="${t.id}"]`), t.id).not.toBeNull();
    window.happyDOM.close();
  });
});

describe('Markdown, CSV and XLSX', () => {
  it('gives every table in Markdown and as CSV', () => {
    const md = reportMarkdown(input());
    for (const t of documentTables(reportDocument(input())).filter((x) => x.rows.length)) {
      expect(md).toContain(`**${t.title}**`);
      const csv = parseCsv(toExcelCsv(t.columns, t.rows));
      expect(csv).toHaveLength(t.rows.length + 1);
    }
  });

  it('writes one sheet per table that reads back with the same cells', async () => {
    const tables = documentTables(reportDocument(input('zh-CN')));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await tablesToXlsx(tables));
    expect(book.worksheets.map((s) => s.name)).toEqual(tables.map((t) => t.id));
    const weekly = book.getWorksheet('weekly-volume')!;
    const table = tables.find((t) => t.id === 'weekly-volume')!;
    expect(weekly.getRow(1).values).toEqual([undefined, ...table.columns]);
    expect(weekly.getRow(2).values).toEqual([undefined, ...table.rows[0]!]);
    // A cell that looks like a formula is text in the workbook, not a formula.
    const surveys = book.getWorksheet('surveys')!;
    expect(surveys.getRow(2).getCell(1).value).toBe('=HYPERLINK("http://evil.example","usability")');
  });

  it('names files by org, period and language', () => {
    expect(reportFileStem('Acme / 上海', input('zh-CN'))).toBe('Acme-上海-report-2026-03-09_2026-03-15-zh-CN');
  });
});
