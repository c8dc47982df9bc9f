import { z } from 'zod';
import { computedDateTimeSchema, isoDateSchema, isoDateTimeSchema, ulidSchema } from './common';
import { metricsFilterSchema } from './metrics';
import { periodReportSchema, reportLanguageSchema } from './reports';
import { freeTextString, identifierString } from './text';

/*
 * Saved editions of the period report (docs/report.md "Editions"): the figures as the server computed them and the
 * manager's texts, kept unchanged once saved.
 */

const text = (max: number) => freeTextString.trim().max(max, `can be at most ${max} characters`);

export const suggestionStatusSchema = z.enum(['open', 'in_progress', 'done', 'dropped']);
export type SuggestionStatus = z.infer<typeof suggestionStatusSchema>;

/** An improvement measure: what, who owns it, by when, and how far it got. */
export const reportSuggestionSchema = z.strictObject({
  /** Stable across editions, so the next edition can follow the item up. */
  id: identifierString.trim().min(1).max(64),
  text: text(1000).min(1, 'say what the measure is'),
  owner: text(100).default(''),
  due: isoDateSchema.nullable().default(null),
  status: suggestionStatusSchema.default('open'),
});
export type ReportSuggestion = z.infer<typeof reportSuggestionSchema>;

/** The manager's note on a notable case (a thread), shown beside its timeline. */
export const reportCaseNoteSchema = z.strictObject({
  threadKey: identifierString.min(1).max(512),
  note: text(2000),
});

/** Everything of an edition that the manager writes; the figures are computed. */
export const reportTextsSchema = z.strictObject({
  /** The analysis beside each section's figures. */
  overview: text(4000).default(''),
  typesAndGoals: text(4000).default(''),
  channels: text(4000).default(''),
  /** The qualitative part of the effect evaluation. */
  qualitative: text(8000).default(''),
  caseNotes: z.array(reportCaseNoteSchema).max(50).default([]),
  suggestions: z.array(reportSuggestionSchema).max(50).default([]),
  longTermGoals: text(4000).default(''),
  summary: text(8000).default(''),
});
export type ReportTexts = z.infer<typeof reportTextsSchema>;
export type ReportTextsInput = z.input<typeof reportTextsSchema>;

export const reportSaveInputSchema = z.strictObject({
  filter: metricsFilterSchema,
  language: reportLanguageSchema,
  texts: reportTextsSchema,
});

export const reportEditionRefSchema = z.strictObject({ id: ulidSchema });

export const reportListInputSchema = z.strictObject({
  /** Only editions of exactly this period. */
  period: z.strictObject({ from: isoDateTimeSchema, to: isoDateTimeSchema }).optional(),
  limit: z.number().int().min(1).max(100).default(50),
});

/** One figure that moved between two editions, as numbers (null: no figure) and the figure's id. */
export const editionChangeSchema = z.object({
  /** Stable id, e.g. `total`, `channel.email`, `goal.<id>`, `coverage.customer`. */
  figure: z.string(),
  /** In the later edition's language. */
  label: z.string(),
  before: z.number().nullable(),
  after: z.number().nullable(),
  /** Goals: their status, before and after. */
  status: z.object({ before: z.string().nullable(), after: z.string().nullable() }).optional(),
});
export type EditionChange = z.infer<typeof editionChangeSchema>;

export const editionDiffSchema = z.object({
  changes: z.array(editionChangeSchema),
  /** The texts the manager changed, by their key in `ReportTexts`. */
  textsChanged: z.array(z.string()),
});
export type EditionDiff = z.infer<typeof editionDiffSchema>;

export const reportEditionSummarySchema = z.object({
  id: z.string(),
  from: computedDateTimeSchema,
  to: computedDateTimeSchema,
  language: reportLanguageSchema,
  createdAt: computedDateTimeSchema,
  createdBy: z.object({ id: z.string(), name: z.string().nullable() }),
  /** The edition of the same period saved just before this one, if any. */
  previousId: z.string().nullable(),
});
export type ReportEditionSummary = z.infer<typeof reportEditionSummarySchema>;

export const reportEditionSchema = reportEditionSummarySchema.extend({
  figures: periodReportSchema,
  texts: reportTextsSchema,
  /** How its figures differ from `previousId`'s; null for the first edition of a period. */
  sincePrevious: editionDiffSchema.nullable(),
  /** The improvement items of the last edition of the period before, as they were written then. */
  followUp: z.array(reportSuggestionSchema),
});
export type ReportEdition = z.infer<typeof reportEditionSchema>;

export const reportCompareInputSchema = z.strictObject({ before: ulidSchema, after: ulidSchema });
export const reportComparisonSchema = z.object({
  before: reportEditionSummarySchema,
  after: reportEditionSummarySchema,
  diff: editionDiffSchema,
});
export type ReportComparison = z.infer<typeof reportComparisonSchema>;
