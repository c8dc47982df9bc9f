import { z } from 'zod';
import { channelSchema, directionSchema, isoDateTimeSchema, sourceSchema, stakeholderTypeSchema } from './common';
import { coverageRowSchema, metricsFilterSchema, metricsGroupBySchema, responseStatsSchema } from './metrics';
import { durationSpecSchema, goalMetricSchema } from './plan';

/** A wait's status against its SLA as of an instant (`closed` = "no reply needed": neither on time nor late). */
export const waitStatusSchema = z.enum(['on_time', 'late', 'pending', 'closed']);

/**
 * The interactions behind a figure (`metrics.interactions`): the figure's filter, optionally narrowed to one row
 * of a grouped result by its `key` (as `metrics.totals` / `metrics.responseTimes` returned it), to waits only, or
 * to waits of one status as of `asOf`. Newest first, paged by `cursor`.
 */
export const metricsInteractionsInputSchema = z.object({
  filter: metricsFilterSchema,
  key: z.partialRecord(metricsGroupBySchema, z.string().max(200).nullable()).optional(),
  /** Only inbound messages that started a wait (the rows behind `metrics.responseTimes`). */
  waitsOnly: z.boolean().default(false),
  /** Only waits of this status as of `asOf` (implies `waitsOnly`). */
  onTime: waitStatusSchema.optional(),
  asOf: isoDateTimeSchema.optional(),
  cursor: z.string().max(200).nullable().default(null),
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
  deadlineAt: isoDateTimeSchema.nullable(),
  /** For a wait start: its status as of `asOf`; null for other rows. */
  status: waitStatusSchema.nullable(),
});
export type DrilldownItem = z.infer<typeof drilldownItemSchema>;

export const metricsInteractionsResultSchema = z.object({
  /** How many interactions match (all pages). */
  total: z.number().int(),
  items: z.array(drilldownItemSchema),
  nextCursor: z.string().nullable(),
});
export type MetricsInteractionsResult = z.infer<typeof metricsInteractionsResultSchema>;

/** A stakeholder's cadence: `due` past the ideal interval, `overdue` past the maximum (shared `cadenceStatus`). */
export const cadenceStateSchema = z.enum(['ok', 'due', 'overdue']);

/**
 * `metrics.cadence`: every active stakeholder with a cadence rule and when it was last contacted, most urgent
 * first (overdue, due, ok; then the earliest due-by). Staff get the stakeholders they own.
 */
export const cadenceListInputSchema = z
  .object({
    /** Evaluate as of this instant (default: now). */
    asOf: isoDateTimeSchema.optional(),
    stakeholderType: z.array(stakeholderTypeSchema).max(10).optional(),
    tier: z.array(z.string().max(32)).max(20).optional(),
    stakeholderId: z.array(z.string().max(64)).max(500).optional(),
    /** Owners to list; `null` in the list stands for stakeholders nobody owns. */
    ownerUserId: z.array(z.string().max(64).nullable()).max(500).optional(),
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
  dueBy: isoDateTimeSchema,
  /** When that rule becomes due (+ idealDays). */
  idealBy: isoDateTimeSchema,
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

export const reportLanguageSchema = z.enum(['zh-CN', 'en']);
export type ReportLanguage = z.infer<typeof reportLanguageSchema>;

export const periodReportInputSchema = z.object({
  filter: metricsFilterSchema,
  language: reportLanguageSchema.default('en'),
  /** Evaluate late/pending and coverage as of this instant (default: the end of the period, or now if earlier). */
  asOf: isoDateTimeSchema.optional(),
});
export type PeriodReportInput = z.input<typeof periodReportInputSchema>;

const countOf = <T extends z.ZodTypeAny>(key: T) => z.object({ key, count: z.number().int() });

export const goalStatusSchema = z.enum(['met', 'near', 'missed', 'no_data']);
export type GoalStatus = z.infer<typeof goalStatusSchema>;

export const reportGoalSchema = z.object({
  id: z.string(),
  label: z.string(),
  metric: goalMetricSchema,
  scope: z.object({
    stakeholderType: stakeholderTypeSchema.nullable(),
    channel: channelSchema.nullable(),
    tier: z.string().nullable(),
  }),
  comparator: z.enum(['>=', '<=']),
  /** The plan's target, as written (counting goals: per `goalPeriod`). */
  target: z.number(),
  goalPeriod: z.enum(['week', 'month', 'quarter']),
  /** The target for this report's period: counting goals are prorated by length; the others equal `target`. */
  periodTarget: z.number(),
  /** Hours for response goals, a 0–1 ratio for rates and coverage, a count for counting goals; null without data. */
  actual: z.number().nullable(),
  /** How many waits / stakeholders / interactions the actual is computed over. */
  count: z.number().int(),
  /** `near`: missed by at most 5% of the target. */
  status: goalStatusSchema,
});
export type ReportGoal = z.infer<typeof reportGoalSchema>;

export const reportWaitSchema = z.object({
  id: z.string(),
  occurredAt: isoDateTimeSchema,
  stakeholderId: z.string().nullable(),
  stakeholderName: z.string().nullable(),
  stakeholderType: stakeholderTypeSchema,
  channel: channelSchema,
  userId: z.string(),
  userName: z.string().nullable(),
  title: z.string().nullable(),
  url: z.string().nullable(),
  status: waitStatusSchema,
  /** Working time from start to reply, or to `asOf` while unanswered. */
  waitedWorkMs: z.number(),
  /** Calendar time from start to reply, or to `asOf` while unanswered. */
  waitedMs: z.number(),
});

export const reportOverdueStakeholderSchema = z.object({
  stakeholderId: z.string(),
  name: z.string(),
  stakeholderType: stakeholderTypeSchema,
  tier: z.string(),
  ownerUserId: z.string().nullable(),
  lastContactAt: isoDateTimeSchema.nullable(),
  daysSince: z.number().nullable(),
  maxDays: z.number(),
});

export const reportActionSchema = z.object({
  kind: z.enum(['missed_goal', 'near_goal', 'late_backlog', 'overdue_stakeholders', 'slow_channel', 'volume_drop']),
  /** In the report's language. */
  text: z.string(),
});

const periodFiguresSchema = z.object({
  from: isoDateTimeSchema,
  to: isoDateTimeSchema,
  total: z.number().int(),
  byType: z.array(countOf(stakeholderTypeSchema)),
  /** Working-time response figures over waits that started in the period. */
  response: responseStatsSchema,
});

export const periodReportSchema = z.object({
  meta: z.object({
    language: reportLanguageSchema,
    from: isoDateTimeSchema,
    to: isoDateTimeSchema,
    asOf: isoDateTimeSchema,
    timeZone: z.string(),
    generatedAt: isoDateTimeSchema,
    /** `own`: a staff member's report covers only their own interactions and stakeholders. */
    scope: z.enum(['team', 'own']),
    planVersion: z.number().int(),
  }),
  overview: z.object({
    total: z.number().int(),
    inbound: z.number().int(),
    outbound: z.number().int(),
    byType: z.array(countOf(stakeholderTypeSchema)),
    byChannel: z.array(countOf(channelSchema)),
    byTypeChannel: z.array(
      z.object({ stakeholderType: stakeholderTypeSchema, channel: channelSchema, count: z.number().int() }),
    ),
    /** Every day of the period in the org's time zone (zeros included), YYYY-MM-DD. */
    perDay: z.array(countOf(z.string())),
    perPerson: z.array(z.object({ userId: z.string(), name: z.string().nullable(), count: z.number().int() })),
  }),
  goals: z.array(reportGoalSchema),
  response: z.object({
    /** Working-time figures (the basis of the plan's SLAs) and the same waits in calendar time. */
    total: responseStatsSchema,
    totalCalendar: responseStatsSchema,
    byTypeChannel: z.array(
      z.object({
        stakeholderType: stakeholderTypeSchema,
        channel: channelSchema,
        sla: durationSpecSchema.nullable(),
        stats: responseStatsSchema,
      }),
    ),
  }),
  coverage: z.array(coverageRowSchema),
  comparison: z.object({ current: periodFiguresSchema, previous: periodFiguresSchema }),
  gaps: z.object({
    missedGoals: z.array(reportGoalSchema),
    overdueStakeholders: z.array(reportOverdueStakeholderSchema),
    /** At most 10: the longest waits (working time) that started in the period, answered or not. */
    worstWaits: z.array(reportWaitSchema),
  }),
  actions: z.array(reportActionSchema),
});
export type PeriodReport = z.infer<typeof periodReportSchema>;

/**
 * `reports.goals`: only the plan-vs-actual part of the period report (the same figures as its `goals`), for views
 * that show nothing else.
 */
export const reportGoalsSchema = z.object({
  meta: periodReportSchema.shape.meta.pick({
    language: true,
    from: true,
    to: true,
    asOf: true,
    scope: true,
    planVersion: true,
  }),
  goals: z.array(reportGoalSchema),
});
export type ReportGoals = z.infer<typeof reportGoalsSchema>;

/** `followups.list`: the caller's follow-ups (managers: any user's), newest due first. */
export const followupListInputSchema = z.object({
  status: z.enum(['open', 'done', 'cancelled']).optional(),
  /** Managers and admins: another user's follow-ups. */
  userId: z.string().max(64).optional(),
  cursor: z.string().max(200).nullable().default(null),
  limit: z.number().int().min(1).max(200).default(50),
});
export type FollowupListInput = z.input<typeof followupListInputSchema>;

/** `followups.closures` (managers): waits closed as "no reply needed", with the reasons given. */
export const closureListInputSchema = z.object({
  /** Closures made in [from, to) (by closing time). */
  from: isoDateTimeSchema.optional(),
  to: isoDateTimeSchema.optional(),
  /** Only waits assigned to these users. */
  userId: z.array(z.string().max(64)).max(500).optional(),
  cursor: z.string().max(200).nullable().default(null),
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
