import { z } from 'zod';
import { channelSchema, isoDateTimeSchema, stakeholderTypeSchema } from './common';
import { coverageRowSchema, metricsFilterSchema, responseStatsSchema, waitStatusSchema } from './metrics';
import { durationSpecSchema, goalMetricSchema } from './plan';

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
