import { z } from 'zod';
import { erasureTombstoneSchema } from './erasure';
import { interactionSchema } from './interaction';
import { followupSchema } from './followup';
import { stakeholderSchema } from './stakeholder';
import { identifierString } from './text';

export const MAX_PUSH_ITEMS = 500;

/** An item's id (the record's ULID for every entity the client creates). */
const itemIdSchema = identifierString.max(64);

/** What a push item can change. */
export const pushEntitySchema = z.enum(['interaction', 'followup', 'thread_outcome', 'coverage']);
export type PushEntity = z.infer<typeof pushEntitySchema>;

/**
 * One change from the outbox. Items are checked one by one on the server (a bad item is rejected with its
 * reason, the others apply), so `data` is validated there, not by the batch schema. A plain union: zod 4's
 * discriminatedUnion refuses two options with the same discriminator value (`upsert`).
 */
export const pushItemSchema = z.union([
  z.strictObject({ op: z.literal('upsert'), entity: z.literal('interaction'), id: itemIdSchema, data: z.unknown() }),
  z.strictObject({ op: z.literal('upsert'), entity: z.literal('followup'), id: itemIdSchema, data: z.unknown() }),
  /** A resolve or reopen of a conversation (`threadOutcomeDataSchema`); recorded once per id. */
  z.strictObject({ op: z.literal('upsert'), entity: z.literal('thread_outcome'), id: itemIdSchema, data: z.unknown() }),
  /** A media coverage item (`mediaCoverageInputSchema`), e.g. a page logged as coverage. */
  z.strictObject({ op: z.literal('upsert'), entity: z.literal('coverage'), id: itemIdSchema, data: z.unknown() }),
  z.strictObject({
    op: z.literal('delete'),
    entity: z.enum(['interaction', 'followup', 'coverage']),
    id: itemIdSchema,
  }),
]);
export type PushItem = z.infer<typeof pushItemSchema>;

export const pushInputSchema = z.strictObject({
  items: z.array(pushItemSchema).min(1).max(MAX_PUSH_ITEMS, `at most ${MAX_PUSH_ITEMS} items per push`),
});
export type PushInput = z.infer<typeof pushInputSchema>;

export const pushResultSchema = z.object({
  applied: z.array(z.object({ id: z.string(), entity: pushEntitySchema, mergedInto: z.string().nullable() })),
  rejected: z.array(z.object({ id: z.string(), reason: z.string() })),
  cursor: z.number().int(),
});
export type PushResult = z.infer<typeof pushResultSchema>;

export const pullInputSchema = z.strictObject({
  cursor: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(1000).default(500),
  /**
   * Whose interactions and follow-ups: `own` the caller's (what the extension keeps), `org` the org's (managers and
   * admins; staff always get their own). Absent: `org`.
   */
  scope: z.enum(['own', 'org']).default('org'),
});
export type PullInput = z.input<typeof pullInputSchema>;

export const pullResultSchema = z.object({
  interactions: z.array(interactionSchema),
  followups: z.array(followupSchema),
  stakeholders: z.array(stakeholderSchema),
  /** Stakeholders erased on request since the cursor: drop them and these rows from the local copy (always sent). */
  erasures: z.array(erasureTombstoneSchema).optional(),
  cursor: z.number().int(),
  hasMore: z.boolean(),
});
export type PullResult = z.infer<typeof pullResultSchema>;
