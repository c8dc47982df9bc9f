import type Holidays from 'date-holidays';

/*
 * The public holidays and make-up working days of a country, from maintained packages (docs/metrics.md "Working
 * time"): mainland China from chinese-days, which follows the State Council's yearly notice, make-up days (调休)
 * included; elsewhere date-holidays' public holidays (it has no make-up days). Server only: the packages are large,
 * so this file is its own entry of the shared package, not part of its index, and loads them on first use (loading
 * date-holidays takes ~0.3 s, which a server start or a CLI command should not pay for nothing).
 */

type HolidaysClass = typeof Holidays;
let chinese: Promise<(date: string) => boolean> | null = null;
let others: Promise<HolidaysClass> | null = null;
/** chinese-days' `isWorkday`, loaded on first use. */
const chinaWorkday = () => {
  chinese ??= import('chinese-days').then((m) => m.default.isWorkday);
  return chinese;
};
/** date-holidays, loaded on first use. */
const holidaysClass = () => {
  others ??= import('date-holidays').then((m) => m.default);
  return others;
};

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
function chinaDays(isWorkday: (date: string) => boolean, year: number) {
  const holidays: string[] = [];
  const extraWorkDays: string[] = [];
  for (const { date, weekday } of datesOf(year)) {
    const working = isWorkday(date);
    if (weekday <= 5 && !working) holidays.push(date);
    if (weekday >= 6 && working) extraWorkDays.push(date);
  }
  return { holidays, extraWorkDays };
}

/** Any other country: the public holidays date-holidays knows (none for a country it does not know). */
function otherCountryDays(H: HolidaysClass, country: string, year: number): string[] {
  if (!(country in countriesOf(H))) return [];
  const days = new H(country).getHolidays(year) ?? [];
  return [...new Set(days.filter((h) => h.type === 'public').map((h) => h.date.slice(0, 10)))].sort();
}

let countries: Record<string, string> | null = null;
const countriesOf = (H: HolidaysClass): Record<string, string> => {
  countries ??= new H().getCountries('en') ?? {};
  return countries;
};

/** The countries `publicHolidays` knows, by ISO 3166 code, with their English names. */
export async function holidayCountries(): Promise<Record<string, string>> {
  return countriesOf(await holidaysClass());
}

/** Public holidays and make-up working days of `country` (ISO 3166 code, e.g. CN) in the years `from`…`to`. */
export async function publicHolidays(country: string, from: number, to: number): Promise<PublicHolidays> {
  const code = country.toUpperCase();
  const holidays: string[] = [];
  const extraWorkDays: string[] = [];
  if (code === 'CN') {
    const isWorkday = await chinaWorkday();
    for (let year = from; year <= to; year++) {
      const days = chinaDays(isWorkday, year);
      holidays.push(...days.holidays);
      extraWorkDays.push(...days.extraWorkDays);
    }
    return { country: code, holidays, extraWorkDays, source: 'chinese-days' };
  }
  const H = await holidaysClass();
  for (let year = from; year <= to; year++) holidays.push(...otherCountryDays(H, code, year));
  return { country: code, holidays, extraWorkDays, source: 'date-holidays' };
}

/** Zones whose country is known without loading every country's zones. */
const knownZones = new Map([
  ['Asia/Shanghai', 'CN'],
  ['Asia/Urumqi', 'CN'],
  ['PRC', 'CN'],
]);
let zoneCountries: Map<string, string> | null = null;

/**
 * The country of an IANA time zone (Asia/Shanghai → CN), from date-holidays' zones of each country; null for a zone
 * no country lists (e.g. UTC). The zones of every country are read once (~0.5 s), on the first zone not known above.
 */
export async function countryOfTimeZone(timeZone: string): Promise<string | null> {
  const known = knownZones.get(timeZone);
  if (known) return known;
  if (!zoneCountries) {
    const H = await holidaysClass();
    zoneCountries = new Map();
    for (const code of Object.keys(countriesOf(H))) {
      for (const zone of new H(code).getTimezones() ?? []) if (!zoneCountries.has(zone)) zoneCountries.set(zone, code);
    }
  }
  return zoneCountries.get(timeZone) ?? null;
}
