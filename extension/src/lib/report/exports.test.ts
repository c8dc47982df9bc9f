import { describe, expect, it } from 'vitest';
import { parseCsv } from '@comms-log/shared';
import { toExcelCsv } from './csv';
import { escapeHtml, reportToHtml } from './html';
import { mdCell, mdTable, reportToMarkdown } from './markdown';
import { overviewSentence, reportTables } from './tables';
import { samplePeriodReport } from './testing/period-report-sample';

describe('reportTables', () => {
  it('has one row per figure of the report', () => {
    const report = samplePeriodReport();
    const byId = new Map(reportTables(report).map((t) => [t.id, t]));
    expect(byId.get('volume-by-type-channel')!.rows).toHaveLength(report.overview.byTypeChannel.length);
    expect(byId.get('volume-per-day')!.rows).toHaveLength(7);
    expect(byId.get('goals')!.rows.map((r) => r[4])).toEqual(['Missed', 'Met']);
    // Type × channel rows plus the working and calendar totals.
    expect(byId.get('response-by-type-channel')!.rows).toHaveLength(3);
    expect(byId.get('response-by-type-channel')!.rows[0]).toEqual([
      'Customer',
      'Email',
      '4 working hours',
      10,
      8,
      '2.5',
      '9.0',
      '3.0',
      7,
      2,
      1,
      '77.8%',
    ]);
    expect(byId.get('comparison')!.rows[0]).toEqual(['Interactions', 40, 30, '−10']);
  });

  it('labels everything in the report language', () => {
    const zh = reportTables(samplePeriodReport('zh-CN'));
    expect(zh.find((t) => t.id === 'goals')!.rows.map((r) => r[4])).toEqual(['未达成', '达成']);
    expect(zh[0]!.rows[0]!.slice(0, 2)).toEqual(['客户', '邮件']);
    expect(overviewSentence(samplePeriodReport('zh-CN'))).toContain('本期共记录沟通 30 次');
  });
});

describe('Markdown', () => {
  it('escapes pipes and folds line breaks inside cells', () => {
    expect(mdCell('a|b')).toBe('a\\|b');
    expect(mdCell('one\ntwo')).toBe('one two');
  });

  it('writes a GFM table with right-aligned number columns', () => {
    const md = mdTable({ columns: ['Name', 'Count'], rows: [['Li | Na', 3]] });
    expect(md.split('\n')).toEqual(['| Name | Count |', '| --- | ---: |', '| Li \\| Na | 3 |']);
  });

  it('renders every table and the actions', () => {
    const report = samplePeriodReport();
    const md = reportToMarkdown(report);
    for (const t of reportTables(report)) expect(md).toContain(`## ${t.title}`);
    expect(md).toContain('# External communication report: 2026-03-09 – 2026-03-15');
    expect(md).toContain('- Answer the late customer emails first.');
    // The multi-line title stays on one table row.
    expect(md).toContain('| Refund, "urgent" second line |');
  });
});

describe('HTML', () => {
  it('never lets report text become markup', () => {
    expect(escapeHtml('<b>&"\'')).toBe('&lt;b&gt;&amp;&quot;&#39;');
    const html = reportToHtml(samplePeriodReport());
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; Acme');
    expect(html).toContain('@media print');
  });

  it('sets the document language and has a table per non-empty table', () => {
    const report = samplePeriodReport('zh-CN');
    const html = reportToHtml(report);
    expect(html).toContain('<html lang="zh-CN">');
    const nonEmpty = reportTables(report).filter((t) => t.rows.length).length;
    expect(html.match(/<table>/g)).toHaveLength(nonEmpty);
  });
});

it('exports a report table as CSV that reads back row for row', () => {
  const table = reportTables(samplePeriodReport()).find((t) => t.id === 'worst-waits')!;
  const parsed = parseCsv(toExcelCsv(table.columns, table.rows));
  expect(parsed).toHaveLength(table.rows.length + 1);
  expect(parsed[1]!.fields[8]).toBe('Refund, "urgent"\nsecond line');
});
