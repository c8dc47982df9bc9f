import { z } from 'zod';
import { isoDateTimeSchema, stakeholderTypeSchema, ulidSchema } from './common';
import { importCsvInputSchema } from './directory';
import {
  blankAsAbsent,
  dateOrInstantSchema,
  importedCountsShape,
  importedRowSchema,
  lowerTrimmedCell,
  numberCell,
  trimmedCell,
} from './import-cells';
import { freeTextString, identifierString } from './text';

/**
 * Survey instruments: `csat` scores 1…scale (5 unless the survey declares a scale of 3–10), `nps` is the 0–10
 * likelihood to recommend, `score100` a 0–100 score.
 */
export const surveyInstruments = ['csat', 'nps', 'score100'] as const;
export const surveyInstrumentSchema = z.enum(surveyInstruments);
export type SurveyInstrument = z.infer<typeof surveyInstrumentSchema>;

/** The CSAT scale when a response does not declare one. */
export const DEFAULT_CSAT_SCALE = 5;

/** A CSAT scale: the highest score, 3–10. */
export const csatScaleSchema = z
  .number()
  .int('a CSAT scale must be a whole number')
  .min(3, 'a CSAT scale runs from 1 to at least 3')
  .max(10, 'a CSAT scale runs from 1 to at most 10');

/** The lowest and highest score of an instrument; `scale` only matters for CSAT. */
export function surveyScaleRange(instrument: SurveyInstrument, scale?: number): { min: number; max: number } {
  if (instrument === 'csat') return { min: 1, max: scale ?? DEFAULT_CSAT_SCALE };
  if (instrument === 'nps') return { min: 0, max: 10 };
  return { min: 0, max: 100 };
}

const scoreName: Record<SurveyInstrument, string> = {
  csat: 'A CSAT score',
  nps: 'An NPS score',
  score100: 'A 0–100 score',
};

/** The score lies on its instrument's scale; only CSAT declares a scale, and only score100 allows fractions. */
function checkScore(
  r: { instrument: SurveyInstrument; score: number; scale?: number | undefined },
  ctx: z.RefinementCtx,
): void {
  if (r.scale !== undefined && r.instrument !== 'csat') {
    ctx.addIssue({
      code: 'custom',
      path: ['scale'],
      message: 'Only a CSAT response declares a scale: NPS is always 0–10 and a 0–100 score always 0–100',
    });
    return;
  }
  const { min, max } = surveyScaleRange(r.instrument, r.scale);
  if (r.score < min || r.score > max) {
    ctx.addIssue({
      code: 'custom',
      path: ['score'],
      message: `${scoreName[r.instrument]} of ${r.score} is outside its ${min}–${max} scale`,
    });
  } else if (r.instrument !== 'score100' && !Number.isInteger(r.score)) {
    ctx.addIssue({ code: 'custom', path: ['score'], message: `${scoreName[r.instrument]} must be a whole number` });
  }
}

const dimensionSchema = freeTextString
  .trim()
  .min(1, 'a dimension cannot be blank')
  .max(60, 'a dimension can be at most 60 characters');
const commentSchema = freeTextString.trim().max(2000, 'a comment can be at most 2000 characters');
/** A survey often records only the day it was answered. */
const answeredAtSchema = dateOrInstantSchema;

/**
 * One survey answer. Without `stakeholderId` it is anonymous: it still counts in the figures of its
 * stakeholder type and dimension.
 */
export const surveyResponseInputSchema = z
  .strictObject({
    id: ulidSchema,
    instrument: surveyInstrumentSchema,
    score: z.number(),
    scale: csatScaleSchema.optional(),
    stakeholderId: identifierString.min(1).max(64).optional(),
    stakeholderType: stakeholderTypeSchema,
    /** What was rated (e.g. "delivery", "support"); free text. */
    dimension: dimensionSchema.optional(),
    answeredAt: answeredAtSchema,
    comment: commentSchema.optional(),
  })
  .superRefine(checkScore);
export type SurveyResponseInput = z.input<typeof surveyResponseInputSchema>;
export type SurveyResponseData = z.output<typeof surveyResponseInputSchema>;

/** The columns of a survey import file, in order. */
export const surveyCsvHeader = [
  'instrument',
  'score',
  'scale',
  'stakeholder',
  'stakeholder_type',
  'dimension',
  'answered_at',
  'comment',
] as const;

/**
 * One record of a survey import file, its cells keyed by {@link surveyCsvHeader}. An empty cell is absent
 * (an empty `stakeholder` is an anonymous answer); `stakeholder` is whatever the importer resolves to a
 * stakeholder (its id or one of its identities). Output in the shape of {@link surveyResponseInputSchema}
 * without the id, which the importer assigns.
 */
export const surveyCsvRowSchema = z
  .strictObject({
    instrument: z.preprocess(lowerTrimmedCell, surveyInstrumentSchema),
    score: z.preprocess(numberCell, z.number({ error: 'give the score as a number' })),
    scale: z.preprocess(numberCell, csatScaleSchema.optional()),
    stakeholder: z.preprocess(blankAsAbsent, identifierString.max(320).optional()),
    stakeholder_type: z.preprocess(lowerTrimmedCell, stakeholderTypeSchema),
    dimension: z.preprocess(blankAsAbsent, dimensionSchema.optional()),
    answered_at: z.preprocess(trimmedCell, answeredAtSchema),
    comment: z.preprocess(blankAsAbsent, commentSchema.optional()),
  })
  .superRefine(checkScore)
  .transform(({ stakeholder_type, answered_at, ...rest }) => ({
    ...rest,
    stakeholderType: stakeholder_type,
    answeredAt: answered_at,
  }));
export type SurveyCsvRow = z.output<typeof surveyCsvRowSchema>;

/** A survey response as stored and listed: `answeredAt` is an instant (a bare date is midnight in the org's zone). */
export const surveyResponseSchema = z.object({
  id: z.string(),
  instrument: surveyInstrumentSchema,
  score: z.number(),
  /** The CSAT scale (5 unless declared); null for NPS and 0–100 scores. */
  scale: z.number().int().nullable(),
  stakeholderId: z.string().nullable(),
  stakeholderType: stakeholderTypeSchema,
  dimension: z.string().nullable(),
  answeredAt: isoDateTimeSchema,
  comment: z.string().nullable(),
  /** Who recorded it. */
  userId: z.string(),
  createdAt: isoDateTimeSchema,
  updatedAt: isoDateTimeSchema,
});
export type SurveyResponse = z.infer<typeof surveyResponseSchema>;

/** `evaluations.recordSurvey`: the stored response, and the follow-up a low score created (null otherwise). */
export const recordSurveyResultSchema = z.object({
  response: surveyResponseSchema,
  followupId: z.string().nullable(),
});
export type RecordSurveyResult = z.infer<typeof recordSurveyResultSchema>;

/** `evaluations.listSurveys`: responses answered in `[from, to)`, newest first; staff see the ones they recorded. */
export const surveyListInputSchema = z.strictObject({
  from: isoDateTimeSchema.optional(),
  to: isoDateTimeSchema.optional(),
  instrument: surveyInstrumentSchema.optional(),
  dimension: dimensionSchema.optional(),
  stakeholderType: stakeholderTypeSchema.optional(),
  stakeholderId: identifierString.min(1).max(64).optional(),
  cursor: identifierString.max(200).nullable().default(null),
  limit: z.number().int().min(1).max(200).default(50),
});
export type SurveyListInput = z.input<typeof surveyListInputSchema>;
export const surveyListResultSchema = z.object({
  items: z.array(surveyResponseSchema),
  nextCursor: z.string().nullable(),
});
export type SurveyListResult = z.infer<typeof surveyListResultSchema>;

/** `evaluations.importSurveysCsv`: the CSV text (header {@link surveyCsvHeader}), 1 MiB at most; `dryRun` previews. */
export const surveyImportInputSchema = z.strictObject(importCsvInputSchema.shape);
export type SurveyImportInput = z.input<typeof surveyImportInputSchema>;

/** One row of a survey import, as `directory.importCsv` reports its rows. */
export const surveyImportRowSchema = importedRowSchema.extend({
  /** The response stored; null for errors and in a dry run. */
  responseId: z.string().nullable(),
  /** The stakeholder the row's `stakeholder` cell resolved to (null: anonymous, or an error). */
  stakeholderId: z.string().nullable(),
});
export type SurveyImportRow = z.infer<typeof surveyImportRowSchema>;

export const surveyImportReportSchema = z.object({
  rows: z.array(surveyImportRowSchema),
  ...importedCountsShape,
  /** Follow-ups created for low scores (those a dry run would create). */
  followups: z.number().int(),
});
export type SurveyImportReport = z.infer<typeof surveyImportReportSchema>;
