import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import {
  documentTables,
  parseCsv,
  reportDocument,
  reportHtml,
  reportMarkdown,
  reportTextsSchema,
  type CapturedThread,
  type PeriodReport,
} from '@comms-log/shared';
import { csvSafeCell, toExcelCsv } from './csv';
import { samplePeriodReport } from './testing/period-report-sample';

// The capture of a Gmail page carrying hostile text (sites/gmail/fixtures/SOURCES.md "hostile-text").
const capture = JSON.parse(
  readFileSync(
    join(import.meta.dirname, '..', '..', 'sites', 'gmail', 'fixtures', 'hostile-text.expected.json'),
    'utf8',
  ),
) as CapturedThread;
const [first, second] = capture.messages as [CapturedThread['messages'][0], CapturedThread['messages'][0]];
const formula = '=HYPERLINK("https://evil.example","click")';

/** The sample report with the captured text in every place a name, title or sentence comes from outside. */
function hostileReport(): PeriodReport {
  const r = samplePeriodReport();
  r.overview.perPerson = [
    { userId: 'u1', name: second.author.name, count: 3 },
    { userId: 'u2', name: formula, count: 2 },
  ];
  r.gaps.overdueStakeholders[0]!.name = first.author.name;
  r.gaps.worstWaits[0]!.title = capture.title;
  r.gaps.worstWaits[0]!.stakeholderName = first.text;
  r.gaps.worstWaits[0]!.userName = '@SUM(A1:A9)\n| x |';
  r.actions = [{ kind: 'missed_goal', text: `Answer ${first.author.name}: ${first.text}` }];
  r.sections.cases[0]!.title = capture.title;
  return r;
}

/** The hostile report with the manager's texts carrying the captured text too. */
const hostile = () => ({
  report: hostileReport(),
  texts: reportTextsSchema.parse({
    summary: capture.title,
    suggestions: [{ id: 'x', text: formula, owner: first.author.name }],
  }),
});
const reportTables = (r: PeriodReport) => documentTables(reportDocument({ report: r, texts: hostile().texts }));

it('the fixture carries the hostile strings as literal text', () => {
  expect(capture.title).toContain('<script>alert(1)</script>');
  expect(first.author.name).toContain('\u202E');
  expect(first.text).toContain('javascript:alert(1)');
  expect(second.author.name).toHaveLength(300);
});

describe('printable HTML', () => {
  it('creates no element from the data and shows it literally', () => {
    const window = new Window();
    const doc = window.document;
    doc.write(reportHtml(hostile()));
    expect(doc.querySelectorAll('script, img, a, iframe')).toHaveLength(0);
    expect(doc.querySelectorAll('[onerror], [onload], [href], [src]')).toHaveLength(0);
    // The only SVG is the charts' own.
    expect(doc.querySelectorAll('svg')).toHaveLength(doc.querySelectorAll('figure[data-chart] > svg').length);
    const text = doc.body.textContent ?? '';
    for (const s of [capture.title, first.author.name, first.text, second.author.name, formula]) {
      expect(text).toContain(s);
    }
    window.happyDOM.close();
  });
});

describe('Markdown', () => {
  const md = reportMarkdown(hostile());
  const unescaped = (line: string, c: string) => line.split('').filter((x, i) => x === c && line[i - 1] !== '\\');

  it('passes no raw HTML and no link through', () => {
    for (const c of ['<', '>', '[', ']']) {
      // A manager's text is quoted: the leading `> ` is the quote, not the data's.
      for (const line of md.split('\n')) expect(unescaped(line.replace(/^> /, ''), c), line).toEqual([]);
    }
    expect(md).toContain('\\<script\\>alert(1)\\</script\\>');
  });

  it('keeps every table row on one line with its own number of cells', () => {
    const lines = md.split('\n');
    for (const table of reportTables(hostileReport()).filter((t) => t.rows.length)) {
      const at = lines.indexOf(`**${table.title}**`) + 2;
      expect(lines[at]).toBe(`| ${table.columns.join(' | ')} |`);
      const rows = lines.slice(at + 2, at + 2 + table.rows.length);
      for (const row of rows) expect(unescaped(row, '|')).toHaveLength(table.columns.length + 1);
      expect(lines[at + 2 + table.rows.length]).toBe('');
    }
  });
});

describe('CSV', () => {
  it('neutralises cells a spreadsheet would run, and leaves signed numbers', () => {
    expect(csvSafeCell(formula)).toBe(`'${formula}`);
    expect(csvSafeCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvSafeCell('-2+3+cmd|x')).toBe("'-2+3+cmd|x");
    expect(csvSafeCell('\t=1')).toBe("'\t=1");
    expect(csvSafeCell('+10')).toBe('+10');
    expect(csvSafeCell('-2.5')).toBe('-2.5');
    expect(csvSafeCell(-3)).toBe(-3);
    expect(csvSafeCell('Acme = good')).toBe('Acme = good');
  });

  it('exports hostile text as literal cells that read back whole', () => {
    const tables = reportTables(hostileReport());
    const perPerson = tables.find((t) => t.id === 'per-person')!;
    const people = parseCsv(toExcelCsv(perPerson.columns, perPerson.rows)).map((r) => r.fields[0]);
    expect(people.slice(1)).toEqual([second.author.name, `'${formula}`]);
    const waits = tables.find((t) => t.id === 'worst-waits')!;
    const [, row] = parseCsv(toExcelCsv(waits.columns, waits.rows));
    expect(row!.fields).toContain(capture.title);
    expect(row!.fields).toContain(first.text);
    expect(row!.fields).toContain("'@SUM(A1:A9)\n| x |");
  });
});
