import { z } from 'zod';
import { channelSchema, computedDateTimeSchema, isoDateTimeSchema, stakeholderTypeSchema } from './common';
import { coverageListInputSchema } from './media-coverage';
import {
  coverageRowSchema,
  metricsFilterSchema,
  metricsInteractionsInputSchema,
  metricsThreadsInputSchema,
  responseStatsSchema,
  waitStatusSchema,
} from './metrics';
import { reportSectionFiguresSchema } from './report-sections';
import { durationSpecSchema, goalComparatorSchema, type GoalMetric, goalMetricSchema } from './plan';
import { surveyListInputSchema } from './survey';

export const reportLanguageSchema = z.enum(['zh-CN', 'en']);
export type ReportLanguage = z.infer<typeof reportLanguageSchema>;

export const periodReportInputSchema = z.strictObject({
  filter: metricsFilterSchema,
  language: reportLanguageSchema.default('en'),
  /** Evaluate late/pending and coverage as of this instant (default: the end of the period, or now if earlier). */
  asOf: isoDateTimeSchema.optional(),
});
export type PeriodReportInput = z.input<typeof periodReportInputSchema>;

const countOf = <T extends z.ZodTypeAny>(key: T) => z.object({ key, count: z.number().int() });

export type GoalUnit = 'rate' | 'hours' | 'working_days' | 'score' | 'count';

/**
 * What a goal metric's actual and target are in: `rate` a 0–1 fraction, `hours`, `working_days`, `score` a mean
 * score or an NPS, `count` a number of records (counting goals: the target is per the goal's period).
 */
export const goalMetricUnits: Record<GoalMetric, GoalUnit> = {
  mean_response_hours: 'hours',
  median_response_hours: 'hours',
  on_time_rate: 'rate',
  coverage: 'rate',
  outbound_posts: 'count',
  meetings: 'count',
  complaint_resolution_rate: 'rate',
  first_contact_resolution_rate: 'rate',
  resolution_working_days: 'working_days',
  csat_mean: 'score',
  satisfaction_rate: 'rate',
  nps: 'score',
  score100_mean: 'score',
  positive_coverage_share: 'rate',
  negative_clarified_rate: 'rate',
  coverage_items: 'count',
  delivery_on_time_rate: 'rate',
  interaction_rate: 'rate',
  attendance_rate: 'rate',
  execution_rate: 'rate',
  cost_share: 'rate',
};

export const goalStatusSchema = z.enum(['met', 'near', 'missed', 'no_data']);
export type GoalStatus = z.infer<typeof goalStatusSchema>;

const unpaged = { cursor: true, limit: true } as const;

/**
 * The records behind a goal's figure, as the input (without paging) of the procedure that lists them:
 * `metrics.interactions`, `metrics.threads`, `evaluations.listSurveys` or `evaluations.listCoverage`.
 */
export const goalDrillSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('interactions'), filter: metricsInteractionsInputSchema.omit(unpaged) }),
  z.object({ kind: z.literal('threads'), filter: metricsThreadsInputSchema.omit(unpaged) }),
  z.object({ kind: z.literal('surveys'), filter: surveyListInputSchema.omit(unpaged) }),
  z.object({ kind: z.literal('coverage'), filter: coverageListInputSchema.omit(unpaged) }),
]);
export type GoalDrill = z.infer<typeof goalDrillSchema>;

export const reportGoalSchema = z.object({
  id: z.string(),
  label: z.string(),
  metric: goalMetricSchema,
  scope: z.object({
    stakeholderType: stakeholderTypeSchema.nullable(),
    channel: channelSchema.nullable(),
    tier: z.string().nullable(),
    /** As the plan says it, except that `complaint_resolution_rate` shows the `complaint` it reads for null. */
    purpose: z.string().nullable(),
    dimension: z.string().nullable(),
    /** Attendance goals: the meeting series. */
    series: z.string().nullable().optional(),
  }),
  comparator: goalComparatorSchema,
  /** The plan's target, as written (counting goals: per `goalPeriod`). */
  target: z.number(),
  goalPeriod: z.enum(['week', 'month', 'quarter']),
  /** The target for this report's period: counting goals are prorated by length; the others equal `target`. */
  periodTarget: z.number(),
  /**
   * Hours for response goals, working days for resolution time, a 0–1 ratio for rates, shares and coverage, a mean
   * score for CSAT and 0–100 means, −100…100 for NPS, a count for counting goals; null without data.
   */
  actual: z.number().nullable(),
  /** The n behind the actual: how many waits, stakeholders, interactions, threads, responses or reports. */
  count: z.number().int(),
  /** `near`: missed by at most 5% of the target. */
  status: goalStatusSchema,
  /** Where to list the records behind the figure; null when there is no such list (cadence coverage). */
  drill: goalDrillSchema.nullable(),
  /**
   * Streak goals (`consecutivePeriods`): the periods behind the status, oldest first, the last ending with the
   * report's period; `status` is `met` only when each of the last `consecutivePeriods` met the target.
   */
  streak: z
    .object({
      consecutivePeriods: z.number().int(),
      /** How many periods in a row, up to the last, met the target. */
      run: z.number().int(),
      periods: z.array(
        z.object({
          from: computedDateTimeSchema,
          to: computedDateTimeSchema,
          actual: z.number().nullable(),
          count: z.number().int(),
          /** Null without data (which does not meet the target). */
          met: z.boolean().nullable(),
        }),
      ),
    })
    .optional(),
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
  /** The previous period ends where the report's starts, and may begin before the accepted range. */
  from: computedDateTimeSchema,
  to: computedDateTimeSchema,
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
  /** The figures only the report's sections show: weekly series, purposes, surveys and notable cases. */
  sections: reportSectionFiguresSchema,
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
