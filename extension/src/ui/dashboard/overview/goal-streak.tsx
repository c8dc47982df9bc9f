import { DateTime } from 'luxon';
import type { ReportGoal } from '@comms-log/shared';
import { reportFormat } from '../../../lib/report/tables';
import { useDashboard } from '../dashboard-context';

type Streak = NonNullable<ReportGoal['streak']>;

/** A period's short name in the plan's zone: "2026-03-02" (week), "2026-03" (month), "2026 Q1" (quarter). */
function periodName(from: string, goalPeriod: ReportGoal['goalPeriod'], zone: string): string {
  const d = DateTime.fromISO(from, { zone });
  if (goalPeriod === 'quarter') return `${d.year} Q${d.quarter}`;
  return d.toFormat(goalPeriod === 'month' ? 'yyyy-LL' : 'yyyy-LL-dd');
}

/**
 * A streak goal's periods, oldest first: a chip each with ✓ (met), ✗ (missed) or – (no data) and its actual, then
 * how many in a row met the target of how many needed.
 */
export function GoalStreak({ goal: g, streak }: { goal: ReportGoal; streak: Streak }) {
  const { t, lang, zone } = useDashboard();
  const f = reportFormat(lang);
  return (
    <div className="dash-streak">
      <ul className="dash-streak-periods" aria-label={t('dashActStreakListAria', g.label)}>
        {streak.periods.map((p) => {
          const name = periodName(p.from, g.goalPeriod, zone);
          const actual = f.goalValue(g, p.actual);
          const state = p.met === null ? 'none' : p.met ? 'met' : 'missed';
          const word = t(
            state === 'met' ? 'dashActStreakMet' : state === 'missed' ? 'dashActStreakMissed' : 'dashActStreakNoData',
          );
          const tone = state === 'met' ? 'green' : state === 'missed' ? 'red' : 'grey';
          return (
            <li
              key={p.from}
              className={`dash-chip dash-chip-${tone}`}
              aria-label={t('dashActStreakPeriodAria', name, word, actual, p.count)}
              title={t('dashActStreakPeriodAria', name, word, actual, p.count)}
            >
              {name} {state === 'met' ? '✓' : state === 'missed' ? '✗' : '–'} {actual}
            </li>
          );
        })}
      </ul>
      <span className="pg-muted">{t('dashActStreakRun', streak.run, streak.consecutivePeriods)}</span>
    </div>
  );
}
