import { z } from 'zod';
import { isoDateTimeSchema, ulidSchema } from './common';

/** How a report about us reads; `null` until someone has judged it. */
export const coverageToneSchema = z.enum(['positive', 'neutral', 'negative']);
export type CoverageTone = z.infer<typeof coverageToneSchema>;

/**
 * One media report about the organisation. `outletStakeholderId` is the outlet's stakeholder (the server checks
 * that it is a media stakeholder). `clarifiedAt` is when a negative report was answered with a clarification.
 * Not the cadence `coverage` of metrics.ts: that is how many stakeholders were contacted in time.
 */
export const mediaCoverageInputSchema = z
  .strictObject({
    id: ulidSchema,
    outletStakeholderId: z.string().min(1, 'name the outlet').max(64),
    title: z.string().trim().min(1, 'give the report a title').max(1000, 'a title can be at most 1000 characters'),
    url: z
      .url({ protocol: /^https?$/, error: 'must be a web link (https://…)' })
      .max(2000, 'a link can be at most 2000 characters'),
    publishedAt: isoDateTimeSchema,
    tone: coverageToneSchema.nullable(),
    /** Readers, viewers or followers the report reached, as the outlet states it. */
    reach: z.number().int('reach must be a whole number').min(0, 'reach cannot be negative').optional(),
    /** Groups reports about one event (a launch, an incident). */
    eventTag: z.string().trim().min(1).max(60, 'an event tag can be at most 60 characters').optional(),
    clarifiedAt: isoDateTimeSchema.optional(),
  })
  .superRefine((c, ctx) => {
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
  });
export type MediaCoverageInput = z.input<typeof mediaCoverageInputSchema>;
export type MediaCoverageData = z.output<typeof mediaCoverageInputSchema>;
