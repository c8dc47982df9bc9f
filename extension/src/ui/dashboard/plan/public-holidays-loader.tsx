import { useState } from 'react';
import { toStoredError } from '../../../lib/api/error';
import { withApi } from '../../../lib/api/session';
import { errorText } from '../../labels';
import { useDashboard } from '../dashboard-context';
import type { PlanDraft } from './use-plan-draft';

/** Dates of a box and of a loaded list together, each once, in order, one per line. */
const merged = (text: string, loaded: readonly string[]) =>
  [...new Set([...text.split(/[\s,;]+/).filter(Boolean), ...loaded])].sort().join('\n');

/**
 * Loads a country's public holidays and make-up working days (from maintained lists on the server) into the
 * calendar's boxes, where they stay editable; nothing is saved until the plan is.
 */
export function PublicHolidaysLoader({ draft }: { draft: PlanDraft }) {
  const { t } = useDashboard();
  const thisYear = new Date().getFullYear();
  const [country, setCountry] = useState('');
  const [year, setYear] = useState(thisYear);
  const [status, setStatus] = useState('');
  const load = async () => {
    setStatus(t('contractHolidaysLoading'));
    try {
      const days = await withApi((c) =>
        c.plan.publicHolidays.query({ ...(country.trim() ? { country: country.trim() } : {}), from: year, to: year }),
      );
      if (!days.country) return setStatus(t('contractHolidaysNoCountry'));
      draft.setHolidays(merged(draft.holidays, days.holidays));
      draft.setExtraDays(merged(draft.extraDays, days.extraWorkDays));
      setStatus(t('contractHolidaysLoaded', days.holidays.length, days.extraWorkDays.length, days.country, year));
    } catch (e) {
      setStatus(errorText(t, toStoredError(e)));
    }
  };
  return (
    <div className="pg-row contract-holidays">
      <div className="pg-field">
        <label htmlFor="dash-cal-country">{t('contractHolidaysCountry')}</label>
        <input
          id="dash-cal-country"
          value={country}
          maxLength={2}
          placeholder="CN"
          onChange={(e) => setCountry(e.target.value.toUpperCase())}
        />
      </div>
      <div className="pg-field">
        <label htmlFor="dash-cal-year">{t('contractHolidaysYear')}</label>
        <input
          id="dash-cal-year"
          type="number"
          min={1970}
          max={2100}
          value={year}
          onChange={(e) => setYear(Number(e.target.value) || thisYear)}
        />
      </div>
      <button type="button" className="pg-button" onClick={() => void load()}>
        {t('contractHolidaysLoad')}
      </button>
      <p className="pg-muted" role="status">
        {status}
      </p>
    </div>
  );
}
