import { surveyCsvHeader } from '@comms-log/shared';
import { readCsvRecords, type CsvProblem } from '../csv-import/csv-read';
import { checkSurvey, type SurveyProblem } from './survey-check';

/** The columns an import file must have; the others may be left out. */
const REQUIRED = ['instrument', 'score', 'stakeholder_type', 'answered_at'];

/** A row of a survey import file with the mistakes the browser sees in it. */
export interface SurveyCsvPreviewRow {
  line: number;
  values: Record<string, string>;
  problems: SurveyProblem[];
  /** More non-empty fields than the header has columns. */
  extraFields: boolean;
}

/**
 * What `evaluations.importSurveysCsv` would read from the file, row by row, each checked as the form checks an answer
 * (a stakeholder named in a row is the server's to find: its dry run says).
 */
export function previewSurveyCsv(text: string): { problem: CsvProblem | null; rows: SurveyCsvPreviewRow[] } {
  const { problem, records } = readCsvRecords(text, { known: surveyCsvHeader, required: REQUIRED });
  const rows = records.map(({ line, values, extraFields }) => {
    const { problems } = checkSurvey({
      instrument: values.instrument ?? '',
      score: values.score ?? '',
      scale: values.scale ?? '',
      stakeholderType: values.stakeholder_type ?? '',
      dimension: values.dimension ?? '',
      answeredAt: values.answered_at ?? '',
      comment: values.comment ?? '',
    });
    return { line, values, problems, extraFields };
  });
  return { problem, rows };
}
