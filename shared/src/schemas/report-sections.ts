import { z } from 'zod';
import { channelSchema, computedDateTimeSchema, stakeholderTypeSchema } from './common';
import { threadItemSchema } from './metrics';

/*
 * The figures of the report's sections that the older parts of `PeriodReport` do not hold (docs/report.md
 * "Sections"): weekly series for the charts, purposes per stakeholder type, and the qualitative part's surveys and
 * notable cases.
 */

const count = z.number().int();

export const reportSectionFiguresSchema = z.object({
  /** Interactions per ISO week (`2026-W11`, the plan's time zone) and channel; weeks without any left out. */
  weeklyByChannel: z.array(z.object({ week: z.string(), channel: channelSchema, count })),
  /** Interactions per stakeholder type and purpose (null: none given). */
  byTypePurpose: z.array(z.object({ stakeholderType: stakeholderTypeSchema, purpose: z.string().nullable(), count })),
  /** Purposes' labels in both languages, for the ids above. */
  purposeLabels: z.record(z.string(), z.object({ en: z.string(), zh: z.string() })),
  /** Working-time waits that started in each ISO week: on time, late and their rate. */
  weeklyOnTime: z.array(z.object({ week: z.string(), onTime: count, late: count, onTimeRate: z.number().nullable() })),
  /** Survey answers of the period per dimension (null: none given). */
  surveysByDimension: z.array(
    z.object({
      dimension: z.string().nullable(),
      responses: count,
      csatMean: z.number().nullable(),
      csatScale: z.number().nullable(),
      satisfactionRate: z.number().nullable(),
      nps: z.number().nullable(),
      score100Mean: z.number().nullable(),
    }),
  ),
  /** The latest comments given with survey answers of the period (at most 10). */
  surveyComments: z.array(
    z.object({
      answeredAt: computedDateTimeSchema,
      dimension: z.string().nullable(),
      score: z.number(),
      comment: z.string(),
    }),
  ),
  /** Complaint and crisis threads opened in the period (the latest 10 of each), with their state as of `asOf`. */
  cases: z.array(threadItemSchema.extend({ kind: z.enum(['complaint', 'crisis']) })),
});
export type ReportSectionFigures = z.infer<typeof reportSectionFiguresSchema>;
