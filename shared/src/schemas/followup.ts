import { z } from 'zod';
import { isoDateTimeSchema, ulidSchema } from './common';

export const followupStatusSchema = z.enum(['open', 'done', 'cancelled']);
export type FollowupStatus = z.infer<typeof followupStatusSchema>;

/** A reminder a user set (usually when logging). Synced by client ULID like interactions. */
export const followupInputSchema = z.object({
  id: ulidSchema,
  dueAt: isoDateTimeSchema,
  note: z.string().max(2000).default(''),
  stakeholderId: z.string().max(64).nullable().default(null),
  threadKey: z.string().max(400).nullable().default(null),
  url: z.string().url().max(2000).nullable().default(null),
  status: followupStatusSchema.default('open'),
  snoozedUntil: isoDateTimeSchema.nullable().default(null),
});
export type FollowupInput = z.input<typeof followupInputSchema>;
export type FollowupData = z.output<typeof followupInputSchema>;

export const followupSchema = followupInputSchema.extend({
  userId: z.string(),
  deleted: z.boolean(),
  updatedAt: isoDateTimeSchema,
  seq: z.number().int(),
});
export type Followup = z.infer<typeof followupSchema>;

/** "No reply needed": ends a wait's clock without counting as a reply (neither on time nor late). */
export const waitClosureInputSchema = z.object({
  interactionId: z.string().min(1).max(64),
  reason: z.string().trim().min(1, 'say why no reply is needed').max(500),
});
export type WaitClosureInput = z.infer<typeof waitClosureInputSchema>;

export const snoozeInputSchema = z.object({
  /** What to snooze: a follow-up id, a wait (interaction id) or a stakeholder's cadence. */
  kind: z.enum(['followup', 'wait', 'cadence']),
  id: z.string().min(1).max(64),
  until: isoDateTimeSchema,
});
export type SnoozeInput = z.infer<typeof snoozeInputSchema>;
