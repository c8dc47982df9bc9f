import {
  ago,
  allMarkers,
  amountOf,
  at,
  cjkAgo,
  cjkUnits,
  dayWord,
  daysBack,
  halfHourAgo,
  hour24,
  justNow,
  latinUnits,
  monthFromName,
  one,
  rounding,
  source,
  unitOf,
  weekday,
} from './time-words';
import { collapseWhitespace } from './visible-text';
import { cjkDateMarks } from './words';
import { daysBefore, isoInZone, monthsBefore, type WallClock, wallClockAt, wallClockToMs } from './zone';

/**
 * Times as the sites print them in English, Chinese (Simplified and Traditional) and Japanese, turned into ISO
 * 8601 instants with seconds and the zone's offset at that instant (docs/architecture.md "Capture contract",
 * `sentAt`). Wall-clock times are read in the zone the app renders in; relative times are resolved against the
 * caller's `now`, never the machine clock. The words come from words.ts; the rest is digits and punctuation.
 */

export type { WallClock } from './zone';
export { isoInZone, zonedToIso } from './zone';
export type TimeContext = { now: Date; timeZone: string };

type Now = { ms: number; wall: Required<WallClock>; timeZone: string };
type Groups = Partial<Record<string, string>>;

/**
 * One way a site prints a time. The rules of a parser are tried in order and the first whose pattern matches
 * decides, even when its `build` returns null ("25:99" is a clock, just an impossible one). Patterns are
 * compiled once, here, not per call: adapters parse every message's time.
 */
type TimeRule = { pattern: RegExp; build: (g: Groups, now: Now) => number | null };

const rule = (source: string, build: TimeRule['build']): TimeRule => ({ pattern: new RegExp(source, 'i'), build });

/** Spaces as apps print them (Chrome's "9:12\u202fAM"), full-width colons, commas and brackets made plain. */
function normalise(text: string): string {
  const plain = text.replace(/：/g, ':').replace(/，/g, ',').replace(/（/g, '(').replace(/）/g, ')');
  return collapseWhitespace(collapseWhitespace(plain).replace(sourceTail, ''));
}
// Weibo prints the posting client after the time ("26-3-9 10:32 来自 iPhone").
const sourceTail = new RegExp(String.raw`\s*${source}.*$`);

const wholeMinute = (ms: number) => Math.floor(ms / 60_000) * 60_000;

/** now − n units: elapsed time for seconds to hours, calendar arithmetic (same wall clock) for days and longer. */
function before(n: number, unitWord: string, now: Now): number | null {
  const unit = unitOf(unitWord);
  if (!unit || !Number.isFinite(n)) return null;
  const elapsed = { seconds: 1_000, minutes: 60_000, hours: 3_600_000 } as const;
  if (unit === 'seconds' || unit === 'minutes' || unit === 'hours') return wholeMinute(now.ms - n * elapsed[unit]);
  const day =
    unit === 'days' || unit === 'weeks'
      ? daysBefore(now.wall, unit === 'weeks' ? 7 * n : n)
      : monthsBefore(now.wall, unit === 'years' ? 12 * n : n);
  const ms = wallClockToMs({ ...now.wall, ...day }, now.timeZone);
  return ms === null ? null : wholeMinute(ms);
}

/** The clock of the named groups on a given day; null when it is no real time. */
function at24(day: { year: number; month: number; day: number }, g: Groups, now: Now): number | null {
  if (g.pre && g.post) return null;
  const hour = hour24(Number(g.hour), g.pre ?? g.post);
  if (hour === null) return null;
  return wallClockToMs({ ...day, hour, minute: Number(g.minute), second: Number(g.second ?? 0) }, now.timeZone);
}

/** A date-time from the named groups: the year defaults to this year in the zone, the seconds to 00. */
function dateTimeOf(g: Groups, now: Now): number | null {
  const month = g.monthName === undefined ? Number(g.month) : monthFromName(g.monthName);
  if (month === null) return null;
  const year = g.year ? Number(g.year) : g.yy ? 2000 + Number(g.yy) : now.wall.year;
  return at24({ year, month, day: Number(g.day) }, g, now);
}

// Named groups: `pre`/`post` (a half-day marker before or after the clock), `hour`, `minute`, `second`,
// `year` (or two-digit `yy`), `month` (a number) or `monthName`, `day`.
const clock = String.raw`(?:(?<pre>${allMarkers})\s*)?(?<hour>\d{1,2}):(?<minute>\d{2})(?::(?<second>\d{2}))?(?:\s*(?<post>${allMarkers}))?`;
/** Between a date and its clock: "T", spaces, commas, a CJK weekday, "at". */
const gap = String.raw`(?:T|[\s,]*(?:${weekday})?[\s,]*(?:${at}\s+)?)`;
/** A weekday before the date: any Latin word ("Tue,", so no day names are listed) or a CJK one. */
const prefix = String.raw`(?:[a-z]{2,9}\.?,?\s+|${weekday}[\s,]*)?`;
const { year: Y, month: M, day: D } = cjkDateMarks;

const relativeRules: readonly TimeRule[] = [
  rule(`^${justNow}$`, (_g, now) => wholeMinute(now.ms)),
  rule(String.raw`^(?:${rounding}\s+)?(?<n>\d+|${one})\s*(?<unit>${latinUnits})s?\.?\s+${ago}$`, (g, now) =>
    before(amountOf(g.n!), g.unit!, now),
  ),
  rule(String.raw`^(?:${rounding}\s*)?(?<n>\d+)\s*(?<unit>${cjkUnits})${cjkAgo}$`, (g, now) =>
    before(Number(g.n), g.unit!, now),
  ),
  rule(`^${halfHourAgo}$`, (_g, now) => wholeMinute(now.ms - 30 * 60_000)),
  rule(String.raw`^(?<dayWord>${dayWord})[\s,]*(?:${at}\s+)?${clock}$`, (g, now) =>
    at24(daysBefore(now.wall, daysBack(g.dayWord!)), g, now),
  ),
  rule(`^${clock}$`, (g, now) => at24(now.wall, g, now)),
];

const absoluteRules: readonly TimeRule[] = [
  // "2026-03-09 10:00", "2026/4/22 10:30", "2026/3/10 周二 8:52", "2026/3/9 下午 2:26", "周三 2026/4/22 10:30"
  rule(String.raw`^${prefix}(?<year>\d{4})[-/.](?<month>\d{1,2})[-/.](?<day>\d{1,2})${gap}${clock}$`, dateTimeOf),
  // "Tue 3/10/2026 9:12 AM"
  rule(String.raw`^${prefix}(?<month>\d{1,2})/(?<day>\d{1,2})/(?<year>\d{4})${gap}${clock}$`, dateTimeOf),
  // "Apr 22, 2026, 10:30 AM", "Tue, Mar 10, 9:12 AM", "March 10, 2026 at 8:35 AM"
  rule(
    String.raw`^${prefix}(?<monthName>[a-z]{3,9})\.?\s+(?<day>\d{1,2})(?:,?\s+(?<year>\d{4}))?${gap}${clock}$`,
    dateTimeOf,
  ),
  // "20 Aug 2025, 13:19"
  rule(
    String.raw`^${prefix}(?<day>\d{1,2})\s+(?<monthName>[a-z]{3,9})\.?(?:,?\s+(?<year>\d{4}))?${gap}${clock}$`,
    dateTimeOf,
  ),
  // "2026年4月22日 上午10:30", "4月22日 周三 10:30", "2026年4月22日(水) 午後3:40"
  rule(String.raw`^(?:(?<year>\d{4})${Y})?(?<month>\d{1,2})${M}(?<day>\d{1,2})${D}${gap}${clock}$`, dateTimeOf),
  // Weibo: "26-3-9 10:32", and "3-9 10:32" within this year
  rule(String.raw`^(?:(?<yy>\d{2})-)?(?<month>\d{1,2})-(?<day>\d{1,2})\s+${clock}$`, dateTimeOf),
];

function nowIn(ctx: TimeContext): Now {
  const ms = ctx.now.getTime();
  return { ms, wall: wallClockAt(ms, ctx.timeZone), timeZone: ctx.timeZone };
}

function firstRule(rules: readonly TimeRule[], text: string, now: Now): string | null | undefined {
  for (const r of rules) {
    const m = r.pattern.exec(text);
    if (!m) continue;
    const ms = r.build(m.groups ?? {}, now);
    return ms === null ? null : isoInZone(ms, now.timeZone);
  }
  return undefined;
}

/**
 * Relative and day-relative times: "22 hours ago", "about an hour ago", "just now", "yesterday at 4:05 PM",
 * "3分钟前", "3分鐘前", "2時間前", "刚刚", "今天 09:12", "昨天 14:05", "昨日 下午2:05", a bare "HH:MM" or "下午3:40"
 * (today). Returns ISO, or null when the text is none of these.
 */
export function parseRelativeTime(input: string, ctx: TimeContext): string | null {
  return firstRule(relativeRules, normalise(input), nowIn(ctx)) ?? null;
}

/**
 * Absolute date-times, read as wall-clock time in the zone: "Apr 22, 2026, 10:30 AM", "Tue 3/10/2026 9:12 AM",
 * "20 Aug 2025, 13:19", "2026/4/22 10:30", "2026年4月22日 上午10:30", "4月22日 周三 10:30" (year missing → this
 * year), Weibo's "26-3-9 10:32". Returns ISO, or null when the text is none of these.
 */
export function parseAbsoluteTime(input: string, ctx: TimeContext): string | null {
  return firstRule(absoluteRules, normalise(input), nowIn(ctx)) ?? null;
}

/** Any time text a site prints: relative forms first, then absolute ones (also when a relative form gave null). */
export function parseTimeText(input: string, ctx: TimeContext): string | null {
  const text = normalise(input);
  const now = nowIn(ctx);
  return firstRule(relativeRules, text, now) ?? firstRule(absoluteRules, text, now) ?? null;
}
