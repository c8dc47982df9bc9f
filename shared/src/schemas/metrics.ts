import { z } from 'zod';
import {
  channelSchema,
  computedDateTimeSchema,
  directionSchema,
  isoDateTimeSchema,
  sourceSchema,
  stakeholderTypeSchema,
} from './common';
import { purposeIdSchema } from './purpose';
import { identifierString } from './text';

export const metricsGroupBySchema = z.enum([
  'stakeholderType',
  'channel',
  'user',
  'stakeholder',
  'day',
  'week',
  'month',
  'direction',
  /** The interaction's purpose; interactions without one are a group of their own (key null). */
  'purpose',
]);
export type MetricsGroupBy = z.infer<typeof metricsGroupBySchema>;

/** Filters shared by every metrics query. `from` inclusive, `to` exclusive. */
export const metricsFilterSchema = z
  .strictObject({
    from: isoDateTimeSchema,
    to: isoDateTimeSchema,
    stakeholderType: z.array(stakeholderTypeSchema).max(10).optional(),
    channel: z.array(channelSchema).max(10).optional(),
    userId: z.array(identifierString.max(64)).max(500).optional(),
    stakeholderId: z.array(identifierString.max(64)).max(500).optional(),
    tier: z.array(identifierString.max(32)).max(20).optional(),
    direction: directionSchema.optional(),
    /** Only interactions of this purpose; `null`: only those without one. */
    purpose: purposeIdSchema.nullable().optional(),
  })
  .refine((f) => Date.parse(f.from) < Date.parse(f.to), { message: '`from` must be before `to`', path: ['to'] })
  .refine((f) => Date.parse(f.to) - Date.parse(f.from) <= 3 * 366 * 86400000, {
    message: 'the period can be at most 3 years',
    path: ['to'],
  });
export type MetricsFilter = z.infer<typeof metricsFilterSchema>;

export const totalsInputSchema = z.strictObject({
  filter: metricsFilterSchema,
  groupBy: z.array(metricsGroupBySchema).max(3).default([]),
});
export type TotalsInput = z.input<typeof totalsInputSchema>;

export const totalsRowSchema = z.object({ key: z.record(z.string(), z.string().nullable()), count: z.number().int() });
export const totalsResultSchema = z.object({ total: z.number().int(), rows: z.array(totalsRowSchema) });
export type TotalsResult = z.infer<typeof totalsResultSchema>;

export const responseBuckets = ['lt1h', '1to4h', '4to24h', '24to72h', 'gt72h'] as const;
export type ResponseBucket = (typeof responseBuckets)[number];

export const responseTimesInputSchema = z.strictObject({
  filter: metricsFilterSchema,
  groupBy: z.array(metricsGroupBySchema).max(3).default([]),
  basis: z.enum(['working', 'calendar']).default('working'),
  /** Evaluate late/pending as of this instant (default: now). */
  asOf: isoDateTimeSchema.optional(),
  /** Only the waits that open a conversation (its first response: `firstResponse` in `metrics.interactions`). */
  firstResponseOnly: z.boolean().optional(),
});
export type ResponseTimesInput = z.input<typeof responseTimesInputSchema>;

/**
 * Response figures over a set of waits (docs/metrics.md "What each count counts"). Times in ms on the requested basis;
 * null when there is no answered wait. `waits` = `onTime + late + pending + closed`: every wait, answered or not,
 * closed or not; `answered` and the times count only the answered ones.
 */
export const responseStatsSchema = z.object({
  waits: z
    .number()
    .int()
    .meta({ description: 'Every wait that started in the period: onTime + late + pending + closed.' }),
  answered: z.number().int().meta({ description: 'Waits answered by asOf (on time or late).' }),
  meanMs: z.number().nullable().meta({ description: 'Mean response time of the answered waits.' }),
  medianMs: z.number().nullable().meta({ description: 'Median response time of the answered waits.' }),
  p90Ms: z.number().nullable().meta({ description: '90th percentile response time of the answered waits.' }),
  buckets: z
    .record(z.enum(responseBuckets), z.number().int())
    .meta({ description: 'The answered waits by response time.' }),
  onTime: z.number().int().meta({ description: 'Answered by the deadline (or answered, without an SLA).' }),
  late: z
    .number()
    .int()
    .meta({ description: 'Answered after the deadline, or unanswered with the deadline passed by asOf.' }),
  pending: z.number().int().meta({ description: 'Unanswered, not closed, deadline not passed by asOf.' }),
  closed: z.number().int().meta({ description: 'Closed as "no reply needed" by asOf: neither on time nor late.' }),
  onTimeRate: z
    .number()
    .nullable()
    .meta({ description: 'onTime / (onTime + late); null when no wait is on time or late.' }),
});
export type ResponseStats = z.infer<typeof responseStatsSchema>;

export const responseTimesResultSchema = z.object({
  basis: z.enum(['working', 'calendar']),
  total: responseStatsSchema,
  rows: z.array(z.object({ key: z.record(z.string(), z.string().nullable()), stats: responseStatsSchema })),
});
export type ResponseTimesResult = z.infer<typeof responseTimesResultSchema>;

export const coverageInputSchema = z.strictObject({ asOf: isoDateTimeSchema.optional() });
export const coverageRowSchema = z.object({
  stakeholderType: stakeholderTypeSchema,
  active: z.number().int(),
  covered: z.number().int(),
  due: z.number().int(),
  overdue: z.number().int(),
  rate: z.number().nullable(),
});
export const coverageResultSchema = z.object({ rows: z.array(coverageRowSchema) });
export type CoverageResult = z.infer<typeof coverageResultSchema>;

/** A wait's status against its SLA as of an instant (`closed` = "no reply needed": neither on time nor late). */
export const waitStatusSchema = z.enum(['on_time', 'late', 'pending', 'closed']);

/**
 * The interactions behind a figure (`metrics.interactions`): the figure's filter, optionally narrowed to one row
 * of a grouped result by its `key` (as `metrics.totals` / `metrics.responseTimes` returned it), to waits only, or
 * to waits of one status as of `asOf`. Newest first, paged by `cursor`.
 */
export const metricsInteractionsInputSchema = z.strictObject({
  filter: metricsFilterSchema,
  key: z.partialRecord(metricsGroupBySchema, identifierString.max(200).nullable()).optional(),
  /** Only inbound messages that started a wait (the rows behind `metrics.responseTimes`). */
  waitsOnly: z.boolean().default(false),
  /** Only waits of this status as of `asOf` (implies `waitsOnly`). */
  onTime: waitStatusSchema.optional(),
  /** Only the waits that open a conversation (implies `waitsOnly`). */
  firstResponseOnly: z.boolean().optional(),
  asOf: isoDateTimeSchema.optional(),
  cursor: identifierString.max(200).nullable().default(null),
  limit: z.number().int().min(1).max(200).default(50),
});
export type MetricsInteractionsInput = z.input<typeof metricsInteractionsInputSchema>;

export const drilldownItemSchema = z.object({
  id: z.string(),
  occurredAt: isoDateTimeSchema,
  source: sourceSchema,
  channel: channelSchema,
  direction: directionSchema,
  threadKey: z.string(),
  title: z.string().nullable(),
  url: z.string().nullable(),
  stakeholderId: z.string().nullable(),
  stakeholderName: z.string().nullable(),
  stakeholderType: stakeholderTypeSchema,
  userId: z.string(),
  userName: z.string().nullable(),
  /** Who wrote the message as logged (for an outbound one, our colleague): the counterpart of an inbound one. */
  authorName: z.string(),
  authorHandle: z.string().nullable(),
  waitStart: z.boolean(),
  repliedAt: isoDateTimeSchema.nullable(),
  responseMs: z.number().nullable(),
  responseWorkMs: z.number().nullable(),
  deadlineAt: computedDateTimeSchema.nullable(),
  /** For a wait start: its status as of `asOf`; null for other rows. */
  status: waitStatusSchema.nullable(),
  /** A wait that opens a conversation: the first response to it (docs/metrics.md "Pairing"); false for other rows. */
  firstResponse: z.boolean(),
});
export type DrilldownItem = z.infer<typeof drilldownItemSchema>;

export const metricsInteractionsResultSchema = z.object({
  /** How many interactions match (all pages). */
  total: z.number().int(),
  items: z.array(drilldownItemSchema),
  nextCursor: z.string().nullable(),
});
export type MetricsInteractionsResult = z.infer<typeof metricsInteractionsResultSchema>;

/** A conversation's outcome as of an instant: resolved, reopened after a resolution, or never resolved. */
export const threadStatusSchema = z.enum(['resolved', 'reopened', 'open']);
export type ThreadStatus = z.infer<typeof threadStatusSchema>;

/**
 * `metrics.threads`, the drill-down of the resolution figures: the conversations opened in `[from, to)` (their
 * first interaction falls in it) that the filter keeps, newest first, paged by `cursor`. The filter reads each
 * thread's first interaction (stakeholder, type, tier, channel, direction), its purpose (the latest purpose its
 * interactions carry) and its users (anyone who logged one of its messages; staff: themselves). States are as of
 * `asOf` (default: the period's last instant, as the figures read them).
 */
export const metricsThreadsInputSchema = z.strictObject({
  filter: metricsFilterSchema,
  /** Only threads in one of these states. */
  state: z.array(threadStatusSchema).max(3).optional(),
  asOf: isoDateTimeSchema.optional(),
  cursor: identifierString.max(200).nullable().default(null),
  limit: z.number().int().min(1).max(200).default(50),
});
export type MetricsThreadsInput = z.input<typeof metricsThreadsInputSchema>;

export const threadItemSchema = z.object({
  threadKey: z.string(),
  /** The thread's first interaction: what `openedAt`, the stakeholder, channel and user are read from. */
  firstInteractionId: z.string(),
  openedAt: isoDateTimeSchema,
  purpose: z.string().nullable(),
  state: threadStatusSchema,
  /** The (last) resolution, when the thread is resolved. */
  resolvedAt: isoDateTimeSchema.nullable(),
  /** Our replies (outbound messages and live events) at or before the resolution, or `asOf` while unresolved. */
  replies: z.number().int(),
  /** Working time from opening to resolution on the plan's calendar; null while unresolved. */
  resolutionWorkMs: z.number().nullable(),
  channel: channelSchema,
  stakeholderId: z.string().nullable(),
  stakeholderName: z.string().nullable(),
  stakeholderType: stakeholderTypeSchema,
  userId: z.string(),
  userName: z.string().nullable(),
  title: z.string().nullable(),
  url: z.string().nullable(),
});
export type ThreadItem = z.infer<typeof threadItemSchema>;

export const metricsThreadsResultSchema = z.object({
  /** How many threads match (all pages). */
  total: z.number().int(),
  items: z.array(threadItemSchema),
  nextCursor: z.string().nullable(),
});
export type MetricsThreadsResult = z.infer<typeof metricsThreadsResultSchema>;
