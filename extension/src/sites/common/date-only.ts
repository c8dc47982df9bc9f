import { DateTime } from 'luxon';
import { isoInZone, monthFromName } from './time';
import { collapseWhitespace } from './visible-text';

/**
 * Dates without a time (a due date) and machine-readable date attributes, as ISO 8601 instants with the zone's
 * offset. A date-only value is 00:00:00 of that day in the zone the page renders in (docs/architecture.md
 * "Capture contract"; the same rule as a due date in the issue tracker's own day).
 */

type DayParts = { year: number; month: number; day: number };

function startOfDay(parts: DayParts, timeZone: string): string | null {
  const dt = DateTime.fromObject({ ...parts, hour: 0, minute: 0, second: 0, millisecond: 0 }, { zone: timeZone });
  return dt.isValid ? dt.toFormat("yyyy-MM-dd'T'HH:mm:ssZZ") : null;
}

function twoDigitYear(y: string): number {
  return y.length === 2 ? 2000 + Number(y) : Number(y);
}

type DayRule = { pattern: RegExp; parts: (g: Record<string, string | undefined>, thisYear: number) => DayParts | null };

const byName = (g: Record<string, string | undefined>, thisYear: number): DayParts | null => {
  const month = monthFromName(g.monthName ?? '');
  if (!month) return null;
  return { year: g.year ? twoDigitYear(g.year) : thisYear, month, day: Number(g.day) };
};
const byNumber = (g: Record<string, string | undefined>, thisYear: number): DayParts => ({
  year: g.year ? Number(g.year) : thisYear,
  month: Number(g.month),
  day: Number(g.day),
});

const weekday = String.raw`(?:[A-Za-z]{2,9}\.?,?\s+)?`;
const dayRules: readonly DayRule[] = [
  // "2026-03-27", "2026/3/27", "2026.3.27"
  { pattern: /^(?<year>\d{4})[-/.](?<month>\d{1,2})[-/.](?<day>\d{1,2})$/, parts: byNumber },
  // "Mar 27, 2026", "March 27, 2026", "Fri, Mar 27, 2026", "Mar 27" (this year)
  {
    pattern: new RegExp(`^${weekday}(?<monthName>[A-Za-z]{3,9})\\.?\\s+(?<day>\\d{1,2})(?:,?\\s+(?<year>\\d{4}))?$`),
    parts: byName,
  },
  // "27 Mar 2026", "27/Mar/26" (Jira's classic format)
  { pattern: /^(?<day>\d{1,2})[\s/-](?<monthName>[A-Za-z]{3,9})\.?(?:[\s/-](?<year>\d{2}|\d{4}))?$/, parts: byName },
  // "2026年3月27日", "3月27日" (this year), with an optional weekday "周五"/"星期五"
  {
    pattern: /^(?:(?<year>\d{4})年)?(?<month>\d{1,2})月(?<day>\d{1,2})日(?:\s*(?:周|星期)[一二三四五六日天])?$/,
    parts: byNumber,
  },
];

/**
 * A date as a page prints it without a time ("Mar 27, 2026", "27/Mar/26", "2026-03-27", "2026年3月27日"), as
 * 00:00:00 of that day in `timeZone`; a missing year is the year of `now` in the zone. Null when the text is
 * none of these or no real day.
 */
export function parseDateOnlyText(input: string, ctx: { now: Date; timeZone: string }): string | null {
  const text = collapseWhitespace(input);
  const thisYear = DateTime.fromJSDate(ctx.now, { zone: ctx.timeZone }).year;
  for (const rule of dayRules) {
    const m = rule.pattern.exec(text);
    if (!m) continue;
    const parts = rule.parts(m.groups ?? {}, thisYear);
    return parts ? startOfDay(parts, ctx.timeZone) : null;
  }
  return null;
}

/**
 * A machine-readable date attribute (`datetime`, `data-*`): a bare day "2026-03-27" is 00:00:00 of that day in
 * `timeZone`; a date-time with an offset or "Z" (or epoch milliseconds) is that instant, shown with the zone's
 * offset. Null for anything else: a date-time without an offset names no instant.
 */
export function parseDateAttr(value: string | null | undefined, timeZone: string): string | null {
  const text = (value ?? '').trim();
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (day) return startOfDay({ year: Number(day[1]), month: Number(day[2]), day: Number(day[3]) }, timeZone);
  if (/^\d{12,14}$/.test(text)) return isoInZone(Number(text), timeZone);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/i.test(text)) return null;
  const dt = DateTime.fromISO(text, { setZone: true });
  return dt.isValid ? isoInZone(dt.toMillis(), timeZone) : null;
}
