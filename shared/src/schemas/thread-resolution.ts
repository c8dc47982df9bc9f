import { z } from 'zod';
import { isoDateTimeSchema } from './common';
import { freeTextString, identifierString } from './text';

const threadKeySchema = identifierString.min(1, 'name the thread').max(400);
const noteSchema = freeTextString.trim().max(2000, 'the note can be at most 2000 characters');

/**
 * Marks a conversation resolved at `resolvedAt` (e.g. a complaint settled): not in the future, not before its
 * first message. A thread already resolved is refused: reopen it first.
 */
export const threadResolveInputSchema = z.strictObject({
  threadKey: threadKeySchema,
  resolvedAt: isoDateTimeSchema,
  note: noteSchema.optional(),
});
export type ThreadResolveInput = z.infer<typeof threadResolveInputSchema>;

/** Reopens a resolved conversation; without `reopenedAt` the server's clock says when. */
export const threadReopenInputSchema = z.strictObject({
  threadKey: threadKeySchema,
  reopenedAt: isoDateTimeSchema.optional(),
});
export type ThreadReopenInput = z.infer<typeof threadReopenInputSchema>;

export const threadOutcomeEventSchema = z.enum(['resolved', 'reopened']);
export type ThreadOutcomeKind = z.infer<typeof threadOutcomeEventSchema>;

/**
 * A resolve or reopen queued offline: the `data` of a `thread_outcome` push item (its id is the item's). Checked
 * as `threads.resolve` and `threads.reopen` check theirs.
 */
export const threadOutcomeDataSchema = z.strictObject({
  threadKey: threadKeySchema,
  event: threadOutcomeEventSchema,
  at: isoDateTimeSchema,
  note: noteSchema.optional(),
});
export type ThreadOutcomeData = z.output<typeof threadOutcomeDataSchema>;

/** `threads.get`: one conversation by its key. */
export const threadGetInputSchema = z.strictObject({ threadKey: threadKeySchema });
export type ThreadGetInput = z.infer<typeof threadGetInputSchema>;

/** One resolve or reopen, who made it and when. */
export const threadOutcomeSchema = z.object({
  id: z.string(),
  event: threadOutcomeEventSchema,
  at: isoDateTimeSchema,
  userId: z.string(),
  userName: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: isoDateTimeSchema,
});
export type ThreadOutcome = z.infer<typeof threadOutcomeSchema>;

/** A conversation's state now and its history of outcomes, oldest first. */
export const threadDetailSchema = z.object({
  threadKey: z.string(),
  /** Its first message. */
  openedAt: isoDateTimeSchema,
  resolved: z.boolean(),
  /** When it was (last) resolved; null while it is not. */
  resolvedAt: isoDateTimeSchema.nullable(),
  events: z.array(threadOutcomeSchema),
});
export type ThreadDetail = z.infer<typeof threadDetailSchema>;
