import type {
  Goal,
  GoalStatus,
  MetricsFilter,
  Plan,
  ReportGoal,
  ReportGoals,
  periodReportInputSchema,
} from '@comms-log/shared';
import type { z } from 'zod';
import { toIso } from '../../iso';
import { loadEnv, scopeFilter } from '../metrics/scope';
import { nowOf, type ServiceCtx } from '../service-ctx';
import { reportFigures, type ReportFigures } from './figures';
import { reportAsOf, reportMeta } from './meta';
import type { ReportMessages } from './messages/types';
import { reportMessages } from './messages/by-language';

/* Plan vs actual (docs/metrics.md): every goal of the plan with its actual value for the report's period. */

const H = 3_600_000;
const DAY_MS = 86_400_000;
/** Average lengths, to prorate counting goals (posts per month, meetings per week) to the report's period. */
const goalPeriodDays = { week: 7, month: 365.25 / 12, quarter: 365.25 / 4 } as const;
/** A goal missed by at most this share of its target is "near". */
const NEAR = 0.05;

/** Narrow a filter to a goal's scope; null when the filter excludes it (a goal for media in a customers-only report). */
function scoped(filter: MetricsFilter, scope: Goal['scope']): MetricsFilter | null {
  const out: MetricsFilter = { ...filter };
  if (scope.stakeholderType) {
    if (filter.stakeholderType?.length && !filter.stakeholderType.includes(scope.stakeholderType)) return null;
    out.stakeholderType = [scope.stakeholderType];
  }
  if (scope.channel) {
    if (filter.channel?.length && !filter.channel.includes(scope.channel)) return null;
    out.channel = [scope.channel];
  }
  if (scope.tier) {
    if (filter.tier?.length && !filter.tier.includes(scope.tier)) return null;
    out.tier = [scope.tier];
  }
  return out;
}

function goalStatus(actual: number | null, comparator: '>=' | '<=', target: number): GoalStatus {
  if (actual === null) return 'no_data';
  if (comparator === '>=') return actual >= target ? 'met' : actual >= target * (1 - NEAR) ? 'near' : 'missed';
  return actual <= target ? 'met' : actual <= target * (1 + NEAR) ? 'near' : 'missed';
}

interface Actual {
  actual: number | null;
  /** How many waits / stakeholders / interactions the actual is computed over. */
  count: number;
}

/** A goal's actual value over the goal's scope `f` of the period, as of `asOf`. */
async function actualOf(goal: Goal, f: MetricsFilter, figures: ReportFigures, asOf: string): Promise<Actual> {
  switch (goal.metric) {
    case 'on_time_rate': {
      const stats = (await figures.response(f, [], 'working', asOf)).total;
      return { actual: stats.onTimeRate, count: stats.onTime + stats.late };
    }
    case 'mean_response_hours':
    case 'median_response_hours': {
      const stats = (await figures.response(f, [], 'working', asOf)).total;
      const ms = goal.metric === 'mean_response_hours' ? stats.meanMs : stats.medianMs;
      return { actual: ms === null ? null : ms / H, count: stats.answered };
    }
    case 'coverage': {
      const scope = { stakeholderType: f.stakeholderType, tier: f.tier, stakeholderId: f.stakeholderId };
      const rows = (await figures.coverage(asOf, scope)).rows;
      const active = rows.reduce((s, r) => s + r.active, 0);
      const covered = rows.reduce((s, r) => s + r.covered, 0);
      return { actual: active > 0 ? covered / active : null, count: active };
    }
    case 'outbound_posts':
    case 'meetings': {
      // Posts are what we publish (outbound); meetings count whoever logged them.
      const totals = await figures.totals(goal.metric === 'outbound_posts' ? { ...f, direction: 'outbound' } : f, []);
      return { actual: totals.total, count: totals.total };
    }
  }
}

/** Every goal of the plan with its actual value for `filter`'s period, evaluated as of `asOf`. */
export async function goalsOf(
  plan: Plan,
  figures: ReportFigures,
  filter: MetricsFilter,
  asOf: string,
  messages: ReportMessages,
): Promise<ReportGoal[]> {
  const periodDays = (Date.parse(filter.to) - Date.parse(filter.from)) / DAY_MS;
  const goals: ReportGoal[] = [];
  for (const goal of plan.goals) {
    const f = scoped(filter, goal.scope);
    const counting = goal.metric === 'outbound_posts' || goal.metric === 'meetings';
    const periodTarget = counting ? (goal.target * periodDays) / goalPeriodDays[goal.period] : goal.target;
    const { actual, count } = f ? await actualOf(goal, f, figures, asOf) : { actual: null, count: 0 };
    goals.push({
      id: goal.id,
      label: messages.goalLabel(goal.label),
      metric: goal.metric,
      scope: {
        stakeholderType: goal.scope.stakeholderType ?? null,
        channel: goal.scope.channel ?? null,
        tier: goal.scope.tier ?? null,
      },
      comparator: goal.comparator,
      target: goal.target,
      goalPeriod: goal.period,
      periodTarget,
      actual,
      count,
      status: goalStatus(actual, goal.comparator, periodTarget),
    });
  }
  return goals;
}

/** `reports.goals`: the plan-vs-actual part of the period report alone (the same figures as its `goals`). */
export async function reportGoals(
  ctx: ServiceCtx,
  input: z.output<typeof periodReportInputSchema>,
): Promise<ReportGoals> {
  const env = await loadEnv(ctx);
  const filter = scopeFilter(ctx.user, input.filter);
  const asOf = toIso(reportAsOf(filter, input.asOf, nowOf(ctx)));
  return {
    meta: reportMeta(ctx, env, { filter, language: input.language, asOf }),
    goals: await goalsOf(env.plan, reportFigures(ctx, env), filter, asOf, reportMessages[input.language]),
  };
}
