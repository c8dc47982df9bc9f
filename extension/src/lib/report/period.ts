import { DateTime } from 'luxon';

/**
 * The dashboard's periods, as the [from, to) instants the metrics procedures take. Days, weeks (ISO, from
 * Monday), months and quarters are those of the plan calendar's time zone, as the server counts them.
 */
export type PeriodPreset = 'week' | 'month' | 'quarter' | 'last90' | 'custom';
export const periodPresets: readonly PeriodPreset[] = ['week', 'month', 'quarter', 'last90', 'custom'];

export interface Period {
  from: string;
  to: string;
}

const iso = (d: DateTime): string => d.toISO({ suppressMilliseconds: true })!;

/** The period a preset names, around `now`: the whole current week/month/quarter, or the last 90 days including today. */
export function presetPeriod(preset: Exclude<PeriodPreset, 'custom'>, now: Date, zone: string): Period {
  const today = DateTime.fromJSDate(now, { zone }).startOf('day');
  if (preset === 'last90') return { from: iso(today.minus({ days: 89 })), to: iso(today.plus({ days: 1 })) };
  const unit = preset;
  const start = today.startOf(unit);
  return { from: iso(start), to: iso(start.plus({ [`${unit}s`]: 1 })) };
}

/** A custom period from two calendar dates (YYYY-MM-DD), both days included; null when not a valid, ordered pair. */
export function customPeriod(fromDate: string, toDate: string, zone: string): Period | null {
  const a = DateTime.fromISO(fromDate, { zone });
  const b = DateTime.fromISO(toDate, { zone });
  if (!a.isValid || !b.isValid || b < a) return null;
  return { from: iso(a.startOf('day')), to: iso(b.startOf('day').plus({ days: 1 })) };
}

/** The calendar dates a period covers (inclusive), for date inputs and titles. */
export function periodDates(p: Period, zone: string): { first: string; last: string } {
  const from = DateTime.fromISO(p.from, { zone });
  const to = DateTime.fromISO(p.to, { zone }).minus({ milliseconds: 1 });
  return { first: from.toISODate()!, last: to.toISODate()! };
}

/** The trend's granularity for a period: days up to ~2 months, weeks up to ~9 months, months beyond. */
export function trendUnit(p: Period): 'day' | 'week' | 'month' {
  const days = (Date.parse(p.to) - Date.parse(p.from)) / 86_400_000;
  return days <= 62 ? 'day' : days <= 270 ? 'week' : 'month';
}
