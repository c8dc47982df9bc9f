import { reportDocument } from './document';
import type { DocPart, DocTable, ReportDocumentInput } from './model';
import { reportWords } from './labels';
import { escapeXml } from './svg';

/** The print stylesheet: the downloaded file, the page's own print, the e-mail body. */
export const reportPrintCss = `
body{font:12px/1.5 system-ui,'Noto Sans CJK SC','PingFang SC','Microsoft YaHei',sans-serif;color:#111;margin:24px;max-width:900px}
h1{font-size:20px}h2{font-size:16px;margin-top:24px;border-bottom:1px solid #ccc;break-after:avoid}h3{font-size:13px;break-after:avoid}
table{border-collapse:collapse;width:100%;margin:6px 0 12px}th,td{border:1px solid #bbb;padding:3px 6px;text-align:left;vertical-align:top}
th{background:#f1f3f5}tr{break-inside:avoid}figure{margin:8px 0;break-inside:avoid}svg{max-width:100%;height:auto}
.manager{white-space:pre-wrap;border-left:3px solid #3b6fb6;padding:4px 10px;background:#f7f9fc}.empty{color:#777;font-style:italic}
@media print{body{margin:0}@page{margin:14mm}}`;

const textBlock = (text: string, empty: string) =>
  text.trim() ? `<div class="manager">${escapeXml(text)}</div>` : `<p class="empty">${escapeXml(empty)}</p>`;

function tableHtml(t: DocTable, empty: string): string {
  if (!t.rows.length) return `<p class="empty">${escapeXml(empty)}</p>`;
  const head = t.columns.map((c) => `<th>${escapeXml(c)}</th>`).join('');
  const body = t.rows
    .map((r) => `<tr>${t.columns.map((_, i) => `<td>${escapeXml(r[i])}</td>`).join('')}</tr>`)
    .join('\n');
  return `<table data-table="${escapeXml(t.id)}"><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

function partHtml(p: DocPart, words: ReturnType<typeof reportWords>): string {
  switch (p.kind) {
    case 'heading':
      return `<h3>${escapeXml(p.text)}</h3>`;
    case 'text':
      return `<p>${escapeXml(p.text)}</p>`;
    case 'managerText':
      return `<h3>${escapeXml(p.label)}</h3>${textBlock(p.text, words.w('noText'))}`;
    case 'chart':
      return `<figure data-chart="${escapeXml(p.id)}">${p.svg}</figure>`;
    case 'table':
      return tableHtml(p.table, words.w('noRows'));
  }
}

/**
 * The report as one self-contained HTML document: the six sections with their charts as inline SVG and their
 * tables, no script and nothing fetched, so it opens, prints to PDF and goes out as an e-mail body as it is.
 */
export function reportHtml(input: ReportDocumentInput): string {
  const doc = reportDocument(input);
  const words = reportWords(input.report.meta.language);
  const body = doc.sections
    .map(
      (s) =>
        `<section data-section="${s.id}"><h2>${escapeXml(s.title)}</h2>\n${s.parts.map((p) => partHtml(p, words)).join('\n')}\n</section>`,
    )
    .join('\n');
  return `<!doctype html>\n<html lang="${input.report.meta.language}"><head><meta charset="utf-8"><title>${escapeXml(doc.title)}</title><style>${reportPrintCss}</style></head><body>\n<h1>${escapeXml(doc.title)}</h1>\n${body}\n</body></html>\n`;
}
