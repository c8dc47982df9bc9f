import type { WeekdayKey } from '@comms-log/shared';
import type { MessageKey } from '../../../lib/i18n';
import { useDashboard } from '../dashboard-context';
import type { PlanDraft } from './use-plan-draft';

const weekdayKeys: MessageKey[] = ['dashMon', 'dashTue', 'dashWed', 'dashThu', 'dashFri', 'dashSat', 'dashSun'];

/**
 * The working periods of the calendar (docs/metrics.md "Working time"): breaks in the usual day (a lunch break),
 * and, for a working weekday that keeps other hours (a short Friday), its own periods.
 */
export function CalendarPeriods({ draft }: { draft: PlanDraft }) {
  const { t } = useDashboard();
  const { periods, setPeriods } = draft;
  const setWeekday = (day: WeekdayKey, text: string) =>
    setPeriods({ ...periods, weekdays: { ...periods.weekdays, [day]: text } });
  return (
    <fieldset className="contract-periods">
      <legend>{t('contractPeriodsTitle')}</legend>
      <p className="pg-muted dash-hint">{t('contractPeriodsHint')}</p>
      <div className="pg-field">
        <label htmlFor="dash-cal-breaks">{t('contractBreaks')}</label>
        <input
          id="dash-cal-breaks"
          value={periods.breaks}
          placeholder="12:00-13:30"
          onChange={(e) => setPeriods({ ...periods, breaks: e.target.value })}
        />
      </div>
      {draft.plan.calendar.workDays.map((day) => {
        const key = String(day) as WeekdayKey;
        return (
          <div className="pg-field" key={key}>
            <label htmlFor={`dash-cal-day-${key}`}>{t('contractWeekdayHours', t(weekdayKeys[day - 1]!))}</label>
            <input
              id={`dash-cal-day-${key}`}
              value={periods.weekdays[key] ?? ''}
              placeholder={t('contractUsualDay')}
              onChange={(e) => setWeekday(key, e.target.value)}
            />
          </div>
        );
      })}
    </fieldset>
  );
}
