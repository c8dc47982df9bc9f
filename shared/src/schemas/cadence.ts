import { z } from 'zod';
import { channelSchema, computedDateTimeSchema, isoDateTimeSchema, stakeholderTypeSchema } from './common';
import { identifierString } from './text';

/** A stakeholder's cadence: `due` past the ideal interval, `overdue` past the maximum (shared `cadenceStatus`). */
export const cadenceStateSchema = z.enum(['ok', 'due', 'overdue']);

/**
 * `metrics.cadence`: every active stakeholder with a cadence rule and when it was last contacted, most urgent
 * first (overdue, due, ok; then the earliest due-by). Staff get the stakeholders they own.
 */
export const cadenceListInputSchema = z
  .strictObject({
    /** Evaluate as of this instant (default: now). */
    asOf: isoDateTimeSchema.optional(),
    stakeholderType: z.array(stakeholderTypeSchema).max(10).optional(),
    tier: z.array(identifierString.max(32)).max(20).optional(),
    stakeholderId: z.array(identifierString.max(64)).max(500).optional(),
    /** Owners to list; `null` in the list stands for stakeholders nobody owns. */
    ownerUserId: z.array(identifierString.max(64).nullable()).max(500).optional(),
    state: z.array(cadenceStateSchema).max(3).optional(),
    offset: z.number().int().min(0).max(1_000_000).default(0),
    limit: z.number().int().min(1).max(500).default(50),
  })
  .default({ offset: 0, limit: 50 });
export type CadenceListInput = z.input<typeof cadenceListInputSchema>;

export const cadenceRowSchema = z.object({
  stakeholderId: z.string(),
  name: z.string(),
  type: stakeholderTypeSchema,
  tier: z.string(),
  ownerUserId: z.string().nullable(),
  state: cadenceStateSchema,
  /** The last contact of ours in any channel (outbound, a call or meeting, or an inbound we answered). */
  lastContactAt: isoDateTimeSchema.nullable(),
  /** The last message from them (automated and internal ones aside), answered or not. */
  lastInboundAt: isoDateTimeSchema.nullable(),
  /** The last outbound message or event of ours (automated and internal ones aside). */
  lastOutboundAt: isoDateTimeSchema.nullable(),
  /** When the rule that sets `state` becomes overdue (its last counting contact, or the stakeholder's creation, + maxDays). */
  dueBy: computedDateTimeSchema,
  /** When that rule becomes due (+ idealDays). */
  idealBy: computedDateTimeSchema,
  idealDays: z.number().int(),
  maxDays: z.number().int(),
  /** The channels that rule counts (null: any). */
  ruleChannels: z.array(channelSchema).nullable(),
});
export type CadenceRow = z.infer<typeof cadenceRowSchema>;

export const cadenceListResultSchema = z.object({
  items: z.array(cadenceRowSchema),
  /** Rows matching the filters, state included (all pages). */
  total: z.number().int(),
  /** Per state over the filters other than `state`. */
  counts: z.object({ ok: z.number().int(), due: z.number().int(), overdue: z.number().int() }),
});
export type CadenceListResult = z.infer<typeof cadenceListResultSchema>;
