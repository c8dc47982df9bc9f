import type { CsvCell, PeriodReport } from '@comms-log/shared';
import { overviewSentence, periodTitle, reportFormat, reportLang, reportTables, type ReportTable } from './tables';

/**
 * Text as Markdown text: names and titles come from pages and people, so no character of theirs may start markup.
 * Markdown passes raw HTML through to the reader's renderer, so `<` and `>` are escaped, and links, code, emphasis
 * and entities too (docs/architecture.md "Security"); a backslash escape renders as the character itself.
 */
export function mdText(value: string): string {
  return value.replace(/[\\`*_[\]<>&|]/g, (c) => `\\${c}`);
}

/** A Markdown table cell: escaped as text, line breaks folded (a cell cannot span lines in GFM tables). */
export function mdCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  return mdText(String(value)).replace(/\r?\n|\r/g, ' ');
}

/** A GitHub-flavoured Markdown table; numbers align right. */
export function mdTable(table: Pick<ReportTable, 'columns' | 'rows'>): string {
  const numeric = table.columns.map(
    (_, c) => table.rows.length > 0 && table.rows.every((r) => typeof r[c] === 'number'),
  );
  const head = `| ${table.columns.map(mdCell).join(' | ')} |`;
  const rule = `| ${numeric.map((n) => (n ? '---:' : '---')).join(' | ')} |`;
  const body = table.rows.map((r) => `| ${table.columns.map((_, c) => mdCell(r[c])).join(' | ')} |`);
  return [head, rule, ...body].join('\n');
}

/** The whole period report as Markdown, in its own language. */
export function reportToMarkdown(report: PeriodReport): string {
  const f = reportFormat(reportLang(report.meta.language));
  const { t } = f;
  const tables = reportTables(report);
  const out: string[] = [];
  out.push(`# ${t('dashReportHeading', periodTitle(report))}`);
  out.push(
    t(
      'dashReportMeta',
      report.meta.timeZone,
      f.dateTime(report.meta.asOf, report.meta.timeZone),
      report.meta.scope === 'own' ? t('dashScopeOwn') : t('dashScopeTeam'),
    ),
  );
  out.push(`## ${t('dashSecOverview')}`, mdText(overviewSentence(report)));
  for (const table of tables) {
    out.push(`## ${mdText(table.title)}`);
    out.push(table.rows.length ? mdTable(table) : `_${t('dashNoRows')}_`);
  }
  out.push(`## ${t('dashSecActions')}`);
  out.push(
    report.actions.length
      ? report.actions.map((a) => `- ${mdText(a.text).replace(/\r?\n|\r/g, ' ')}`).join('\n')
      : `_${t('dashNoActions')}_`,
  );
  return `${out.join('\n\n')}\n`;
}
