import { z } from 'zod';
import { isoDateTimeSchema } from './common';

const threadKeySchema = z.string().min(1, 'name the thread').max(400);

/** Marks a conversation resolved at `resolvedAt` (e.g. a complaint settled). Resolving again moves the time. */
export const threadResolveInputSchema = z.strictObject({
  threadKey: threadKeySchema,
  resolvedAt: isoDateTimeSchema,
  note: z.string().trim().max(2000, 'the note can be at most 2000 characters').optional(),
});
export type ThreadResolveInput = z.infer<typeof threadResolveInputSchema>;

/** Reopens a resolved conversation; without `reopenedAt` the server's clock says when. */
export const threadReopenInputSchema = z.strictObject({
  threadKey: threadKeySchema,
  reopenedAt: isoDateTimeSchema.optional(),
});
export type ThreadReopenInput = z.infer<typeof threadReopenInputSchema>;
