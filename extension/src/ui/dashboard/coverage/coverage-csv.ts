import { coverageCsvHeader, coverageCsvRowSchema } from '@comms-log/shared';
import { readCsvRecords, type CsvProblem } from '../csv-import/csv-read';

/** The columns an import file must have; the others may be left out. */
const REQUIRED = ['outlet', 'title', 'url', 'published_at'];

/** A mistake in a row of a coverage import file (in words: coverage-import.tsx). */
export type CoverageCsvProblem =
  | { kind: 'outlet' | 'title' | 'url' | 'reach' | 'eventTag' | 'notNegative' }
  | { kind: 'date'; column: 'published_at' | 'clarified_at'; value: string }
  | { kind: 'tone'; value: string };

/** A row of a coverage import file with the mistakes the browser sees in it. */
export interface CoverageCsvPreviewRow {
  line: number;
  values: Record<string, string>;
  problems: CoverageCsvProblem[];
  /** More non-empty fields than the header has columns. */
  extraFields: boolean;
}

/** A refused cell as a problem; `custom` is the schema's own rule (a clarification of a report not negative). */
function problemOf(column: string, custom: boolean, values: Record<string, string>): CoverageCsvProblem | null {
  const value = values[column] ?? '';
  switch (column) {
    case 'outlet':
    case 'title':
    case 'url':
    case 'reach':
      return { kind: column };
    case 'event_tag':
      return { kind: 'eventTag' };
    case 'tone':
      return { kind: 'tone', value };
    case 'published_at':
      return { kind: 'date', column, value };
    case 'clarified_at':
      return custom ? { kind: 'notNegative' } : { kind: 'date', column, value };
    default:
      return null;
  }
}

/**
 * What `evaluations.importCoverageCsv` would read from the file, row by row, each checked with the shared row schema
 * the server applies (the outlet named in a row, and a clarification dated before publication, are the server's to
 * judge: its dry run says).
 */
export function previewCoverageCsv(text: string): { problem: CsvProblem | null; rows: CoverageCsvPreviewRow[] } {
  const { problem, records } = readCsvRecords(text, { known: coverageCsvHeader, required: REQUIRED });
  const rows = records.map(({ line, values, extraFields }) => {
    const issues = coverageCsvRowSchema.safeParse(values).error?.issues ?? [];
    const problems: CoverageCsvProblem[] = [];
    const seen = new Set<string>();
    for (const issue of issues) {
      const column = String(issue.path[0]);
      if (seen.has(column)) continue;
      seen.add(column);
      const p = problemOf(column, issue.code === 'custom', values);
      if (p) problems.push(p);
    }
    return { line, values, problems, extraFields };
  });
  return { problem, rows };
}
