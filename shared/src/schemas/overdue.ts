import { z } from 'zod';
import { channelSchema, computedDateTimeSchema, isoDateTimeSchema, stakeholderTypeSchema } from './common';
import { durationSpecSchema } from './plan';
import { purposeIdSchema } from './purpose';
import { identifierString } from './text';

/** One row of the follow-ups list (popup) and of `followups.overdue`. */
export const overdueItemSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('wait'),
    /** The interaction that started the wait (oldest unanswered inbound). */
    id: z.string(),
    state: z.enum(['late', 'due_soon']),
    userId: z.string().nullable(),
    stakeholderId: z.string().nullable(),
    stakeholderName: z.string().nullable(),
    stakeholderType: stakeholderTypeSchema,
    channel: channelSchema,
    threadKey: z.string(),
    title: z.string().nullable(),
    url: z.string().nullable(),
    since: isoDateTimeSchema,
    deadline: computedDateTimeSchema,
    waitedMs: z.number(),
    waitedWorkMs: z.number(),
    sla: durationSpecSchema,
  }),
  z.object({
    kind: z.literal('cadence'),
    id: z.string(),
    state: z.enum(['overdue', 'due']),
    stakeholderId: z.string(),
    stakeholderName: z.string(),
    stakeholderType: stakeholderTypeSchema,
    ownerUserId: z.string().nullable(),
    lastContactAt: isoDateTimeSchema.nullable(),
    daysSince: z.number().nullable(),
    dueBy: computedDateTimeSchema,
    idealDays: z.number(),
    maxDays: z.number(),
  }),
  z.object({
    kind: z.literal('reminder'),
    id: z.string(),
    state: z.literal('due'),
    userId: z.string(),
    dueAt: isoDateTimeSchema,
    note: z.string(),
    stakeholderId: z.string().nullable(),
    stakeholderName: z.string().nullable(),
    url: z.string().nullable(),
  }),
  z.object({
    /** A planned activity past its date and still planned: its owner should hold it, or say it was not held. */
    kind: z.literal('activity'),
    id: z.string(),
    state: z.literal('overdue'),
    ownerUserId: z.string(),
    title: z.string(),
    channel: channelSchema,
    /** The occurrence that is past: for a recurring activity, its latest. */
    startAt: computedDateTimeSchema,
    endAt: computedDateTimeSchema,
  }),
]);
export type OverdueItem = z.infer<typeof overdueItemSchema>;

export const overdueInputSchema = z.strictObject({
  /** Managers: another user's list, or `team` for everyone. Staff: always their own. */
  userId: identifierString.max(64).optional(),
  team: z.boolean().default(false),
  asOf: isoDateTimeSchema.optional(),
  /** Only waits whose starting message has this purpose (`null`: none); cadence and reminders have none and drop out. */
  purpose: purposeIdSchema.nullable().optional(),
});
export type OverdueInput = z.input<typeof overdueInputSchema>;

export const overdueResultSchema = z.object({
  items: z.array(overdueItemSchema),
  counts: z.object({
    late: z.number().int(),
    dueSoon: z.number().int(),
    cadenceOverdue: z.number().int(),
    cadenceDue: z.number().int(),
    /** Reminders due, and planned activities overdue (both are the owner's to do). */
    reminders: z.number().int(),
  }),
});
export type OverdueResult = z.infer<typeof overdueResultSchema>;
