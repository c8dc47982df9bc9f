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
const activityFields = z.strictObject({
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
});

/** The message of an activity whose end is before its start (the schema and `activities.update` say it alike). */
export const ACTIVITY_ENDS_BEFORE_START = 'An activity cannot end before it starts';

export const activityInputSchema = activityFields.refine((a) => Date.parse(a.endAt) >= Date.parse(a.startAt), {
  message: ACTIVITY_ENDS_BEFORE_START,
  path: ['endAt'],
});
export type ActivityInput = z.input<typeof activityInputSchema>;
export type ActivityData = z.output<typeof activityInputSchema>;

/**
 * `activities.update`: the fields to change (the others stay). Marking one `held` with a `heldInteractionId` links
 * the interaction logged for it, which must be the org's; its invited and attended counts become the activity's.
 */
export const activityUpdateInputSchema = activityFields
  .omit({ id: true })
  .partial()
  // Without their defaults: a field left out stays as it is.
  .extend({
    id: ulidSchema,
    stakeholderIds: activityFields.shape.stakeholderIds.removeDefault().optional(),
    milestones: activityFields.shape.milestones.removeDefault().optional(),
    recurrence: recurrenceSchema.optional(),
    status: activityStatusSchema.optional(),
  });
export type ActivityUpdateInput = z.input<typeof activityUpdateInputSchema>;

/** A planned activity as stored and returned. */
export const activitySchema = activityFields.extend({
  heldInteractionId: z.string().nullable(),
  /** The held interaction's headcounts, when it carries them. */
  invited: z.number().int().nullable(),
  attended: z.number().int().nullable(),
  /** When the held interaction took place. */
  heldAt: isoDateTimeSchema.nullable(),
  createdBy: z.string(),
  createdAt: isoDateTimeSchema,
  updatedAt: isoDateTimeSchema,
});
export type Activity = z.infer<typeof activitySchema>;

/** `activities.list`: activities that start in `[from, to)` (recurring ones that start before `to`), newest first. */
export const activityListInputSchema = z.strictObject({
  from: isoDateTimeSchema.optional(),
  to: isoDateTimeSchema.optional(),
  /** Managers: one owner's activities. Staff always get their own. */
  ownerUserId: identifierString.min(1).max(64).optional(),
  status: activityStatusSchema.optional(),
  cursor: identifierString.max(200).nullable().default(null),
  limit: z.number().int().min(1).max(200).default(50),
});
export type ActivityListInput = z.input<typeof activityListInputSchema>;
export const activityListResultSchema = z.object({ items: z.array(activitySchema), nextCursor: z.string().nullable() });
export type ActivityListResult = z.infer<typeof activityListResultSchema>;
