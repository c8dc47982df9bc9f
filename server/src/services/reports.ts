import { sql } from 'drizzle-orm';
import {
  classifyWait,
  resolveSla,
  workingMsBetween,
  type Goal,
  type GoalStatus,
  type MetricsFilter,
  type MetricsGroupBy,
  type PeriodReport,
  type ReportGoal,
  type ReportGoals,
  type ReportLanguage,
  type StakeholderType,
  type TotalsResult,
  type ResponseTimesResult,
  type CoverageResult,
  type Channel,
} from '@comms-log/shared';
import { toIso } from '../iso';
import {
  closedAtValue,
  loadEnv,
  localDaysIn,
  metricsCoverage,
  metricsResponseTimes,
  metricsTotals,
  rollUpTotals,
  scanWaits,
  scopeFilter,
  stakeholderCadences,
  timeKey,
  type MetricsCtx,
  type MetricsEnv,
} from './metrics';

/*
 * The period report: every figure comes from the same service functions as `metrics.*` (totals,
 * responseTimes, coverage) with the same filter and `asOf`, so the report and the dashboard cannot disagree.
 * Gaps and suggested actions are derived from those figures; their sentences are localized here (zh-CN, en).
 */

const H = 3_600_000;
const DAY_MS = 86_400_000;
/** Average lengths, to prorate counting goals (posts per month, meetings per week) to the report's period. */
const goalPeriodDays = { week: 7, month: 365.25 / 12, quarter: 365.25 / 4 } as const;
/** A goal missed by at most this share of its target is "near". */
const NEAR = 0.05;
const WORST_WAITS = 10;
const MAX_OVERDUE_LISTED = 100;

export interface PeriodReportParams {
  filter: MetricsFilter;
  language: ReportLanguage;
  asOf?: string | undefined;
}

/** The report's default instant: the end of the period, or now when the period is not over. */
export function reportAsOf(filter: MetricsFilter, asOf: string | undefined, now = Date.now()): number {
  return asOf ? Date.parse(asOf) : Math.min(Date.parse(filter.to), now);
}

/** Memoised calls of the metrics services within one report (goals often share a scope with another figure). */
function memoized(ctx: MetricsCtx, env: MetricsEnv) {
  const cache = new Map<string, Promise<unknown>>();
  const once = <T>(key: unknown[], run: () => Promise<T>): Promise<T> => {
    const k = JSON.stringify(key);
    let hit = cache.get(k) as Promise<T> | undefined;
    if (!hit) cache.set(k, (hit = run()));
    return hit;
  };
  return {
    totals: (filter: MetricsFilter, groupBy: MetricsGroupBy[]): Promise<TotalsResult> =>
      once(['t', filter, groupBy], () => metricsTotals(ctx, { filter, groupBy }, env)),
    response: (
      filter: MetricsFilter,
      groupBy: MetricsGroupBy[],
      basis: 'working' | 'calendar',
      asOf: string,
    ): Promise<ResponseTimesResult> =>
      once(['r', filter, groupBy, basis, asOf], () => metricsResponseTimes(ctx, { filter, groupBy, basis, asOf }, env)),
    coverage: (
      asOf: string,
      scope: {
        stakeholderType?: StakeholderType[] | undefined;
        tier?: string[] | undefined;
        stakeholderId?: string[] | undefined;
      },
    ): Promise<CoverageResult> => once(['c', asOf, scope], () => metricsCoverage(ctx, { asOf, ...scope }, env)),
  };
}

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

export function goalStatus(actual: number | null, comparator: '>=' | '<=', target: number): GoalStatus {
  if (actual === null) return 'no_data';
  if (comparator === '>=') return actual >= target ? 'met' : actual >= target * (1 - NEAR) ? 'near' : 'missed';
  return actual <= target ? 'met' : actual <= target * (1 + NEAR) ? 'near' : 'missed';
}

const sumBy = <K extends string>(rows: TotalsResult['rows'], dim: MetricsGroupBy) =>
  rows.map((r) => ({ key: r.key[dim] as K, count: r.count }));

/** The structured report for a period: overview, goals, response, coverage, comparison, gaps and actions. */
export async function periodReport(
  ctx: MetricsCtx,
  input: PeriodReportParams,
  now = Date.now(),
): Promise<PeriodReport> {
  const env = await loadEnv(ctx);
  const { plan } = env;
  const zone = plan.calendar.timeZone;
  const filter = scopeFilter(ctx.user, input.filter);
  const at = reportAsOf(filter, input.asOf, now);
  const asOf = toIso(at);
  const m = memoized(ctx, env);
  const lang = input.language;
  const fromMs = Date.parse(filter.from);
  const toMs = Date.parse(filter.to);
  const coverageScope = {
    stakeholderType: filter.stakeholderType,
    tier: filter.tier,
    stakeholderId: filter.stakeholderId,
  };

  // Overview.
  // One query by type × channel × direction answers four of the overview's questions.
  const [fine, perDay, perUser] = await Promise.all([
    m.totals(filter, ['stakeholderType', 'channel', 'direction']),
    m.totals(filter, ['day']),
    m.totals(filter, ['user']),
  ]);
  const byType = rollUpTotals(fine, ['stakeholderType']);
  const byChannel = rollUpTotals(fine, ['channel']);
  const byDirection = rollUpTotals(fine, ['direction']);
  const byTypeChannel = rollUpTotals(fine, ['stakeholderType', 'channel']);
  const userNames = new Map(
    (
      await ctx.db.all<{ id: string; name: string }>(sql`SELECT id, name FROM users WHERE org_id = ${ctx.user.orgId}`)
    ).map((u) => [u.id, u.name]),
  );
  const dayCounts = new Map(perDay.rows.map((r) => [r.key.day!, r.count]));
  const direction = new Map(byDirection.rows.map((r) => [r.key.direction, r.count]));

  // Response and coverage.
  const [response, responseCalendar, coverage] = await Promise.all([
    m.response(filter, ['stakeholderType', 'channel'], 'working', asOf),
    m.response(filter, [], 'calendar', asOf),
    m.coverage(asOf, coverageScope),
  ]);

  const goals = await goalsOf(plan, m, filter, asOf, lang);

  // The period before, of equal length, evaluated as of the same instant.
  const prevFilter: MetricsFilter = { ...filter, from: toIso(fromMs - (toMs - fromMs)), to: toIso(fromMs) };
  const [prevByType, prevResponse] = await Promise.all([
    m.totals(prevFilter, ['stakeholderType']),
    m.response(prevFilter, [], 'working', asOf),
  ]);

  // Gaps: stakeholders past their cadence, and the longest waits of the period.
  const cadences = await stakeholderCadences(ctx, env, at, coverageScope);
  const overdue = cadences
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
  const { worst: worstWaits, openLate } = await worstWaitsOf(ctx, env, filter, at);

  const report: Omit<PeriodReport, 'actions'> = {
    meta: {
      language: lang,
      from: toIso(fromMs),
      to: toIso(toMs),
      asOf,
      timeZone: zone,
      generatedAt: toIso(now),
      scope: ctx.user.role === 'staff' ? 'own' : 'team',
      planVersion: env.planVersion,
    },
    overview: {
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
      perDay: localDaysIn(fromMs, toMs, zone).map((d) => {
        const key = timeKey(d, 'day');
        return { key, count: dayCounts.get(key) ?? 0 };
      }),
      perPerson: perUser.rows
        .map((r) => ({ userId: r.key.user!, name: userNames.get(r.key.user!) ?? null, count: r.count }))
        .sort((a, b) => b.count - a.count),
    },
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
        byType: sumBy<StakeholderType>(byType.rows, 'stakeholderType'),
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
    gaps: { missedGoals: goals.filter((g) => g.status === 'missed'), overdueStakeholders: overdue, worstWaits },
  };
  return { ...report, actions: suggestActions(report, lang, openLate) };
}

/** Every goal of the plan with its actual value for `filter`'s period, evaluated as of `asOf`. */
async function goalsOf(
  plan: MetricsEnv['plan'],
  m: ReturnType<typeof memoized>,
  filter: MetricsFilter,
  asOf: string,
  lang: ReportLanguage,
): Promise<ReportGoal[]> {
  const periodDays = (Date.parse(filter.to) - Date.parse(filter.from)) / DAY_MS;
  const goals: ReportGoal[] = [];
  for (const goal of plan.goals) {
    const f = scoped(filter, goal.scope);
    const counting = goal.metric === 'outbound_posts' || goal.metric === 'meetings';
    const periodTarget = counting ? (goal.target * periodDays) / goalPeriodDays[goal.period] : goal.target;
    let actual: number | null = null;
    let count = 0;
    if (f) {
      if (
        goal.metric === 'mean_response_hours' ||
        goal.metric === 'median_response_hours' ||
        goal.metric === 'on_time_rate'
      ) {
        const stats = (await m.response(f, [], 'working', asOf)).total;
        if (goal.metric === 'on_time_rate') {
          actual = stats.onTimeRate;
          count = stats.onTime + stats.late;
        } else {
          const ms = goal.metric === 'mean_response_hours' ? stats.meanMs : stats.medianMs;
          actual = ms === null ? null : ms / H;
          count = stats.answered;
        }
      } else if (goal.metric === 'coverage') {
        const rows = (
          await m.coverage(asOf, { stakeholderType: f.stakeholderType, tier: f.tier, stakeholderId: f.stakeholderId })
        ).rows;
        const active = rows.reduce((s, r) => s + r.active, 0);
        const covered = rows.reduce((s, r) => s + r.covered, 0);
        actual = active > 0 ? covered / active : null;
        count = active;
      } else {
        // Posts are what we publish (outbound); meetings count whoever logged them.
        const totals = await m.totals(goal.metric === 'outbound_posts' ? { ...f, direction: 'outbound' } : f, []);
        actual = totals.total;
        count = totals.total;
      }
    }
    goals.push({
      id: goal.id,
      label: lang === 'zh-CN' ? goal.label.zh || goal.label.en : goal.label.en || goal.label.zh,
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
export async function reportGoals(ctx: MetricsCtx, input: PeriodReportParams, now = Date.now()): Promise<ReportGoals> {
  const env = await loadEnv(ctx);
  const filter = scopeFilter(ctx.user, input.filter);
  const asOf = toIso(reportAsOf(filter, input.asOf, now));
  return {
    meta: {
      language: input.language,
      from: toIso(Date.parse(filter.from)),
      to: toIso(Date.parse(filter.to)),
      asOf,
      scope: ctx.user.role === 'staff' ? 'own' : 'team',
      planVersion: env.planVersion,
    },
    goals: await goalsOf(env.plan, memoized(ctx, env), filter, asOf, input.language),
  };
}

/** The longest waits that started in the period (working time to the reply, or to `asOf` while unanswered); closed and pending ones are not gaps. */
async function worstWaitsOf(
  ctx: MetricsCtx,
  env: MetricsEnv,
  filter: MetricsFilter,
  at: number,
): Promise<{ worst: PeriodReport['gaps']['worstWaits']; openLate: number }> {
  const cal = env.plan.calendar;
  type Ranked = {
    wait: {
      startId: string;
      startMs: number;
      stakeholderId: string | null;
      stakeholderType: StakeholderType;
      channel: Channel;
      userId: string;
    };
    status: 'on_time' | 'late';
    waitedWorkMs: number;
    waitedMs: number;
  };
  const byRank = (a: Ranked, b: Ranked) =>
    b.waitedWorkMs - a.waitedWorkMs || b.waitedMs - a.waitedMs || (a.wait.startId < b.wait.startId ? -1 : 1);
  let worst: Ranked[] = [];
  let openLate = 0;
  // A month of the period at a time, keeping only the longest so far: a long period of a large org is never held whole.
  await scanWaits(
    ctx,
    filter,
    [
      sql`i.id`,
      sql`i.occurred_at`,
      sql`i.stakeholder_id`,
      sql`i.stakeholder_type`,
      sql`i.channel`,
      sql`i.user_id`,
      sql`i.replied_at`,
      sql`i.response_ms`,
      sql`i.response_work_ms`,
      sql`i.deadline_at`,
      closedAtValue,
    ],
    (rows) => {
      for (const r of rows) {
        const replyAtMs = r[6] as number | null;
        const status = classifyWait(
          { replyAtMs, deadlineMs: r[9] as number | null, closedAtMs: r[10] as number | null },
          at,
        );
        if (status !== 'on_time' && status !== 'late') continue;
        const startMs = r[1] as number;
        const answered = replyAtMs !== null && replyAtMs <= at;
        if (status === 'late' && !answered) openLate++;
        worst.push({
          wait: {
            startId: r[0] as string,
            startMs,
            stakeholderId: r[2] as string | null,
            stakeholderType: r[3] as StakeholderType,
            channel: r[4] as Channel,
            userId: r[5] as string,
          },
          status,
          waitedWorkMs: answered ? ((r[8] as number | null) ?? 0) : workingMsBetween(startMs, at, cal),
          waitedMs: answered ? ((r[7] as number | null) ?? 0) : at - startMs,
        });
      }
      worst = worst.sort(byRank).slice(0, WORST_WAITS);
    },
  );
  if (worst.length === 0) return { worst: [], openLate };
  const ids = worst.map((r) => r.wait.startId);
  const details = await ctx.db.all<{
    id: string;
    title: string | null;
    url: string | null;
    stakeholder_name: string | null;
    user_name: string | null;
  }>(sql`
    SELECT i.id, i.title, i.url, s.name AS stakeholder_name, u.name AS user_name FROM interactions i
    LEFT JOIN stakeholders s ON s.id = i.stakeholder_id AND s.org_id = i.org_id
    LEFT JOIN users u ON u.id = i.user_id AND u.org_id = i.org_id
    WHERE i.org_id = ${ctx.user.orgId} AND i.id IN (${sql.join(
      ids.map((id) => sql`${id}`),
      sql`, `,
    )})`);
  const byId = new Map(details.map((d) => [d.id, d]));
  const items = worst.map(({ wait, status, waitedWorkMs, waitedMs }) => {
    const d = byId.get(wait.startId);
    return {
      id: wait.startId,
      occurredAt: toIso(wait.startMs),
      stakeholderId: wait.stakeholderId,
      stakeholderName: d?.stakeholder_name ?? null,
      stakeholderType: wait.stakeholderType,
      channel: wait.channel,
      userId: wait.userId,
      userName: d?.user_name ?? null,
      title: d?.title ?? null,
      url: d?.url ?? null,
      status,
      waitedWorkMs,
      waitedMs,
    };
  });
  return { worst: items, openLate };
}

/* ---------- suggested actions ---------- */

const typeNames: Record<StakeholderType, { en: string; zh: string }> = {
  customer: { en: 'customer', zh: '客户' },
  partner: { en: 'partner', zh: '合作伙伴' },
  media: { en: 'media', zh: '媒体' },
  investor: { en: 'investor', zh: '投资者' },
  government: { en: 'government', zh: '政府' },
  supplier: { en: 'supplier', zh: '供应商' },
  other: { en: 'other', zh: '其他' },
};
const channelNames: Record<Channel, { en: string; zh: string }> = {
  email: { en: 'email', zh: '邮件' },
  social: { en: 'social media', zh: '社交媒体' },
  project: { en: 'project tools', zh: '项目工具' },
  phone: { en: 'phone', zh: '电话' },
  video: { en: 'video', zh: '视频' },
  in_person: { en: 'face-to-face', zh: '面谈' },
  im: { en: 'chat', zh: '即时通讯' },
};

const pct = (r: number) => `${(Math.round(r * 1000) / 10).toFixed(1)}%`;
const hours = (h: number) => `${(Math.round(h * 10) / 10).toFixed(1)}`;

function formatGoalValue(g: ReportGoal, value: number, zh: boolean): string {
  if (g.metric === 'on_time_rate' || g.metric === 'coverage') return pct(value);
  if (g.metric === 'mean_response_hours' || g.metric === 'median_response_hours')
    return zh ? `${hours(value)} 小时` : `${hours(value)} h`;
  return String(Math.round(value * 10) / 10);
}

function goalAdvice(g: ReportGoal, zh: boolean): string {
  switch (g.metric) {
    case 'on_time_rate':
    case 'mean_response_hours':
    case 'median_response_hours':
      return zh
        ? '请复核最慢的等待，并调整值班与分工，优先处理逾期消息。'
        : 'Review the slowest waits and adjust who covers the inbox; answer overdue messages first.';
    case 'coverage':
      return zh
        ? '请为逾期未联系的对象安排联系，并指定负责人。'
        : 'Schedule contact with the stakeholders past their cadence and give each an owner.';
    case 'outbound_posts':
      return zh ? '请制定发布计划，补足本期发布数量。' : 'Plan the publishing calendar to make up the missing posts.';
    case 'meetings':
      return zh ? '请预约重点视频会议。' : 'Book the key video meetings.';
  }
}

/** Actions that follow from the gaps, in the report's language, most important first. */
export function suggestActions(
  r: Omit<PeriodReport, 'actions'>,
  lang: ReportLanguage,
  openLate: number,
): PeriodReport['actions'] {
  const zh = lang === 'zh-CN';
  const actions: PeriodReport['actions'] = [];
  for (const g of r.goals) {
    if ((g.status !== 'missed' && g.status !== 'near') || g.actual === null) continue;
    const actual = formatGoalValue(g, g.actual, zh);
    const target = `${g.comparator} ${formatGoalValue(g, g.periodTarget, zh)}`;
    const text =
      g.status === 'missed'
        ? zh
          ? `未达成目标「${g.label}」：实际 ${actual}，目标 ${target}。${goalAdvice(g, zh)}`
          : `Goal missed — "${g.label}": ${actual} against ${target}. ${goalAdvice(g, zh)}`
        : zh
          ? `目标「${g.label}」接近未达成：实际 ${actual}，目标 ${target}。请及早关注。`
          : `Goal at risk — "${g.label}": ${actual} against ${target}. Act before it is missed.`;
    actions.push({ kind: g.status === 'missed' ? 'missed_goal' : 'near_goal', text });
  }
  const late = r.response.total.late;
  if (late > 0) {
    actions.push({
      kind: 'late_backlog',
      text:
        openLate > 0
          ? zh
            ? `${late} 个等待超出时限，其中 ${openLate} 个至今未回复：请先答复这些消息，再复盘超时原因。`
            : `${late} waits went past their SLA and ${openLate} of them are still unanswered: answer those first, then review why they ran late.`
          : zh
            ? `${late} 个等待超时后才回复：请复盘“最慢等待”中的案例。`
            : `${late} waits were answered after their SLA: review the cases under the worst waits.`,
    });
  }
  const overdue = r.gaps.overdueStakeholders;
  if (overdue.length > 0) {
    const names = overdue.slice(0, 5).map((s) => s.name);
    const more = overdue.length - names.length;
    actions.push({
      kind: 'overdue_stakeholders',
      text: zh
        ? `${overdue.length} 个联系对象已超过联系周期：${names.join('、')}${more > 0 ? ` 等` : ''}。请本周内联系。`
        : `${overdue.length} stakeholders are past their cadence: ${names.join(', ')}${more > 0 ? ` and ${more} more` : ''}. Contact them this week.`,
    });
  }
  for (const row of r.response.byTypeChannel) {
    const decided = row.stats.onTime + row.stats.late;
    if (decided < 3 || row.stats.onTimeRate === null || row.stats.onTimeRate >= 0.9) continue;
    const type = typeNames[row.stakeholderType];
    const channel = channelNames[row.channel];
    actions.push({
      kind: 'slow_channel',
      text: zh
        ? `${type.zh}·${channel.zh} 的按时响应率仅 ${pct(row.stats.onTimeRate)}（${decided} 个等待）：请检查该渠道的分工与提醒。`
        : `Only ${pct(row.stats.onTimeRate)} of ${type.en} ${channel.en} waits were answered on time (${decided} waits): check who watches this channel and its reminders.`,
    });
  }
  const prev = r.comparison.previous.total;
  const cur = r.comparison.current.total;
  if (prev >= 10 && cur < prev * 0.7) {
    const drop = 1 - cur / prev;
    actions.push({
      kind: 'volume_drop',
      text: zh
        ? `本期沟通量较上一期下降 ${pct(drop)}（${prev} → ${cur}）：请确认是否有沟通未记录，或联系是否减少。`
        : `Logged communication fell ${pct(drop)} from the previous period (${prev} → ${cur}): check whether conversations go unlogged or contact has slowed.`,
    });
  }
  return actions;
}
