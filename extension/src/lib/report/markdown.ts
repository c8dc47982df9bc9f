import type { CsvCell, PeriodReport } from '@comms-log/shared';
import { overviewSentence, periodTitle, reportFormat, reportLang, reportTables, type ReportTable } from './tables';

/** A Markdown table cell: pipes escaped, line breaks folded (a cell cannot span lines in GFM tables). */
export function mdCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  return String(value)
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/\r?\n|\r/g, ' ');
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
  out.push(`## ${t('dashSecOverview')}`, overviewSentence(report));
  for (const table of tables) {
    out.push(`## ${table.title}`);
    out.push(table.rows.length ? mdTable(table) : `_${t('dashNoRows')}_`);
  }
  out.push(`## ${t('dashSecActions')}`);
  out.push(
    report.actions.length
      ? report.actions.map((a) => `- ${a.text.replace(/\r?\n/g, ' ')}`).join('\n')
      : `_${t('dashNoActions')}_`,
  );
  return `${out.join('\n\n')}\n`;
}
