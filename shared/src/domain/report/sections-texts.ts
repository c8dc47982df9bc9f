import type { ReportSuggestion, ReportTexts } from '../../schemas/report-edition';
import type { PeriodReport } from '../../schemas/reports';
import type { ReportWords } from './labels';
import type { DocPart, DocSection, DocTable, ReportDocumentInput, ReportNumbers } from './model';
import { quantitativeParts } from './sections-figures';

/* The qualitative part of 4, and sections 5 and 6: mostly the manager's words, beside the cases they refer to. */

function qualitativeParts(r: PeriodReport, texts: ReportTexts, w: ReportWords, n: ReportNumbers): DocPart[] {
  const s = r.sections;
  const notes = new Map(texts.caseNotes.map((c) => [c.threadKey, c.note]));
  const surveys: DocTable = {
    id: 'surveys',
    title: w.w('dimension'),
    columns: [w.w('dimension'), w.w('responses'), w.w('csat'), w.w('satisfaction'), w.w('nps'), w.w('score100')],
    rows: s.surveysByDimension.map((d) => [
      d.dimension ?? '—',
      d.responses,
      d.csatMean === null ? '—' : `${n.round1(d.csatMean)}${d.csatScale ? ` / ${d.csatScale}` : ''}`,
      n.pct(d.satisfactionRate),
      d.nps === null ? '—' : String(Math.round(d.nps)),
      d.score100Mean === null ? '—' : n.round1(d.score100Mean),
    ]),
  };
  const comments: DocTable = {
    id: 'survey-comments',
    title: w.w('comment'),
    columns: [w.w('date'), w.w('dimension'), w.w('score'), w.w('comment')],
    rows: s.surveyComments.map((c) => [n.date(c.answeredAt), c.dimension ?? '—', c.score, c.comment]),
  };
  const cases: DocTable = {
    id: 'cases',
    title: w.w('case'),
    columns: [w.w('kind'), w.w('opened'), w.w('stakeholder'), w.w('case'), w.w('replies'), w.w('status'), w.w('note')],
    rows: s.cases.map((c) => [
      w.w(c.kind),
      n.dateTime(c.openedAt),
      c.stakeholderName ?? '—',
      c.title ?? c.threadKey,
      c.replies,
      c.resolvedAt ? `${w.w('resolved')} ${n.dateTime(c.resolvedAt)}` : w.w('open'),
      notes.get(c.threadKey) ?? '',
    ]),
  };
  return [
    { kind: 'heading', text: w.w('sec4b') },
    { kind: 'table', table: surveys },
    { kind: 'table', table: comments },
    { kind: 'table', table: cases },
    { kind: 'managerText', key: 'qualitative', label: w.w('analysis'), text: texts.qualitative },
  ];
}

/** Section 4: the quantitative indicators, then the qualitative analysis. */
export function effectSection(r: PeriodReport, texts: ReportTexts, w: ReportWords, n: ReportNumbers): DocSection {
  return {
    id: 'effect',
    title: w.w('sec4'),
    parts: [...quantitativeParts(r, w, n), ...qualitativeParts(r, texts, w, n)],
  };
}

const suggestionsTable = (id: string, title: string, items: readonly ReportSuggestion[], w: ReportWords): DocTable => ({
  id,
  title,
  columns: [w.w('measure'), w.w('owner'), w.w('dueDate'), w.w('status')],
  rows: items.map((s) => [s.text, s.owner, s.due ?? '—', w.w(`s_${s.status}`)]),
});

/** Section 5: this edition's measures, long-term goals, and the last report's measures with their status now. */
export function suggestionsSection(input: ReportDocumentInput, w: ReportWords): DocSection {
  const { texts } = input;
  const now = new Map(texts.suggestions.map((s) => [s.id, s]));
  // A measure carried over keeps its id: its status now is the one this edition gives it.
  const followed = (input.followUp ?? []).map((s) => now.get(s.id) ?? s);
  return {
    id: 'suggestions',
    title: w.w('sec5'),
    parts: [
      { kind: 'heading', text: w.w('sec5a') },
      { kind: 'table', table: suggestionsTable('suggestions', w.w('sec5a'), texts.suggestions, w) },
      {
        kind: 'table',
        table: {
          id: 'suggested-by-figures',
          title: w.w('actionsFromFigures'),
          columns: [w.w('measure')],
          rows: input.report.actions.map((a) => [a.text]),
        },
      },
      { kind: 'heading', text: w.w('sec5b') },
      { kind: 'managerText', key: 'longTermGoals', label: w.w('sec5b'), text: texts.longTermGoals },
      { kind: 'heading', text: w.w('sec5c') },
      { kind: 'table', table: suggestionsTable('follow-up', w.w('sec5c'), followed, w) },
    ],
  };
}

/** Section 6: the manager's conclusion. */
export const summarySection = (texts: ReportTexts, w: ReportWords): DocSection => ({
  id: 'summary',
  title: w.w('sec6'),
  parts: [{ kind: 'managerText', key: 'summary', label: w.w('sec6'), text: texts.summary }],
});
