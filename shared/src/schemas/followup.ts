import { z } from 'zod';
import { channelSchema, isoDateTimeSchema, stakeholderTypeSchema, ulidSchema, webUrlSchema } from './common';
import { overdueItemSchema, overdueResultSchema } from './overdue';
import { purposeIdSchema } from './purpose';
import { freeTextString, identifierString } from './text';

export const followupStatusSchema = z.enum(['open', 'done', 'cancelled']);
export type FollowupStatus = z.infer<typeof followupStatusSchema>;

/** A reminder a user set (usually when logging). Synced by client ULID like interactions. */
export const followupInputSchema = z.strictObject({
  id: ulidSchema,
  dueAt: isoDateTimeSchema,
  note: freeTextString.max(2000).default(''),
  stakeholderId: identifierString.max(64).nullable().default(null),
  threadKey: identifierString.max(400).nullable().default(null),
  url: webUrlSchema.nullable().default(null),
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

/** `followups.complete`: the follow-up to mark done. */
export const followupIdInputSchema = z.strictObject({ id: identifierString.min(1).max(64) });
export type FollowupIdInput = z.infer<typeof followupIdInputSchema>;

/** "No reply needed": ends a wait's clock without counting as a reply (neither on time nor late). */
export const waitClosureInputSchema = z.strictObject({
  interactionId: identifierString.min(1).max(64),
  reason: freeTextString.trim().min(1, 'say why no reply is needed').max(500),
  /**
   * When it was decided that no reply is needed, for a closure recorded afterwards: not after now, not before the
   * wait started. Absent: now.
   */
  closedAt: isoDateTimeSchema.optional(),
});
export type WaitClosureInput = z.infer<typeof waitClosureInputSchema>;
export const waitClosureResultSchema = z.object({ interactionId: z.string(), status: z.literal('closed') });
export type WaitClosureResult = z.infer<typeof waitClosureResultSchema>;

export const snoozeInputSchema = z.strictObject({
  /** What to snooze: a follow-up id, a wait (interaction id) or a stakeholder's cadence. */
  kind: z.enum(['followup', 'wait', 'cadence']),
  id: identifierString.min(1).max(64),
  until: isoDateTimeSchema,
});
export type SnoozeInput = z.infer<typeof snoozeInputSchema>;
export const snoozeResultSchema = z.object({
  kind: snoozeInputSchema.shape.kind,
  id: z.string(),
  until: isoDateTimeSchema,
});
export type SnoozeResult = z.infer<typeof snoozeResultSchema>;

/** `followups.list`: the caller's follow-ups (managers: any user's), newest due first. */
export const followupListInputSchema = z.strictObject({
  status: followupStatusSchema.optional(),
  /** Managers and admins: another user's follow-ups. */
  userId: identifierString.max(64).optional(),
  cursor: identifierString.max(200).nullable().default(null),
  limit: z.number().int().min(1).max(200).default(50),
});
export type FollowupListInput = z.input<typeof followupListInputSchema>;
export const followupListResultSchema = z.object({ items: z.array(followupSchema), nextCursor: z.string().nullable() });
export type FollowupListResult = z.infer<typeof followupListResultSchema>;

/** `followups.closures` (managers): waits closed as "no reply needed", with the reasons given. */
export const closureListInputSchema = z.strictObject({
  /** Closures made in [from, to) (by closing time). */
  from: isoDateTimeSchema.optional(),
  to: isoDateTimeSchema.optional(),
  /** Only waits assigned to these users. */
  userId: z.array(identifierString.max(64)).max(500).optional(),
  /** Only waits whose starting message has this purpose; `null`: those without one. */
  purpose: purposeIdSchema.nullable().optional(),
  cursor: identifierString.max(200).nullable().default(null),
  limit: z.number().int().min(1).max(200).default(50),
});
export type ClosureListInput = z.input<typeof closureListInputSchema>;

export const closureSchema = z.object({
  id: z.string(),
  interactionId: z.string(),
  reason: z.string(),
  closedBy: z.string(),
  closedByName: z.string().nullable(),
  closedAt: isoDateTimeSchema,
  /** The wait that was closed. */
  occurredAt: isoDateTimeSchema,
  userId: z.string(),
  userName: z.string().nullable(),
  stakeholderId: z.string().nullable(),
  stakeholderName: z.string().nullable(),
  stakeholderType: stakeholderTypeSchema,
  channel: channelSchema,
  title: z.string().nullable(),
  url: z.string().nullable(),
});
export type Closure = z.infer<typeof closureSchema>;
export const closureListResultSchema = z.object({ items: z.array(closureSchema), nextCursor: z.string().nullable() });

/** The popup's three groups of follow-ups: waits, stakeholders gone cold (cadence), reminders and activities. */
export const followupGroupSchema = z.enum(['awaiting', 'cold', 'reminders']);
export type FollowupGroupName = z.infer<typeof followupGroupSchema>;

/**
 * `followups.team` (managers): the team's follow-ups, or one person's, computed by the server and paged per group, so
 * that an extension needs none of the org's rows to show them (docs/sync.md "Pull").
 */
export const teamFollowupsInputSchema = z.strictObject({
  /** One person's list; absent: the whole team's. */
  userId: identifierString.max(64).optional(),
  /** A later page of one group (with its `cursor`); absent: the first `limit` rows of every group. */
  group: followupGroupSchema.optional(),
  /** As of when (default now); a cursor carries the instant of its first page. */
  asOf: isoDateTimeSchema.optional(),
  cursor: identifierString.max(200).nullable().default(null),
  limit: z.number().int().min(1).max(200).default(50),
});
export type TeamFollowupsInput = z.input<typeof teamFollowupsInputSchema>;

const perGroup = <T extends z.ZodType>(value: T) => z.object({ awaiting: value, cold: value, reminders: value });

export const teamFollowupsResultSchema = z.object({
  /** The instant the list was computed for: every page of one list has the first page's. */
  asOf: isoDateTimeSchema,
  items: z.array(overdueItemSchema),
  /** The whole list's counts, as `followups.overdue` gives them. */
  counts: overdueResultSchema.shape.counts,
  /** How many rows each group has in all. */
  totals: perGroup(z.number().int()),
  /** The cursor of each group's next page; null when the group has no more (or was not asked for). */
  next: perGroup(z.string().nullable()),
});
export type TeamFollowupsResult = z.infer<typeof teamFollowupsResultSchema>;
