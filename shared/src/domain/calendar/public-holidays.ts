import chineseDays from 'chinese-days';
import Holidays from 'date-holidays';

/*
 * The public holidays and make-up working days of a country, from maintained packages (docs/metrics.md "Working
 * time"): mainland China from chinese-days, which follows the State Council's yearly notice, make-up days (调休)
 * included; elsewhere date-holidays' public holidays (it has no make-up days). Server only: the packages are large,
 * so this file is its own entry of the shared package, not part of its index.
 */

/** A country's days off and make-up working days in some years, as a working calendar lists them. */
export interface PublicHolidays {
  country: string;
  holidays: string[];
  extraWorkDays: string[];
  /** Which package the days came from. */
  source: 'chinese-days' | 'date-holidays';
}

const DAY_MS = 86_400_000;

/** Every date of `year`, YYYY-MM-DD, with its ISO weekday. */
function datesOf(year: number): { date: string; weekday: number }[] {
  const out: { date: string; weekday: number }[] = [];
  for (let ms = Date.UTC(year, 0, 1); ms < Date.UTC(year + 1, 0, 1); ms += DAY_MS) {
    const d = new Date(ms);
    out.push({ date: d.toISOString().slice(0, 10), weekday: d.getUTCDay() === 0 ? 7 : d.getUTCDay() });
  }
  return out;
}

/** Mainland China: days off on a weekday are holidays; working weekends are make-up days. */
function chinaDays(year: number): { holidays: string[]; extraWorkDays: string[] } {
  const holidays: string[] = [];
  const extraWorkDays: string[] = [];
  for (const { date, weekday } of datesOf(year)) {
    const working = chineseDays.isWorkday(date);
    if (weekday <= 5 && !working) holidays.push(date);
    if (weekday >= 6 && working) extraWorkDays.push(date);
  }
  return { holidays, extraWorkDays };
}

/** Any other country: the public holidays date-holidays knows (none for a country it does not know). */
function otherCountryDays(country: string, year: number): string[] {
  if (!(country in holidayCountries())) return [];
  const days = new Holidays(country).getHolidays(year) ?? [];
  return [...new Set(days.filter((h) => h.type === 'public').map((h) => h.date.slice(0, 10)))].sort();
}

let countries: Record<string, string> | null = null;

/** The countries `publicHolidays` knows, by ISO 3166 code, with their English names. */
export function holidayCountries(): Record<string, string> {
  countries ??= new Holidays().getCountries('en') ?? {};
  return countries;
}

/** Public holidays and make-up working days of `country` (ISO 3166 code, e.g. CN) in the years `from`…`to`. */
export function publicHolidays(country: string, from: number, to: number): PublicHolidays {
  const code = country.toUpperCase();
  const holidays: string[] = [];
  const extraWorkDays: string[] = [];
  for (let year = from; year <= to; year++) {
    if (code === 'CN') {
      const days = chinaDays(year);
      holidays.push(...days.holidays);
      extraWorkDays.push(...days.extraWorkDays);
    } else holidays.push(...otherCountryDays(code, year));
  }
  return { country: code, holidays, extraWorkDays, source: code === 'CN' ? 'chinese-days' : 'date-holidays' };
}

let zoneCountries: Map<string, string> | null = null;

/**
 * The country of an IANA time zone (Asia/Shanghai → CN), from date-holidays' zones of each country; null for a zone
 * no country lists (e.g. UTC). Built once (~1 s), on the first call.
 */
export function countryOfTimeZone(timeZone: string): string | null {
  if (!zoneCountries) {
    zoneCountries = new Map([
      ['Asia/Shanghai', 'CN'],
      ['Asia/Urumqi', 'CN'],
      ['PRC', 'CN'],
    ]);
    for (const code of Object.keys(holidayCountries())) {
      for (const zone of new Holidays(code).getTimezones() ?? [])
        if (!zoneCountries.has(zone)) zoneCountries.set(zone, code);
    }
  }
  return zoneCountries.get(timeZone) ?? null;
}
