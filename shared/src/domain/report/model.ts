import type { EditionDiff, ReportSuggestion, ReportTexts } from '../../schemas/report-edition';
import type { GoalUnit, PeriodReport, ReportGoal, ReportLanguage } from '../../schemas/reports';
import { goalMetricUnits } from '../../schemas/reports';

/*
 * The report as a document: six sections of headings, the manager's texts, charts and tables, one model that the
 * printable HTML, the Markdown, the CSV and XLSX exports and the extension's page all render (docs/report.md).
 */

export type DocCell = string | number;

export interface DocTable {
  /** Stable id, also the CSV file's and XLSX sheet's name. */
  id: string;
  title: string;
  columns: string[];
  rows: DocCell[][];
}

export type DocPart =
  | { kind: 'heading'; text: string }
  /** `headline`: the overview's one-sentence summary of the figures. */
  | { kind: 'text'; text: string; headline?: boolean }
  /** One of the manager's texts: `key` in `ReportTexts`, empty until written. */
  | { kind: 'managerText'; key: keyof ReportTexts; label: string; text: string }
  | { kind: 'chart'; id: string; title: string; svg: string }
  | { kind: 'table'; table: DocTable };

export type SectionId = 'overview' | 'types-goals' | 'channels' | 'effect' | 'suggestions' | 'summary';

export interface DocSection {
  id: SectionId;
  title: string;
  parts: DocPart[];
}

/** What a report document is made of: the computed figures, the manager's texts and the edition's context. */
export interface ReportDocumentInput {
  report: PeriodReport;
  texts: ReportTexts;
  /** The measures of the last edition of the period before, to follow up. */
  followUp?: readonly ReportSuggestion[];
  /** How the figures differ from the last edition of the same period. */
  sincePrevious?: EditionDiff | null;
}

/** Numbers and dates in the report's language. */
export function reportNumbers(language: ReportLanguage, zone: string) {
  const round1 = (n: number) => (Math.round(n * 10) / 10).toFixed(1);
  const date = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const time = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hour12: false });
  return {
    round1,
    pct: (r: number | null) => (r === null ? '—' : `${round1(r * 100)}%`),
    hours: (ms: number | null) => (ms === null ? '—' : round1(ms / 3_600_000)),
    date: (iso: string) => date.format(new Date(iso)),
    dateTime: (iso: string) => `${date.format(new Date(iso))} ${time.format(new Date(iso))}`,
    /** The last day a period covers ("2026-03-01 – 2026-03-31"). */
    period: (from: string, to: string) =>
      `${date.format(new Date(from))} – ${date.format(new Date(Date.parse(to) - 1))}`,
    goalValue(g: Pick<ReportGoal, 'metric'>, value: number | null): string {
      if (value === null) return '—';
      const unit: GoalUnit = goalMetricUnits[g.metric];
      if (unit === 'rate') return `${round1(value * 100)}%`;
      if (unit === 'hours') return `${round1(value)} h`;
      if (unit === 'working_days') return `${round1(value)} ${language === 'zh-CN' ? '个工作日' : 'working days'}`;
      return String(Math.round(value * 10) / 10);
    },
  };
}

export type ReportNumbers = ReturnType<typeof reportNumbers>;

/** "+3", "−2.5", "±0"; an em dash without both figures. */
export function signedChange(before: number | null, after: number | null, fmt: (n: number) => string): string {
  if (before === null || after === null) return '—';
  const d = after - before;
  return `${d > 0 ? '+' : d < 0 ? '−' : '±'}${fmt(Math.abs(d))}`;
}
