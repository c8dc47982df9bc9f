import { monthFromName, weekday } from './time-words';
import { collapseWhitespace } from './visible-text';
import { cjkDateMarks } from './words';
import { isoInZone, wallClockAt, wallClockToMs } from './zone';

/**
 * Dates without a time (a due date) and machine-readable date attributes, as ISO 8601 instants with the zone's
 * offset. A date-only value is 00:00:00 of that day in the zone the page renders in (docs/architecture.md
 * "Capture contract"; the same rule as a due date in the issue tracker's own day).
 */

type DayParts = { year: number; month: number; day: number };
type Groups = Record<string, string | undefined>;

function startOfDay(parts: DayParts, timeZone: string): string | null {
  const ms = wallClockToMs({ ...parts, hour: 0, minute: 0, second: 0 }, timeZone);
  return ms === null ? null : isoInZone(ms, timeZone);
}

function twoDigitYear(y: string): number {
  return y.length === 2 ? 2000 + Number(y) : Number(y);
}

type DayRule = { pattern: RegExp; parts: (g: Groups, thisYear: number) => DayParts | null };

const byName = (g: Groups, thisYear: number): DayParts | null => {
  const month = monthFromName(g.monthName ?? '');
  if (!month) return null;
  return { year: g.year ? twoDigitYear(g.year) : thisYear, month, day: Number(g.day) };
};
const byNumber = (g: Groups, thisYear: number): DayParts => ({
  year: g.year ? Number(g.year) : thisYear,
  month: Number(g.month),
  day: Number(g.day),
});

const latinWeekday = String.raw`(?:[A-Za-z]{2,9}\.?,?\s+)?`;
const cjkWeekdayAfter = String.raw`(?:\s*${weekday})?`;
const { year: Y, month: M, day: D } = cjkDateMarks;
const dayRules: readonly DayRule[] = [
  // "2026-03-27", "2026/3/27", "2026.3.27", "2026/3/27 (周五)"
  {
    pattern: new RegExp(String.raw`^(?<year>\d{4})[-/.](?<month>\d{1,2})[-/.](?<day>\d{1,2})${cjkWeekdayAfter}$`),
    parts: byNumber,
  },
  // "Mar 27, 2026", "March 27, 2026", "Fri, Mar 27, 2026", "Mar 27" (this year)
  {
    pattern: new RegExp(
      `^${latinWeekday}(?<monthName>[A-Za-z]{3,9})\\.?\\s+(?<day>\\d{1,2})(?:,?\\s+(?<year>\\d{4}))?$`,
    ),
    parts: byName,
  },
  // "27 Mar 2026", "27/Mar/26" (Jira's classic format)
  { pattern: /^(?<day>\d{1,2})[\s/-](?<monthName>[A-Za-z]{3,9})\.?(?:[\s/-](?<year>\d{2}|\d{4}))?$/, parts: byName },
  // "2026年3月27日", "3月27日" (this year), with an optional weekday "周五", "星期五", "週五", "(金)"
  {
    pattern: new RegExp(
      String.raw`^(?:(?<year>\d{4})${Y})?(?<month>\d{1,2})${M}(?<day>\d{1,2})${D}${cjkWeekdayAfter}$`,
    ),
    parts: byNumber,
  },
];

/**
 * A date as a page prints it without a time ("Mar 27, 2026", "27/Mar/26", "2026-03-27", "2026年3月27日"), as
 * 00:00:00 of that day in `timeZone`; a missing year is the year of `now` in the zone. Null when the text is
 * none of these or no real day.
 */
export function parseDateOnlyText(input: string, ctx: { now: Date; timeZone: string }): string | null {
  const text = collapseWhitespace(input.replace(/（/g, '(').replace(/）/g, ')'));
  const thisYear = wallClockAt(ctx.now.getTime(), ctx.timeZone).year;
  for (const rule of dayRules) {
    const m = rule.pattern.exec(text);
    if (!m) continue;
    const parts = rule.parts(m.groups ?? {}, thisYear);
    return parts ? startOfDay(parts, ctx.timeZone) : null;
  }
  return null;
}

const isoDateTime = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|([+-])(\d{2}):?(\d{2}))$/i;

/** An ISO date-time with an offset or Z as epoch ms; null when a field is out of range. */
function instantOf(text: string): number | null {
  const m = isoDateTime.exec(text);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, zone, sign, oh, om] = m;
  const wall = { year: Number(y), month: Number(mo), day: Number(d), hour: Number(h), minute: Number(mi) };
  const utc = wallClockToMs({ ...wall, second: Number(s ?? 0) }, 'UTC');
  if (utc === null || Number(oh ?? 0) > 14 || Number(om ?? 0) > 59) return null;
  const offset = (zone ?? 'Z').toUpperCase() === 'Z' ? 0 : (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om));
  return utc - offset * 60_000;
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
  const ms = instantOf(text);
  return ms === null ? null : isoInZone(ms, timeZone);
}
