import type { PeriodReport } from '@comms-log/shared';
import { overviewSentence, periodTitle, reportFormat, reportLang, reportTables } from './tables';

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Text as HTML text: every name and title in a report came from outside and is never markup. */
export const escapeHtml = (s: unknown): string => String(s ?? '').replace(/[&<>"']/g, (c) => escapes[c]!);

/** The print stylesheet, shared by the downloaded file and the page's own print. */
export const reportPrintCss = `
body{font:12px/1.45 system-ui,'PingFang SC','Microsoft YaHei',sans-serif;color:#111;margin:24px}
h1{font-size:20px}h2{font-size:15px;margin-top:20px;break-after:avoid}
table{border-collapse:collapse;width:100%;margin:6px 0 12px}th,td{border:1px solid #bbb;padding:3px 6px;text-align:left;vertical-align:top}
th{background:#f1f3f5}tr{break-inside:avoid}
@media print{body{margin:0}@page{margin:14mm}}`;

/** A self-contained HTML document of the report, ready to open and print to PDF. */
export function reportToHtml(report: PeriodReport): string {
  const f = reportFormat(reportLang(report.meta.language));
  const { t } = f;
  const title = t('dashReportHeading', periodTitle(report));
  const parts: string[] = [];
  parts.push(`<h1>${escapeHtml(title)}</h1>`);
  parts.push(
    `<p>${escapeHtml(t('dashReportMeta', report.meta.timeZone, f.dateTime(report.meta.asOf, report.meta.timeZone), report.meta.scope === 'own' ? t('dashScopeOwn') : t('dashScopeTeam')))}</p>`,
  );
  parts.push(`<h2>${escapeHtml(t('dashSecOverview'))}</h2><p>${escapeHtml(overviewSentence(report))}</p>`);
  for (const table of reportTables(report)) {
    parts.push(`<h2>${escapeHtml(table.title)}</h2>`);
    if (!table.rows.length) {
      parts.push(`<p><em>${escapeHtml(t('dashNoRows'))}</em></p>`);
      continue;
    }
    const head = table.columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('');
    const body = table.rows
      .map((r) => `<tr>${table.columns.map((_, c) => `<td>${escapeHtml(r[c])}</td>`).join('')}</tr>`)
      .join('\n');
    parts.push(`<table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`);
  }
  parts.push(`<h2>${escapeHtml(t('dashSecActions'))}</h2>`);
  parts.push(
    report.actions.length
      ? `<ul>${report.actions.map((a) => `<li>${escapeHtml(a.text)}</li>`).join('')}</ul>`
      : `<p><em>${escapeHtml(t('dashNoActions'))}</em></p>`,
  );
  const lang = report.meta.language;
  return `<!doctype html>\n<html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${reportPrintCss}</style></head><body>\n${parts.join('\n')}\n</body></html>\n`;
}
