import { DateTime } from 'luxon';
import {
  goalMetricUnits,
  type Channel,
  type DurationSpec,
  type GoalStatus,
  type ReportGoal,
  type StakeholderType,
} from '@comms-log/shared';
import { translate, type Lang, type MessageKey } from '../i18n';
import { channelKey, stakeholderTypeKey } from '../label-keys';

/*
 * Formatters of figures in one language, shared by the dashboard's views. The report document itself (sections,
 * tables, charts) is built by `@comms-log/shared`'s reportDocument in the report's language.
 */

const statusKeys: Record<GoalStatus, MessageKey> = {
  met: 'dashGoalMet',
  near: 'dashGoalNear',
  missed: 'dashGoalMissed',
  no_data: 'dashNoData',
};
const waitStatusKeys: Record<'on_time' | 'late' | 'pending' | 'closed', MessageKey> = {
  on_time: 'dashOnTime',
  late: 'dashLate',
  pending: 'dashPending',
  closed: 'dashClosed',
};
const comparatorSymbols: Record<ReportGoal['comparator'], string> = { '>=': '≥', '<=': '≤', '>': '>', '<': '<' };
const unitKeys: Record<DurationSpec['unit'], MessageKey> = {
  minutes: 'dashUnitMinutes',
  hours: 'dashUnitHours',
  working_hours: 'dashUnitWorkingHours',
  working_days: 'dashUnitWorkingDays',
};

/** Formatters in one language, shared by the report's renderers and the dashboard. */
export function reportFormat(lang: Lang) {
  const t = (key: MessageKey, ...subs: (string | number)[]) => translate(lang, key, ...subs);
  const round1 = (n: number) => (Math.round(n * 10) / 10).toFixed(1);
  return {
    t,
    type: (x: StakeholderType) => t(stakeholderTypeKey[x]),
    channel: (x: Channel) => t(channelKey[x]),
    goalStatus: (s: GoalStatus) => t(statusKeys[s]),
    waitStatus: (s: keyof typeof waitStatusKeys) => t(waitStatusKeys[s]),
    /** Hours with one decimal, or an em dash when there is no figure. */
    hours: (ms: number | null) => (ms === null ? '—' : round1(ms / 3_600_000)),
    pct: (r: number | null) => (r === null ? '—' : `${round1(r * 100)}%`),
    sla: (s: DurationSpec | null) => (s ? `${s.value} ${t(unitKeys[s.unit])}` : '—'),
    dateTime: (iso: string, zone: string) => DateTime.fromISO(iso, { zone }).toFormat('yyyy-LL-dd HH:mm'),
    date: (iso: string, zone: string) => DateTime.fromISO(iso, { zone }).toFormat('yyyy-LL-dd'),
    goalValue(g: Pick<ReportGoal, 'metric'>, value: number | null): string {
      if (value === null) return '—';
      const unit = goalMetricUnits[g.metric];
      if (unit === 'rate') return `${round1(value * 100)}%`;
      if (unit === 'hours') return t('dashHoursValue', round1(value));
      if (unit === 'working_days') return `${round1(value)} ${t('dashUnitWorkingDays')}`;
      return String(Math.round(value * 10) / 10);
    },
    comparator: (c: ReportGoal['comparator']) => comparatorSymbols[c],
  };
}
