import { reportDocument } from './document';
import { reportWords } from './labels';
import type { DocCell, DocTable, ReportDocumentInput } from './model';

/** A cell as Markdown table text: pipes escaped, lines joined, nothing read as markup or a link. */
const cell = (c: DocCell) =>
  String(c)
    .replace(/\r?\n/g, ' ')
    .replace(/([\\|*_`[\]<>#])/g, '\\$1');

function tableMd(t: DocTable, empty: string): string {
  if (!t.rows.length) return `_${empty}_`;
  return [
    `| ${t.columns.map(cell).join(' | ')} |`,
    `| ${t.columns.map(() => '---').join(' | ')} |`,
    ...t.rows.map((r) => `| ${t.columns.map((_, i) => cell(r[i] ?? '')).join(' | ')} |`),
  ].join('\n');
}

/** The report as Markdown: the six sections, each chart as its table (Markdown has no charts). */
export function reportMarkdown(input: ReportDocumentInput): string {
  const doc = reportDocument(input);
  const words = reportWords(input.report.meta.language);
  const out: string[] = [`# ${doc.title}`];
  for (const s of doc.sections) {
    out.push(`## ${s.title}`);
    for (const p of s.parts) {
      if (p.kind === 'heading') out.push(`### ${p.text}`);
      else if (p.kind === 'text') out.push(cell(p.text));
      else if (p.kind === 'managerText')
        out.push(
          `**${cell(p.label)}**\n\n${
            p.text.trim()
              ? p.text
                  .split(/\r?\n/)
                  .map((l) => `> ${cell(l)}`)
                  .join('\n')
              : `_${words.w('noText')}_`
          }`,
        );
      else if (p.kind === 'table') out.push(`**${cell(p.table.title)}**\n\n${tableMd(p.table, words.w('noRows'))}`);
    }
  }
  return `${out.join('\n\n')}\n`;
}
