import { goalMetricUnits, type PeriodReport, type ReportGoal } from '@comms-log/shared';
import type { ReportMessages } from './messages/types';

/* Suggested actions: what follows from the report's gaps, most important first, in the report's language. */

type Actions = PeriodReport['actions'];

const pct = (r: number) => `${(Math.round(r * 1000) / 10).toFixed(1)}%`;
const oneDecimal = (n: number) => `${(Math.round(n * 10) / 10).toFixed(1)}`;

function formatGoalValue(g: ReportGoal, value: number, t: ReportMessages): string {
  const unit = goalMetricUnits[g.metric];
  if (unit === 'rate') return pct(value);
  if (unit === 'hours') return t.hours(oneDecimal(value));
  if (unit === 'working_days') return t.workingDays(oneDecimal(value));
  return String(Math.round(value * 10) / 10);
}

function goalActions(goals: ReportGoal[], t: ReportMessages): Actions {
  const actions: Actions = [];
  for (const g of goals) {
    if ((g.status !== 'missed' && g.status !== 'near') || g.actual === null) continue;
    const m = {
      label: g.label,
      actual: formatGoalValue(g, g.actual, t),
      target: `${g.comparator} ${formatGoalValue(g, g.periodTarget, t)}`,
    };
    actions.push(
      g.status === 'missed'
        ? { kind: 'missed_goal', text: t.missedGoal({ ...m, advice: t.goalAdvice[g.metric] }) }
        : { kind: 'near_goal', text: t.nearGoal(m) },
    );
  }
  return actions;
}

function slowChannelActions(rows: PeriodReport['response']['byTypeChannel'], t: ReportMessages): Actions {
  const actions: Actions = [];
  for (const row of rows) {
    const decided = row.stats.onTime + row.stats.late;
    if (decided < 3 || row.stats.onTimeRate === null || row.stats.onTimeRate >= 0.9) continue;
    const type = t.stakeholderType[row.stakeholderType];
    const channel = t.channel[row.channel];
    actions.push({
      kind: 'slow_channel',
      text: t.slowChannel({ type, channel, rate: pct(row.stats.onTimeRate), decided }),
    });
  }
  return actions;
}

/** Actions that follow from the gaps, in the report's language (`t`), most important first. */
export function suggestActions(
  r: Omit<PeriodReport, 'actions' | 'sections'>,
  t: ReportMessages,
  openLate: number,
): Actions {
  const actions = goalActions(r.goals, t);
  const late = r.response.total.late;
  if (late > 0) {
    actions.push({ kind: 'late_backlog', text: openLate > 0 ? t.lateOpen(late, openLate) : t.lateAnswered(late) });
  }
  const overdue = r.gaps.overdueStakeholders;
  if (overdue.length > 0) {
    const names = overdue.slice(0, 5).map((s) => s.name);
    actions.push({
      kind: 'overdue_stakeholders',
      text: t.overdueStakeholders(overdue.length, names, overdue.length - names.length),
    });
  }
  actions.push(...slowChannelActions(r.response.byTypeChannel, t));
  const previous = r.comparison.previous.total;
  const current = r.comparison.current.total;
  if (previous >= 10 && current < previous * 0.7) {
    actions.push({ kind: 'volume_drop', text: t.volumeDrop({ drop: pct(1 - current / previous), previous, current }) });
  }
  return actions;
}
