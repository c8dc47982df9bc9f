import type { Channel, Goal, GoalMetric, StakeholderType } from '@comms-log/shared';

/**
 * The prose of a period report in one language: names, units and the sentences of the suggested actions. Figures
 * come in already formatted (`12.5%`, `3.5`) so that every language shows the same numbers.
 */
export interface ReportMessages {
  stakeholderType: Record<StakeholderType, string>;
  channel: Record<Channel, string>;
  /** A goal's label in this language, or the other one's when it has none. */
  goalLabel(label: Goal['label']): string;
  /** A number of hours with its unit. */
  hours(value: string): string;
  /** A number of working days with its unit. */
  workingDays(value: string): string;
  /** What to do about a goal of this metric that is missed. */
  goalAdvice: Record<GoalMetric, string>;
  missedGoal(m: { label: string; actual: string; target: string; advice: string }): string;
  nearGoal(m: { label: string; actual: string; target: string }): string;
  /** `late` waits went past their SLA, `openLate` of them still unanswered (more than none). */
  lateOpen(late: number, openLate: number): string;
  /** `late` waits went past their SLA, all answered since. */
  lateAnswered(late: number): string;
  /** `count` stakeholders past their cadence: the first `names`, `more` not named. */
  overdueStakeholders(count: number, names: string[], more: number): string;
  slowChannel(m: { type: string; channel: string; rate: string; decided: number }): string;
  volumeDrop(m: { drop: string; previous: number; current: number }): string;
}
