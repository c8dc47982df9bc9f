import { reportWords } from './labels';
import { type DocSection, type DocTable, type ReportDocumentInput, reportNumbers } from './model';
import { channelsSection, overviewSection, typesGoalsSection } from './sections-figures';
import { effectSection, suggestionsSection, summarySection } from './sections-texts';

/** The report document in its language: title line and the six sections in order (docs/report.md "Sections"). */
export function reportDocument(input: ReportDocumentInput): { title: string; sections: DocSection[] } {
  const { report: r, texts } = input;
  const language = r.meta.language;
  const w = reportWords(language);
  const n = reportNumbers(language, r.meta.timeZone);
  const overview = overviewSection(r, texts, w, n);
  if (input.sincePrevious) {
    const d = input.sincePrevious;
    overview.parts.push({
      kind: 'table',
      table: {
        id: 'since-last-edition',
        title: w.w('sinceLast'),
        columns: [w.w('figure'), w.w('before'), w.w('after')],
        rows: [
          ...d.changes.map((c) => [
            c.label,
            c.status ? `${c.before ?? '—'} (${c.status.before ?? '—'})` : (c.before ?? '—'),
            c.status ? `${c.after ?? '—'} (${c.status.after ?? '—'})` : (c.after ?? '—'),
          ]),
          ...(d.textsChanged.length ? [[w.w('textsChanged'), '', d.textsChanged.join(', ')]] : []),
        ],
      },
    });
  }
  return {
    title: `${w.w('title')}${language === 'zh-CN' ? '：' : ': '}${n.period(r.meta.from, r.meta.to)}`,
    sections: [
      overview,
      typesGoalsSection(r, texts, w, n, language === 'zh-CN'),
      channelsSection(r, texts, w, n),
      effectSection(r, texts, w, n),
      suggestionsSection(input, w),
      summarySection(texts, w),
    ],
  };
}

/** Every table of the document in reading order: what the CSV and XLSX exports hold. */
export function documentTables(doc: { sections: readonly DocSection[] }): DocTable[] {
  return doc.sections.flatMap((s) => s.parts.flatMap((p) => (p.kind === 'table' ? [p.table] : [])));
}

/** A file name stem: org, period and language, in characters every file system takes. */
export function reportFileStem(orgName: string, input: Pick<ReportDocumentInput, 'report'>): string {
  const r = input.report;
  const n = reportNumbers(r.meta.language, r.meta.timeZone);
  const safe = (s: string) =>
    s
      .normalize('NFKC')
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what no file name may hold.
      .replace(/[\\/:*?"<>|\u0000-\u001f\s]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'org';
  return `${safe(orgName)}-report-${n.date(r.meta.from)}_${n.date(new Date(Date.parse(r.meta.to) - 1).toISOString())}-${r.meta.language}`;
}
