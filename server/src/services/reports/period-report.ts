import {
  resolveSla,
  type Channel,
  type MetricsFilter,
  type MetricsGroupBy,
  type PeriodReport,
  type StakeholderType,
  type TotalsResult,
  type periodReportInputSchema,
} from '@comms-log/shared';
import type { z } from 'zod';
import { userNamesOf } from '../../db/queries/reports';
import { toIso } from '../../iso';
import { loadEnv, scopeFilter } from '../metrics/scope';
import { localDaysIn, timeKey } from '../metrics/time-keys';
import { rollUpTotals } from '../metrics/totals';
import { nowOf, type ServiceCtx } from '../service-ctx';
import { suggestActions } from './actions';
import type { CoverageScope } from './coverage-scope';
import { reportFigures, type ReportFigures } from './figures';
import { goalsOf } from './goals/plan-vs-actual';
import { reportAsOf, reportMeta } from './meta';
import { reportMessages } from './messages/by-language';
import { sectionFigures } from './sections';
import { worstWaitsOf } from './worst-waits';

/*
 * The period report: overview, goals, response, coverage, comparison with the period before, gaps and suggested
 * actions. Its figures are the dashboard's (./figures.ts); its prose is in ./messages.
 */

const DAY_MS = 86_400_000;
const MAX_OVERDUE_LISTED = 100;
/** The parts a build tells its job it has done (`ctx.onStep`): overview, response, goals, comparison, gaps, sections. */
const STEPS = 6;

const sumBy = <K extends string>(rows: TotalsResult['rows'], dim: MetricsGroupBy) =>
  rows.map((r) => ({ key: r.key[dim] as K, count: r.count }));

/** Counts of the period by type, channel, direction, day and person. */
async function overviewOf(
  ctx: ServiceCtx,
  figures: ReportFigures,
  filter: MetricsFilter,
  zone: string,
): Promise<{ overview: PeriodReport['overview']; byType: TotalsResult }> {
  // One query by type × channel × direction answers four of the overview's questions.
  const [fine, perDay, perUser] = await Promise.all([
    figures.totals(filter, ['stakeholderType', 'channel', 'direction']),
    figures.totals(filter, ['day']),
    figures.totals(filter, ['user']),
  ]);
  const byType = rollUpTotals(fine, ['stakeholderType']);
  const byChannel = rollUpTotals(fine, ['channel']);
  const byTypeChannel = rollUpTotals(fine, ['stakeholderType', 'channel']);
  const direction = new Map(rollUpTotals(fine, ['direction']).rows.map((r) => [r.key.direction, r.count]));
  const userNames = await userNamesOf(ctx.db, ctx.user.orgId);
  const dayCounts = new Map(perDay.rows.map((r) => [r.key.day!, r.count]));
  const overview: PeriodReport['overview'] = {
    total: byType.total,
    inbound: direction.get('inbound') ?? 0,
    outbound: direction.get('outbound') ?? 0,
    byType: sumBy<StakeholderType>(byType.rows, 'stakeholderType'),
    byChannel: sumBy<Channel>(byChannel.rows, 'channel'),
    byTypeChannel: byTypeChannel.rows.map((r) => ({
      stakeholderType: r.key.stakeholderType as StakeholderType,
      channel: r.key.channel as Channel,
      count: r.count,
    })),
    perDay: localDaysIn(Date.parse(filter.from), Date.parse(filter.to), zone).map((d) => {
      const key = timeKey(d, 'day');
      return { key, count: dayCounts.get(key) ?? 0 };
    }),
    perPerson: perUser.rows
      .map((r) => ({ userId: r.key.user!, name: userNames.get(r.key.user!) ?? null, count: r.count }))
      .sort((a, b) => b.count - a.count),
  };
  return { overview, byType };
}

/** Stakeholders past their cadence at `at`, the longest overdue first. */
async function overdueStakeholdersOf(
  figures: ReportFigures,
  scope: CoverageScope,
  at: number,
): Promise<PeriodReport['gaps']['overdueStakeholders']> {
  const cadences = await figures.cadences(at, scope);
  return cadences
    .filter((s) => s.status.state === 'overdue' && s.status.worst)
    .sort((a, b) => a.status.worst!.dueByMs - b.status.worst!.dueByMs)
    .slice(0, MAX_OVERDUE_LISTED)
    .map((s) => {
      const w = s.status.worst!;
      return {
        stakeholderId: s.id,
        name: s.name,
        stakeholderType: s.type,
        tier: s.tier,
        ownerUserId: s.ownerUserId,
        lastContactAt: w.lastContactMs === null ? null : toIso(w.lastContactMs),
        daysSince: w.lastContactMs === null ? null : Math.floor((at - w.lastContactMs) / DAY_MS),
        maxDays: w.rule.maxDays,
      };
    });
}

/** The structured report for a period: overview, goals, response, coverage, comparison, gaps and actions. */
export async function periodReport(
  ctx: ServiceCtx,
  input: z.output<typeof periodReportInputSchema>,
): Promise<PeriodReport> {
  const now = nowOf(ctx);
  const env = await loadEnv(ctx);
  const { plan } = env;
  const filter = scopeFilter(ctx.user, input.filter);
  const at = reportAsOf(filter, input.asOf, now);
  const asOf = toIso(at);
  // The waits of this period and the one before (the comparison) are read once for every response figure.
  const fromMs = Date.parse(filter.from);
  const toMs = Date.parse(filter.to);
  const figures = reportFigures(ctx, env, { from: fromMs - (toMs - fromMs), to: toMs });
  const messages = reportMessages[input.language];
  const scope = { stakeholderType: filter.stakeholderType, tier: filter.tier, stakeholderId: filter.stakeholderId };

  const { overview, byType } = await overviewOf(ctx, figures, filter, plan.calendar.timeZone);
  ctx.onStep?.(1, STEPS);
  const [response, responseCalendar, coverage] = await Promise.all([
    figures.response(filter, ['stakeholderType', 'channel'], 'working', asOf),
    figures.response(filter, [], 'calendar', asOf),
    figures.coverage(asOf, scope),
  ]);
  ctx.onStep?.(2, STEPS);
  const goals = await goalsOf(plan, figures, filter, asOf, messages);
  ctx.onStep?.(3, STEPS);
  // The period before, of equal length, evaluated as of the same instant.
  const prevFilter = { ...filter, from: toIso(fromMs - (toMs - fromMs)), to: toIso(fromMs) };
  const [prevByType, prevResponse] = await Promise.all([
    figures.totals(prevFilter, ['stakeholderType']),
    figures.response(prevFilter, [], 'working', asOf),
  ]);
  ctx.onStep?.(4, STEPS);
  const overdueStakeholders = await overdueStakeholdersOf(figures, scope, at);
  const { worst: worstWaits, openLate } = await worstWaitsOf(ctx, env, filter, at, await figures.waitsOf(filter));
  ctx.onStep?.(5, STEPS);
  const sections = await sectionFigures(ctx, figures, plan, filter, asOf);
  ctx.onStep?.(6, STEPS);

  const report: Omit<PeriodReport, 'actions' | 'sections'> = {
    meta: {
      ...reportMeta(ctx, env, { filter, language: input.language, asOf }),
      timeZone: plan.calendar.timeZone,
      generatedAt: toIso(now),
    },
    overview,
    goals,
    response: {
      total: response.total,
      totalCalendar: responseCalendar.total,
      byTypeChannel: response.rows.map((r) => {
        const stakeholderType = r.key.stakeholderType as StakeholderType;
        const channel = r.key.channel as Channel;
        return { stakeholderType, channel, sla: resolveSla(plan, stakeholderType, channel), stats: r.stats };
      }),
    },
    coverage: coverage.rows,
    comparison: {
      current: {
        from: filter.from,
        to: filter.to,
        total: byType.total,
        byType: overview.byType,
        response: response.total,
      },
      previous: {
        from: prevFilter.from,
        to: prevFilter.to,
        total: prevByType.total,
        byType: sumBy<StakeholderType>(prevByType.rows, 'stakeholderType'),
        response: prevResponse.total,
      },
    },
    gaps: { missedGoals: goals.filter((g) => g.status === 'missed'), overdueStakeholders, worstWaits },
  };
  return { ...report, actions: suggestActions(report, messages, openLate), sections };
}
