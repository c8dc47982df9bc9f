import type { MessageKey } from '../../../lib/i18n';
import { useDashboard } from '../dashboard-context';
import { CalendarPeriods } from './calendar-periods';
import { PublicHolidaysLoader } from './public-holidays-loader';
import type { PlanDraft } from './use-plan-draft';

const weekdayKeys: MessageKey[] = ['dashMon', 'dashTue', 'dashWed', 'dashThu', 'dashFri', 'dashSat', 'dashSun'];
const zones = [
  'Asia/Shanghai',
  'Asia/Hong_Kong',
  'Asia/Singapore',
  'Asia/Tokyo',
  'Europe/London',
  'Europe/Berlin',
  'America/New_York',
  'America/Los_Angeles',
  'UTC',
];

/** The working calendar working time is measured in: zone, hours, working days, holidays and extra working days. */
export function CalendarFieldset({ draft }: { draft: PlanDraft }) {
  const { t } = useDashboard();
  const cal = draft.plan.calendar;
  return (
    <fieldset>
      <legend>{t('dashCalendarTitle')}</legend>
      <p className="pg-muted dash-hint">{t('dashCalendarHint')}</p>
      <div className="pg-row">
        <div className="pg-field">
          <label htmlFor="dash-cal-tz">{t('dashTimeZone')}</label>
          <input
            id="dash-cal-tz"
            list="dash-zones"
            value={cal.timeZone}
            onChange={(e) => draft.updateCalendar((c) => ({ ...c, timeZone: e.target.value.trim() }))}
          />
          <datalist id="dash-zones">
            {zones.map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
        </div>
        <div className="pg-field">
          <label htmlFor="dash-cal-start">{t('dashWorkStart')}</label>
          <input
            id="dash-cal-start"
            type="time"
            value={cal.start}
            onChange={(e) => draft.updateCalendar((c) => ({ ...c, start: e.target.value }))}
          />
        </div>
        <div className="pg-field">
          <label htmlFor="dash-cal-end">{t('dashWorkEnd')}</label>
          <input
            id="dash-cal-end"
            type="time"
            value={cal.end}
            onChange={(e) => draft.updateCalendar((c) => ({ ...c, end: e.target.value }))}
          />
        </div>
      </div>
      <WorkDays draft={draft} />
      <CalendarPeriods draft={draft} />
      <PublicHolidaysLoader draft={draft} />
      <div className="pg-row">
        <div className="pg-field">
          <label htmlFor="dash-cal-holidays">{t('dashHolidays')}</label>
          <textarea
            id="dash-cal-holidays"
            rows={5}
            value={draft.holidays}
            onChange={(e) => draft.setHolidays(e.target.value)}
            placeholder="2026-10-01"
          />
        </div>
        <div className="pg-field">
          <label htmlFor="dash-cal-extra">{t('dashExtraWorkDays')}</label>
          <textarea
            id="dash-cal-extra"
            rows={5}
            value={draft.extraDays}
            onChange={(e) => draft.setExtraDays(e.target.value)}
            placeholder="2026-10-11"
          />
        </div>
      </div>
    </fieldset>
  );
}

/** A checkbox per weekday (1 = Monday … 7 = Sunday). */
function WorkDays({ draft }: { draft: PlanDraft }) {
  const { t } = useDashboard();
  const toggle = (day: number, on: boolean) =>
    draft.updateCalendar((c) => {
      const days = new Set(c.workDays);
      if (on) days.add(day);
      else days.delete(day);
      return { ...c, workDays: [...days].sort() };
    });
  return (
    <fieldset aria-label={t('dashWorkDays')} className="dash-weekdays">
      <span className="cl-label">{t('dashWorkDays')}</span>
      {weekdayKeys.map((k, i) => (
        <label key={k}>
          <input
            type="checkbox"
            checked={draft.plan.calendar.workDays.includes(i + 1)}
            onChange={(e) => toggle(i + 1, e.target.checked)}
          />
          {t(k)}
        </label>
      ))}
    </fieldset>
  );
}
