import {
  isoDateSchema,
  isoDateTimeSchema,
  stakeholderTypes,
  surveyInstruments,
  surveyScaleRange,
  type StakeholderType,
  type SurveyInstrument,
  type SurveyResponseInput,
} from '@comms-log/shared';

/** A survey answer as typed in the form or read from a CSV row: text, not checked yet. */
export interface SurveyValues {
  instrument: string;
  score: string;
  /** The CSAT scale's highest score; blank is 5. */
  scale: string;
  stakeholderType: string;
  dimension: string;
  /** YYYY-MM-DD, or a date-time with an offset. */
  answeredAt: string;
  comment: string;
}

/** A mistake in an answer, as the form and the CSV preview name it (in words: survey-problem-text.ts). */
export type SurveyProblem =
  | { kind: 'instrument'; value: string }
  | { kind: 'scoreMissing' }
  | { kind: 'scoreNotNumber'; value: string }
  | { kind: 'scoreRange'; instrument: SurveyInstrument; score: number; min: number; max: number }
  | { kind: 'scoreWhole'; instrument: SurveyInstrument; score: number }
  | { kind: 'scale'; value: string }
  | { kind: 'scaleNotCsat' }
  | { kind: 'type'; value: string }
  | { kind: 'dateMissing' }
  | { kind: 'date'; value: string }
  | { kind: 'dateFuture'; value: string }
  | { kind: 'tooLong'; field: 'dimension' | 'comment'; max: number };

/** The answer as `evaluations.recordSurvey` takes it, without its id and stakeholder. */
export type SurveyFields = Omit<SurveyResponseInput, 'id' | 'stakeholderId'>;

const isInstrument = (v: string): v is SurveyInstrument => (surveyInstruments as readonly string[]).includes(v);
const isType = (v: string): v is StakeholderType => (stakeholderTypes as readonly string[]).includes(v);

/** The declared scale: undefined when blank, null when it is not a whole number from 3 to 10. */
function readScale(text: string): number | undefined | null {
  if (!text.trim()) return undefined;
  const n = Number(text);
  return Number.isInteger(n) && n >= 3 && n <= 10 ? n : null;
}

/** The score's mistakes on its instrument's scale (`scale` already read). */
function scoreProblems(instrument: SurveyInstrument, text: string, scale: number | undefined): SurveyProblem[] {
  if (!text.trim()) return [{ kind: 'scoreMissing' }];
  const score = Number(text);
  if (!Number.isFinite(score)) return [{ kind: 'scoreNotNumber', value: text.trim() }];
  const { min, max } = surveyScaleRange(instrument, scale);
  if (score < min || score > max) return [{ kind: 'scoreRange', instrument, score, min, max }];
  if (instrument !== 'score100' && !Number.isInteger(score)) return [{ kind: 'scoreWhole', instrument, score }];
  return [];
}

/** The answer date's mistakes; `today` (YYYY-MM-DD in the org's zone) refuses a bare date after it. */
function dateProblems(text: string, today: string | undefined): SurveyProblem[] {
  const v = text.trim();
  if (!v) return [{ kind: 'dateMissing' }];
  const isDate = isoDateSchema.safeParse(v).success;
  if (!isDate && !isoDateTimeSchema.safeParse(v).success) return [{ kind: 'date', value: v }];
  if (isDate && today && v > today) return [{ kind: 'dateFuture', value: v }];
  return [];
}

/**
 * Checks an answer as the server will (docs/api.md `evaluations.recordSurvey`), so the form and the CSV preview can
 * name each mistake in the reader's language before anything is sent: the answer's fields, or its problems.
 */
export function checkSurvey(
  values: SurveyValues,
  opts: { today?: string } = {},
): { problems: SurveyProblem[]; fields: SurveyFields | null } {
  const problems: SurveyProblem[] = [];
  const instrument = values.instrument.trim().toLowerCase();
  const scale = readScale(values.scale);
  if (scale === null) problems.push({ kind: 'scale', value: values.scale.trim() });
  if (!isInstrument(instrument)) {
    problems.push({ kind: 'instrument', value: values.instrument.trim() });
  } else if (scale !== undefined && instrument !== 'csat') {
    problems.push({ kind: 'scaleNotCsat' });
  } else if (scale !== null) {
    problems.push(...scoreProblems(instrument, values.score, scale));
  }
  const type = values.stakeholderType.trim().toLowerCase();
  if (!isType(type)) problems.push({ kind: 'type', value: values.stakeholderType.trim() });
  problems.push(...dateProblems(values.answeredAt, opts.today));
  const dimension = values.dimension.trim();
  const comment = values.comment.trim();
  if (dimension.length > 60) problems.push({ kind: 'tooLong', field: 'dimension', max: 60 });
  if (comment.length > 2000) problems.push({ kind: 'tooLong', field: 'comment', max: 2000 });
  if (problems.length || !isInstrument(instrument) || !isType(type)) return { problems, fields: null };
  return {
    problems,
    fields: {
      instrument,
      score: Number(values.score),
      ...(instrument === 'csat' && scale !== undefined && scale !== null ? { scale } : {}),
      stakeholderType: type,
      ...(dimension ? { dimension } : {}),
      answeredAt: values.answeredAt.trim(),
      ...(comment ? { comment } : {}),
    },
  };
}
