import type { MetricsFilter, Plan, ReportGoal, ReportGoals, periodReportInputSchema } from '@comms-log/shared';
import type { z } from 'zod';
import { toIso } from '../../../iso';
import { loadEnv, scopeFilter } from '../../metrics/scope';
import { nowOf, type ServiceCtx } from '../../service-ctx';
import { reportFigures, type ReportFigures } from '../figures';
import { reportMessages } from '../messages/by-language';
import type { ReportMessages } from '../messages/types';
import { reportAsOf, reportMeta } from '../meta';
import { actualOf, countFilterOf, isResponseGoal } from './actuals';
import { goalDrill } from './drill';
import { goalPurpose, scoped } from './scope';
import { goalStatus, periodTargetOf } from './status';
import { streakOf } from './streak';

/* Plan vs actual (docs/metrics.md "Goals"): every goal of the plan with its actual value for the report's period. */

/** Every goal of the plan with its actual value for `filter`'s period, evaluated as of `asOf`. */
export async function goalsOf(
  plan: Plan,
  figures: ReportFigures,
  filter: MetricsFilter,
  asOf: string,
  messages: ReportMessages,
): Promise<ReportGoal[]> {
  const periodMs = Date.parse(filter.to) - Date.parse(filter.from);
  // The counting goals over the report's period are counted together (streak goals count their own periods).
  await figures.countsOf(
    plan.goals.flatMap((goal) => {
      const f = goal.consecutivePeriods === undefined ? scoped(filter, goal) : null;
      const counted = f && countFilterOf(goal, f);
      return counted ? [counted] : [];
    }),
  );
  // So are the response goals (alike but for their stakeholder type: one read of the waits for them all).
  await figures.responsesOf(
    plan.goals.flatMap((goal) => {
      const f = goal.consecutivePeriods === undefined ? scoped(filter, goal) : null;
      return f && isResponseGoal(goal) ? [f] : [];
    }),
    'working',
    asOf,
  );
  const goals: ReportGoal[] = [];
  for (const goal of plan.goals) {
    const f = scoped(filter, goal);
    const periodTarget = periodTargetOf(goal, periodMs);
    const { consecutivePeriods } = goal;
    const streak =
      f && consecutivePeriods !== undefined
        ? await streakOf({ ...goal, consecutivePeriods }, f, figures, asOf, plan.calendar)
        : null;
    const { actual, count } =
      streak ?? (f ? await actualOf(goal, f, figures, asOf, plan.calendar) : { actual: null, count: 0 });
    goals.push({
      id: goal.id,
      label: messages.goalLabel(goal.label),
      metric: goal.metric,
      scope: {
        stakeholderType: goal.scope.stakeholderType ?? null,
        channel: goal.scope.channel ?? null,
        tier: goal.scope.tier ?? null,
        purpose: goalPurpose(goal),
        dimension: goal.scope.dimension ?? null,
        ...(goal.scope.series ? { series: goal.scope.series } : {}),
      },
      comparator: goal.comparator,
      target: goal.target,
      goalPeriod: goal.period,
      periodTarget,
      actual,
      count,
      status: streak ? streak.status : goalStatus(actual, goal.comparator, periodTarget),
      drill: f ? goalDrill(goal, f, asOf) : null,
      ...(streak ? { streak: streak.streak } : {}),
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
