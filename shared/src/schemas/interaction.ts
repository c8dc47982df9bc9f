import { z } from 'zod';
import {
  channelSchema,
  directionSchema,
  isoDateTimeSchema,
  sourceSchema,
  stakeholderTypeSchema,
  ulidSchema,
  webUrlSchema,
} from './common';
import { personSchema } from './captured-thread';
import { purposeIdSchema } from './purpose';
import { freeTextString, identifierString } from './text';

const count = z
  .number()
  .int('a count must be a whole number')
  .min(0, 'a count cannot be negative')
  .max(1e12)
  .nullable()
  .optional();

/**
 * What a meeting, a project item or one of our own posts adds to an interaction (all null otherwise): a meeting's
 * invited and attended headcounts and series; a Jira issue's or Trello card's status, due and done times (the
 * latest capture's); an own post's counts as the site showed them, and the account's follower count. Absent is
 * the same as null.
 */
const interactionEvaluationFields = {
  invited: count,
  attended: count,
  series: freeTextString.trim().min(1).max(100, 'a series name can be at most 100 characters').nullable().optional(),
  projectStatus: freeTextString.trim().max(100, 'a status can be at most 100 characters').nullable().optional(),
  dueAt: isoDateTimeSchema.nullable().optional(),
  doneAt: isoDateTimeSchema.nullable().optional(),
  reposts: count,
  comments: count,
  likes: count,
  reads: count,
  followers: count,
};

/**
 * One message or logged event, as the extension sends it. `externalId` is the site's message id when the page
 * has one: the server keeps one row per `(org, source, externalId)` however many people log it.
 */
const interactionFields = z.strictObject({
  id: ulidSchema,
  source: sourceSchema,
  externalId: identifierString.min(1).max(200).nullable(),
  /** Groups messages of one conversation: `<site>:<threadId>`, or a client id for manual logs. */
  threadKey: identifierString.min(1).max(400),
  channel: channelSchema,
  direction: directionSchema,
  occurredAt: isoDateTimeSchema,
  stakeholderId: identifierString.max(64).nullable(),
  stakeholderType: stakeholderTypeSchema,
  /** Who wrote the message (for inbound: the external participant). */
  author: personSchema,
  title: freeTextString.max(1000).nullable().default(null),
  snippet: freeTextString.max(1000).nullable().default(null),
  url: webUrlSchema.nullable().default(null),
  /** Calls and meetings: minutes. */
  durationMin: z
    .number()
    .int()
    .min(0)
    .max(24 * 60)
    .nullable()
    .default(null),
  note: freeTextString.max(4000).nullable().default(null),
  /** Not reply-eligible: auto-submitted, no-reply/list sender, or a thread that is internal only. */
  automated: z.boolean().default(false),
  internal: z.boolean().default(false),
  /**
   * Why it happened: an id of the plan's purposes (the server refuses others), or null. A push without one keeps
   * the purpose already stored for the message.
   */
  purpose: purposeIdSchema.nullable().default(null),
  ...interactionEvaluationFields,
});

/** Attended needs invited, and cannot exceed it (docs/metrics.md "Goals", attendance). */
export const interactionInputSchema = interactionFields.refine(
  (i) => i.attended == null || (i.invited != null && i.attended <= i.invited),
  { message: 'More attended than invited: attended must be at most invited (and invited given)', path: ['attended'] },
);
export type InteractionInput = z.input<typeof interactionInputSchema>;
export type InteractionData = z.output<typeof interactionInputSchema>;

/** An interaction as the server stores and returns it, with its derived response fields. */
export const interactionSchema = interactionFields.extend({
  userId: z.string(),
  deleted: z.boolean(),
  createdAt: isoDateTimeSchema,
  updatedAt: isoDateTimeSchema,
  /** For an inbound message that starts a wait: when the wait was answered (or null), and how long it took. */
  waitStart: z.boolean(),
  repliedAt: isoDateTimeSchema.nullable(),
  repliedBy: z.string().nullable(),
  responseMs: z.number().int().nullable(),
  responseWorkMs: z.number().int().nullable(),
  onTime: z.enum(['on_time', 'late', 'pending', 'closed']).nullable(),
  seq: z.number().int(),
});
export type Interaction = z.infer<typeof interactionSchema>;
