import { z } from 'zod';
import { DEFAULT_PURPOSES } from '../domain/evaluation/default-purposes';
import { DEFAULT_LOW_SCORE } from '../domain/evaluation/low-score';
import { channelSchema, isoDateSchema, stakeholderTypeSchema, timeZoneSchema } from './common';
import { purposeIdSchema, purposeSchema } from './purpose';
import { freeTextString, identifierString } from './text';

const hhmm = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'must be a time of day HH:MM (00:00 to 24:00), e.g. 09:00');

/** A span of a working day, local time: `start` inclusive, `end` exclusive (24:00 = midnight ending the day). */
export const timeSpanSchema = z
  .strictObject({ start: hhmm, end: hhmm })
  .refine((p) => p.start < p.end, { message: 'a span must end after it starts', path: ['end'] });
export type TimeSpan = z.infer<typeof timeSpanSchema>;

/** ISO weekdays as the keys of `weekdays`: "1" = Monday … "7" = Sunday. */
export const weekdayKeySchema = z.enum(['1', '2', '3', '4', '5', '6', '7']);
export type WeekdayKey = z.infer<typeof weekdayKeySchema>;

/** Spans in order, none overlapping another (touching is allowed). */
const orderedSpans = (max: number) =>
  z
    .array(timeSpanSchema)
    .max(max)
    .superRefine((spans, ctx) => {
      spans.forEach((span, i) => {
        if (i > 0 && span.start < spans[i - 1]!.end)
          ctx.addIssue({
            code: 'custom',
            path: [i, 'start'],
            message: `spans must be in order and not overlap: ${span.start} is before ${spans[i - 1]!.end}`,
          });
      });
    });

/**
 * The organisation's working calendar: the clock for working-time SLAs (docs/metrics.md "Working time"). A working
 * day runs from `start` to `end` less its `breaks` (a lunch break); `weekdays` gives a weekday other periods (a short
 * Friday). Holidays and extra working days (make-up days) come on top of the working week.
 */
export const workCalendarSchema = z
  .strictObject({
    timeZone: timeZoneSchema,
    /** ISO weekdays that are working days: 1 = Monday … 7 = Sunday. */
    workDays: z.array(z.number().int().min(1).max(7)).max(7),
    /** Working hours of a usual working day, local time. */
    start: hhmm,
    end: hhmm,
    /** Breaks within the usual working day (e.g. lunch 12:00–13:30), in order: not working time. */
    breaks: orderedSpans(6).optional(),
    /**
     * Weekdays with working periods of their own instead of the usual day, by ISO weekday ("5": a short Friday).
     * Only for weekdays in `workDays`.
     */
    weekdays: z.partialRecord(weekdayKeySchema, orderedSpans(8).min(1)).optional(),
    /** Days off that would otherwise be working days. */
    holidays: z.array(isoDateSchema).max(1000).default([]),
    /** Days that are working days although their weekday is not (e.g. China's make-up working Saturdays): usual hours. */
    extraWorkDays: z.array(isoDateSchema).max(1000).default([]),
  })
  // Without working time no working-time deadline can ever be reached (docs/metrics.md "Working time").
  .refine((c) => c.workDays.length > 0, {
    message: 'the working calendar needs at least one working day (workDays: 1 = Monday … 7 = Sunday)',
    path: ['workDays'],
  })
  .refine((c) => c.start < c.end, {
    message: 'working hours must end after they start: the working day has no working time',
    path: ['end'],
  })
  .superRefine((c, ctx) => {
    (c.breaks ?? []).forEach((b, i) => {
      if (b.start <= c.start || b.end >= c.end)
        ctx.addIssue({
          code: 'custom',
          path: ['breaks', i],
          message: `a break lies inside the working hours (${c.start}–${c.end}), not at either end`,
        });
    });
    for (const key of Object.keys(c.weekdays ?? {}))
      if (!c.workDays.includes(Number(key)))
        ctx.addIssue({
          code: 'custom',
          path: ['weekdays', key],
          message: `weekday ${key} has working periods but is not in workDays: add it there, or remove its periods`,
        });
  });
export type WorkCalendar = z.output<typeof workCalendarSchema>;

/**
 * A response-time limit. `working_hours` and `working_days` run on the working calendar (a working day is
 * the length of one working day of the calendar); `minutes` and `hours` are calendar time.
 */
export const durationSpecSchema = z
  .strictObject({
    value: z.number().positive().max(100000),
    unit: z.enum(['minutes', 'hours', 'working_hours', 'working_days']),
  })
  .superRefine((limit, ctx) => {
    const { min, max } = durationBounds[limit.unit];
    if (limit.value < min || limit.value > max)
      ctx.addIssue({ code: 'custom', path: ['value'], message: durationBoundsMessage(limit.unit) });
  });
export type DurationSpec = z.infer<typeof durationSpecSchema>;

/**
 * Limits run from one minute to one year (366 days; for working units, 8784 working hours or 366 working days).
 * A working day is as long as the calendar's, so its one-minute minimum is checked on the plan
 * ({@link planSchema}); here it only has to be positive.
 */
const durationBounds = {
  minutes: { min: 1, max: 366 * 24 * 60 },
  hours: { min: 1 / 60, max: 366 * 24 },
  working_hours: { min: 1 / 60, max: 366 * 24 },
  working_days: { min: 0, max: 366 },
} as const satisfies Record<string, { min: number; max: number }>;

function durationBoundsMessage(unit: keyof typeof durationBounds): string {
  const most = durationBounds[unit].max;
  return unit === 'working_days'
    ? `a limit in working days is at most ${most} working days, and at least one minute`
    : `a limit is at least one minute and at most ${most} ${unit.replace('_', ' ')} (one year)`;
}

/** First-response SLA for a stakeholder type on a channel (`channel: null` = any channel not listed). */
export const slaRuleSchema = z.strictObject({
  stakeholderType: stakeholderTypeSchema,
  channel: channelSchema.nullable(),
  limit: durationSpecSchema,
});
export type SlaRule = z.infer<typeof slaRuleSchema>;

/**
 * Cadence for a stakeholder type (and tier; `tier: null` = every tier not listed). `idealDays` warns (due),
 * `maxDays` is overdue. `channels` restricts which contacts count (e.g. core partners: video or face-to-face).
 */
export const cadenceRuleSchema = z
  .strictObject({
    stakeholderType: stakeholderTypeSchema,
    tier: identifierString.max(32).nullable(),
    idealDays: z.number().int().min(1).max(3650),
    maxDays: z.number().int().min(1).max(3650),
    channels: z.array(channelSchema).max(7).nullable().default(null),
  })
  .refine((r) => r.idealDays <= r.maxDays, {
    message: 'the ideal interval cannot exceed the maximum',
    path: ['idealDays'],
  });
export type CadenceRule = z.output<typeof cadenceRuleSchema>;

/** What a goal measures; docs/metrics.md "Goals" gives each one's formula. */
export const goalMetricSchema = z.enum([
  'mean_response_hours',
  'median_response_hours',
  'on_time_rate',
  'coverage',
  'outbound_posts',
  'meetings',
  'complaint_resolution_rate',
  'first_contact_resolution_rate',
  'resolution_working_days',
  'csat_mean',
  'satisfaction_rate',
  'nps',
  'score100_mean',
  'positive_coverage_share',
  'negative_clarified_rate',
  'coverage_items',
  'delivery_on_time_rate',
  'interaction_rate',
  'attendance_rate',
  'execution_rate',
  'cost_share',
]);
export type GoalMetric = z.infer<typeof goalMetricSchema>;

export const goalComparatorSchema = z.enum(['>=', '<=', '>', '<']);
export type GoalComparator = z.infer<typeof goalComparatorSchema>;

export const goalSchema = z.strictObject({
  id: identifierString.min(1).max(64),
  label: z.strictObject({ en: freeTextString.max(200), zh: freeTextString.max(200) }),
  metric: goalMetricSchema,
  scope: z.strictObject({
    stakeholderType: stakeholderTypeSchema.nullable().default(null),
    channel: channelSchema.nullable().default(null),
    tier: identifierString.max(32).nullable().default(null),
    /** The interactions' (threads') purpose; `complaint_resolution_rate` reads complaints when it is null. */
    purpose: purposeIdSchema.nullable().default(null),
    /** Survey goals: the rated dimension (e.g. "usability"). */
    dimension: freeTextString.trim().min(1).max(60).nullable().default(null),
    /** Attendance goals: the meeting series (e.g. "weekly cross-department meeting"); any series when absent. */
    series: freeTextString.trim().min(1).max(100).nullable().optional(),
  }),
  /** `>` and `<` for "more than" targets (a positive share > 70%). */
  comparator: goalComparatorSchema,
  /** Rates and shares as a 0–1 fraction; NPS on −100…100. */
  target: z.number().min(-100).max(1e9),
  /** For counting goals (posts, meetings): the period the target applies to. */
  period: z.enum(['week', 'month', 'quarter']).default('month'),
  /**
   * A streak goal ("≥ 95% for 3 consecutive quarters"): met when each of the last N periods of `period`, ending
   * with the report's, met the target. Absent: the report's period alone.
   */
  consecutivePeriods: z
    .number()
    .int('consecutivePeriods must be a whole number')
    .min(1, 'consecutivePeriods is at least 1')
    .max(24, 'consecutivePeriods is at most 24')
    .optional(),
});
export type Goal = z.output<typeof goalSchema>;

/**
 * The purposes interactions are sorted by. Ids are unique; a purpose that stored interactions carry is retired
 * (`retired: true`), never removed, so that history keeps its label (the server refuses the removal).
 */
export const planPurposesSchema = z
  .array(purposeSchema)
  .max(200)
  .superRefine((purposes, ctx) => {
    const seen = new Set<string>();
    purposes.forEach((p, i) => {
      if (seen.has(p.id))
        ctx.addIssue({
          code: 'custom',
          path: [i, 'id'],
          message: `the purpose id ${p.id} is listed twice: ids must be unique`,
        });
      seen.add(p.id);
    });
  });

/**
 * A survey response scoring at or below its instrument's threshold (CSAT scaled onto 1–5 first) with a stakeholder
 * becomes a follow-up for the stakeholder's owner.
 */
export const lowScoreSchema = z.strictObject({
  csat: z.number().min(1).max(5).default(DEFAULT_LOW_SCORE.csat),
  nps: z.number().min(0).max(10).default(DEFAULT_LOW_SCORE.nps),
  score100: z.number().min(0).max(100).default(DEFAULT_LOW_SCORE.score100),
});
export type LowScore = z.output<typeof lowScoreSchema>;

/** How the plan judges evaluation records. */
export const evaluationSettingsSchema = z.strictObject({
  lowScore: lowScoreSchema.default({ ...DEFAULT_LOW_SCORE }),
});

/** The sections of a plan, each as given whole (`plan.update` replaces the sections it is given). */
const planSections = {
  calendar: workCalendarSchema,
  sla: z.array(slaRuleSchema).max(200),
  cadence: z.array(cadenceRuleSchema).max(200),
  goals: z.array(goalSchema).max(100),
  /** A thread silent for longer than this starts a new conversation (days, per channel). */
  segmentGapDays: z.partialRecord(
    channelSchema,
    z
      .number()
      .min(1 / 1440, 'a gap is at least one minute')
      .max(365),
  ),
  /** Items that will be late within this many working hours show as "due soon". */
  dueSoonWorkingHours: z.number().min(0).max(100),
  purposes: planPurposesSchema,
  evaluation: evaluationSettingsSchema,
};

export const planSchema = z
  .strictObject({
    ...planSections,
    segmentGapDays: planSections.segmentGapDays.default({}),
    dueSoonWorkingHours: planSections.dueSoonWorkingHours.default(2),
    purposes: planSections.purposes.default(() => [...DEFAULT_PURPOSES]),
    evaluation: planSections.evaluation.default({ lowScore: { ...DEFAULT_LOW_SCORE } }),
  })
  .superRefine((plan, ctx) => {
    const dayMinutes = usualDayMinutes(plan.calendar);
    plan.sla.forEach((rule, i) => {
      if (rule.limit.unit === 'working_days' && rule.limit.value * dayMinutes < 1)
        ctx.addIssue({
          code: 'custom',
          path: ['sla', i, 'limit', 'value'],
          message: durationBoundsMessage('working_days'),
        });
    });
  });

/** Minutes since midnight of a valid HH:MM (24:00 included). */
const minutesOfDay = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Working minutes of the usual working day: its hours less its breaks (what one `working_days` unit is worth). */
function usualDayMinutes(cal: WorkCalendar): number {
  let minutes = minutesOfDay(cal.end) - minutesOfDay(cal.start);
  for (const b of cal.breaks ?? []) minutes -= minutesOfDay(b.end) - minutesOfDay(b.start);
  return minutes;
}
export type Plan = z.output<typeof planSchema>;
export type PlanInput = z.input<typeof planSchema>;

/**
 * `plan.update`: the sections given replace the current plan's, the others stay (docs/api.md "Plan"). `version` is
 * the version the change was made on (`plan.get`): when the plan has changed since, the update is refused
 * (CONFLICT) rather than undoing the other change. Without it the sections apply to whatever is current.
 */
export const planUpdateInputSchema = z
  .strictObject({
    version: z.number().int().min(1).optional(),
    ...Object.fromEntries(Object.entries(planSections).map(([k, v]) => [k, v.optional()])),
  } as { version: z.ZodOptional<z.ZodNumber> } & {
    [K in keyof typeof planSections]: z.ZodOptional<(typeof planSections)[K]>;
  })
  .refine((u) => Object.keys(u).some((k) => k !== 'version'), {
    message: `give at least one section of the plan to change (${Object.keys(planSections).join(', ')})`,
  });
export type PlanUpdateInput = z.input<typeof planUpdateInputSchema>;

export const storedPlanSchema = z.object({ version: z.number().int(), updatedAt: z.string(), plan: planSchema });
export type StoredPlan = z.infer<typeof storedPlanSchema>;

/** `plan.publicHolidays`: a country's public holidays and make-up working days, to load into the calendar. */
export const publicHolidaysInputSchema = z
  .strictObject({
    /** ISO 3166 country code (CN, DE …); absent: the country of the org's time zone. */
    country: z
      .string()
      .regex(/^[A-Za-z]{2}$/, 'must be a two-letter country code such as CN')
      .optional(),
    from: z.number().int().min(1970).max(2100),
    to: z.number().int().min(1970).max(2100),
  })
  .refine((r) => r.from <= r.to && r.to - r.from < 10, {
    message: 'from and to are years, from ≤ to, at most 10 years',
    path: ['to'],
  });
export const publicHolidaysResultSchema = z.object({
  /** Null when no country was given and the org's time zone has none (e.g. UTC). */
  country: z.string().nullable(),
  source: z.enum(['chinese-days', 'date-holidays']).nullable(),
  holidays: z.array(z.string()),
  extraWorkDays: z.array(z.string()),
  /** The countries known, by code, with their English names. */
  countries: z.record(z.string(), z.string()),
});
export type PublicHolidaysResult = z.infer<typeof publicHolidaysResultSchema>;

/** `plan.recomputePreview` / `plan.recompute`: of `total` interactions, how many figures the plan `version` changes. */
export const recomputeResultSchema = z.object({
  version: z.number().int(),
  changed: z.number().int(),
  total: z.number().int(),
});
