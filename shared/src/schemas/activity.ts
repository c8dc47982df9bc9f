import { z } from 'zod';
import { channelSchema, isoDateTimeSchema, stakeholderTypeSchema, ulidSchema } from './common';
import { freeTextString, identifierString } from './text';

/** How a planned activity repeats: every week, month, quarter (3 months) or half year (6 months). */
export const recurrenceSchema = z.enum(['none', 'weekly', 'monthly', 'quarterly', 'half_yearly']);
export type Recurrence = z.infer<typeof recurrenceSchema>;

/** `held` once it took place, `not_held` when its date passed without it, `cancelled` when taken off the plan. */
export const activityStatusSchema = z.enum(['planned', 'held', 'not_held', 'cancelled']);
export type ActivityStatus = z.infer<typeof activityStatusSchema>;

export const milestoneSchema = z.strictObject({
  title: freeTextString.trim().min(1, 'give the milestone a title').max(200, 'a title can be at most 200 characters'),
  dueAt: isoDateTimeSchema,
});
export type Milestone = z.infer<typeof milestoneSchema>;

/**
 * A planned communication activity (a press conference, a quarterly partner review). `stakeholderType: null`
 * is for any type; `heldInteractionId` is the logged interaction that shows it took place.
 */
export const activityInputSchema = z
  .strictObject({
    id: ulidSchema,
    title: freeTextString.trim().min(1, 'give the activity a title').max(200, 'a title can be at most 200 characters'),
    stakeholderType: stakeholderTypeSchema.nullable(),
    stakeholderIds: z.array(identifierString.min(1).max(64)).max(500, 'at most 500 stakeholders').default([]),
    channel: channelSchema,
    ownerUserId: identifierString.min(1, 'name the owner').max(64),
    startAt: isoDateTimeSchema,
    endAt: isoDateTimeSchema,
    milestones: z.array(milestoneSchema).max(50, 'at most 50 milestones').default([]),
    recurrence: recurrenceSchema.default('none'),
    status: activityStatusSchema.default('planned'),
    heldInteractionId: identifierString.min(1).max(64).optional(),
  })
  .refine((a) => Date.parse(a.endAt) >= Date.parse(a.startAt), {
    message: 'An activity cannot end before it starts',
    path: ['endAt'],
  });
export type ActivityInput = z.input<typeof activityInputSchema>;
export type ActivityData = z.output<typeof activityInputSchema>;
