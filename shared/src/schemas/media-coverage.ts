import { z } from 'zod';
import { isoDateTimeSchema, ulidSchema } from './common';
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
import { freeTextString, identifierString, refuseUnsafeText } from './text';

/** How a report about us reads; `null` until someone has judged it. */
export const coverageToneSchema = z.enum(['positive', 'neutral', 'negative']);
export type CoverageTone = z.infer<typeof coverageToneSchema>;

const titleSchema = freeTextString
  .trim()
  .min(1, 'give the report a title')
  .max(1000, 'a title can be at most 1000 characters');
const urlSchema = refuseUnsafeText(
  z
    .url({ protocol: /^https?$/, error: 'must be a web link (https://…)' })
    .max(2000, 'a link can be at most 2000 characters'),
);
const reachSchema = z.number().int('reach must be a whole number').min(0, 'reach cannot be negative');
const eventTagSchema = freeTextString.trim().min(1).max(60, 'an event tag can be at most 60 characters');

/** Only a negative report is clarified, and not before it was published. */
function checkClarification(
  c: { tone: CoverageTone | null; publishedAt: string; clarifiedAt?: string | undefined },
  ctx: z.RefinementCtx,
): void {
  if (c.clarifiedAt === undefined) return;
  if (c.tone !== 'negative') {
    ctx.addIssue({ code: 'custom', path: ['clarifiedAt'], message: 'Only a negative report is clarified' });
  } else if (Date.parse(c.clarifiedAt) < Date.parse(c.publishedAt)) {
    ctx.addIssue({
      code: 'custom',
      path: ['clarifiedAt'],
      message: 'The clarification date is before the publication date',
    });
  }
}

/**
 * One media report about the organisation. `outletStakeholderId` is the outlet's stakeholder (the server checks
 * that it is a media stakeholder). `clarifiedAt` is when a negative report was answered with a clarification.
 * Not the cadence `coverage` of metrics.ts: that is how many stakeholders were contacted in time.
 */
export const mediaCoverageInputSchema = z
  .strictObject({
    id: ulidSchema,
    outletStakeholderId: identifierString.min(1, 'name the outlet').max(64),
    title: titleSchema,
    url: urlSchema,
    publishedAt: isoDateTimeSchema,
    tone: coverageToneSchema.nullable(),
    /** Readers, viewers or followers the report reached, as the outlet states it. */
    reach: reachSchema.optional(),
    /** Groups reports about one event (a launch, an incident). */
    eventTag: eventTagSchema.optional(),
    clarifiedAt: isoDateTimeSchema.optional(),
  })
  .superRefine(checkClarification);
export type MediaCoverageInput = z.input<typeof mediaCoverageInputSchema>;
export type MediaCoverageData = z.output<typeof mediaCoverageInputSchema>;

/**
 * `evaluations.updateCoverage`: only the fields given change (null clears tone, reach, event tag or clarification);
 * the merged report is checked as {@link mediaCoverageInputSchema} checks a new one.
 */
export const mediaCoverageUpdateInputSchema = z.strictObject({
  id: identifierString.min(1).max(64),
  title: titleSchema.optional(),
  url: urlSchema.optional(),
  tone: coverageToneSchema.nullable().optional(),
  reach: reachSchema.nullable().optional(),
  eventTag: eventTagSchema.nullable().optional(),
  clarifiedAt: isoDateTimeSchema.nullable().optional(),
});
export type MediaCoverageUpdateInput = z.input<typeof mediaCoverageUpdateInputSchema>;

/** A coverage item as stored and listed. */
export const mediaCoverageSchema = z.object({
  id: z.string(),
  outletStakeholderId: z.string(),
  title: z.string(),
  url: z.string(),
  publishedAt: isoDateTimeSchema,
  tone: coverageToneSchema.nullable(),
  reach: z.number().int().nullable(),
  eventTag: z.string().nullable(),
  clarifiedAt: isoDateTimeSchema.nullable(),
  /** Who recorded it. */
  userId: z.string(),
  createdAt: isoDateTimeSchema,
  updatedAt: isoDateTimeSchema,
});
export type MediaCoverage = z.infer<typeof mediaCoverageSchema>;

/** `evaluations.listCoverage`: reports published in `[from, to)`, newest first; staff see the ones they recorded. */
export const coverageListInputSchema = z.strictObject({
  from: isoDateTimeSchema.optional(),
  to: isoDateTimeSchema.optional(),
  outletStakeholderId: identifierString.min(1).max(64).optional(),
  tone: coverageToneSchema.optional(),
  eventTag: eventTagSchema.optional(),
  cursor: identifierString.max(200).nullable().default(null),
  limit: z.number().int().min(1).max(200).default(50),
});
export type CoverageListInput = z.input<typeof coverageListInputSchema>;
export const coverageListResultSchema = z.object({
  items: z.array(mediaCoverageSchema),
  nextCursor: z.string().nullable(),
});
export type CoverageListResult = z.infer<typeof coverageListResultSchema>;

/** The columns of a coverage import file, in order. */
export const coverageCsvHeader = [
  'outlet',
  'title',
  'url',
  'published_at',
  'tone',
  'reach',
  'event_tag',
  'clarified_at',
] as const;

/** An empty tone cell (or no tone column) is a report not judged yet. */
const toneCell = (v: unknown) => {
  const s = lowerTrimmedCell(v);
  return s === '' || s === undefined ? null : s;
};

/**
 * One record of a coverage import file, its cells keyed by {@link coverageCsvHeader}. `outlet` is whatever the
 * importer resolves to a media stakeholder (its id, name, an email address or a domain of it); an empty cell is
 * absent (an empty `tone` is not judged). The dates are a day (midnight in the org's zone) or an instant: the importer
 * turns them into instants and checks the item as {@link mediaCoverageInputSchema} checks one recorded by hand.
 */
export const coverageCsvRowSchema = z
  .strictObject({
    outlet: z.preprocess(
      trimmedCell,
      identifierString.min(1, 'name the outlet').max(320, 'an outlet can be at most 320 characters'),
    ),
    title: z.preprocess(trimmedCell, titleSchema),
    url: z.preprocess(trimmedCell, urlSchema),
    published_at: z.preprocess(trimmedCell, dateOrInstantSchema),
    tone: z.preprocess(toneCell, coverageToneSchema.nullable()),
    reach: z.preprocess(numberCell, z.number({ error: 'give the reach as a number' }).pipe(reachSchema).optional()),
    event_tag: z.preprocess(blankAsAbsent, eventTagSchema.optional()),
    clarified_at: z.preprocess(blankAsAbsent, dateOrInstantSchema.optional()),
  })
  .superRefine((c, ctx) => {
    if (c.clarified_at !== undefined && c.tone !== 'negative')
      ctx.addIssue({ code: 'custom', path: ['clarified_at'], message: 'Only a negative report is clarified' });
  })
  .transform(({ published_at, event_tag, clarified_at, ...rest }) => ({
    ...rest,
    publishedAt: published_at,
    eventTag: event_tag,
    clarifiedAt: clarified_at,
  }));
export type CoverageCsvRow = z.output<typeof coverageCsvRowSchema>;

/** `evaluations.importCoverageCsv`: the CSV text (header {@link coverageCsvHeader}), 1 MiB at most; `dryRun` previews. */
export const coverageImportInputSchema = z.strictObject(importCsvInputSchema.shape);
export type CoverageImportInput = z.input<typeof coverageImportInputSchema>;

export const coverageImportRowSchema = importedRowSchema.extend({
  /** The item stored; null for errors and in a dry run. */
  coverageId: z.string().nullable(),
  /** The media stakeholder the row's `outlet` cell resolved to (null: an error before it was found). */
  outletStakeholderId: z.string().nullable(),
});
export type CoverageImportRow = z.infer<typeof coverageImportRowSchema>;

export const coverageImportReportSchema = z.object({
  rows: z.array(coverageImportRowSchema),
  ...importedCountsShape,
});
export type CoverageImportReport = z.infer<typeof coverageImportReportSchema>;
