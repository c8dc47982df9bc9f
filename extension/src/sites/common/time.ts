import { DateTime } from 'luxon';
import { collapseWhitespace } from './visible-text';

/**
 * Times as the sites print them, turned into ISO 8601 instants with seconds and the zone's offset at that
 * instant (docs/architecture.md "Capture contract", `sentAt`). Wall-clock times are read in the zone the app
 * renders in; relative times are resolved against the caller's `now`, never the machine clock.
 */

export type WallClock = { year: number; month: number; day: number; hour: number; minute: number; second?: number };
export type TimeContext = { now: Date; timeZone: string };

const isoFormat = "yyyy-MM-dd'T'HH:mm:ssZZ";

/** A wall-clock time in `timeZone` as ISO with its offset, e.g. 2026-03-10T09:12:00+08:00. Throws on an impossible date. */
export function zonedToIso(parts: WallClock, timeZone: string): string {
  const dt = zoned(parts, timeZone);
  if (!dt.isValid)
    throw new RangeError(`invalid wall-clock time in ${timeZone}: ${dt.invalidExplanation ?? dt.invalidReason}`);
  return dt.toFormat(isoFormat);
}

/** An instant (epoch ms) as ISO with the offset `timeZone` has at that instant. */
export function isoInZone(ms: number, timeZone: string): string {
  const dt = DateTime.fromMillis(ms, { zone: timeZone });
  if (!dt.isValid) throw new RangeError(`invalid instant or zone: ${timeZone}`);
  return dt.toFormat(isoFormat);
}

function zoned(parts: WallClock, timeZone: string): DateTime {
  return DateTime.fromObject({ ...parts, second: parts.second ?? 0, millisecond: 0 }, { zone: timeZone });
}

/** Spaces as apps print them (Chrome's "9:12\u202fAM", no-break spaces) collapsed, full-width colons made plain. */
function normalise(text: string): string {
  return collapseWhitespace(text.replace(/：/g, ':'));
}

function nowIn(ctx: TimeContext): DateTime {
  return DateTime.fromJSDate(ctx.now, { zone: ctx.timeZone });
}

function toMinute(dt: DateTime): string {
  return dt.set({ second: 0, millisecond: 0 }).toFormat(isoFormat);
}

function wallClock(parts: WallClock, ctx: TimeContext): string | null {
  const dt = zoned(parts, ctx.timeZone);
  return dt.isValid ? dt.toFormat(isoFormat) : null;
}

/** 12-hour clock with an English (AM/PM, a.m.) or Chinese (上午/下午/中午/晚上/凌晨/早上) marker → 0–23. */
function to24h(hour: number, marker: string | undefined): number {
  if (!marker) return hour;
  const m = marker.toLowerCase().replace(/\./g, '');
  if (m === 'am' || m === '上午' || m === '早上' || m === '凌晨') return hour === 12 ? 0 : hour;
  if (m === 'pm' || m === '下午' || m === '晚上') return hour === 12 ? 12 : hour + 12;
  if (m === '中午') return hour < 11 ? hour + 12 : hour;
  return hour;
}

const unitByWord: Record<string, 'seconds' | 'minutes' | 'hours' | 'days' | 'weeks' | 'months' | 'years'> = {
  s: 'seconds',
  sec: 'seconds',
  second: 'seconds',
  秒: 'seconds',
  秒钟: 'seconds',
  m: 'minutes',
  min: 'minutes',
  minute: 'minutes',
  分钟: 'minutes',
  分: 'minutes',
  h: 'hours',
  hr: 'hours',
  hour: 'hours',
  小时: 'hours',
  个小时: 'hours',
  d: 'days',
  day: 'days',
  天: 'days',
  w: 'weeks',
  wk: 'weeks',
  week: 'weeks',
  周: 'weeks',
  星期: 'weeks',
  个星期: 'weeks',
  mo: 'months',
  month: 'months',
  个月: 'months',
  月: 'months',
  y: 'years',
  yr: 'years',
  year: 'years',
  年: 'years',
};

/** now − n units in the zone (calendar arithmetic for days and longer), seconds 00. */
function ago(n: number, unitWord: string, now: DateTime): string | null {
  const unit = unitByWord[unitWord.toLowerCase().replace(/s$/, '')] ?? unitByWord[unitWord];
  if (!unit) return null;
  return toMinute(now.minus({ [unit]: n }));
}

const monthIndex: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

/** The month (1–12) of an English month name or its first three letters; null for anything else. */
export function monthFromName(name: string): number | null {
  return monthIndex[name.slice(0, 3).toLowerCase()] ?? null;
}

/**
 * One way a site prints a time. The rules of a parser are tried in order and the first whose pattern matches
 * decides, even when its `build` returns null ("25:99" is a clock, just an impossible one).
 * Patterns are compiled once, here, not per call: adapters parse every message's time.
 */
type TimeRule = {
  pattern: RegExp;
  build: (m: RegExpExecArray, now: DateTime, ctx: TimeContext) => string | null;
};

function firstRule(rules: readonly TimeRule[], text: string, now: DateTime, ctx: TimeContext): string | null {
  for (const rule of rules) {
    const m = rule.pattern.exec(text);
    if (m) return rule.build(m, now, ctx);
  }
  return null;
}

// Named groups shared by the patterns: `hour`, `minute`, `second`, `marker` (AM/PM or 上午…), `year`, `month`
// (a number), `monthName`, `day`. A pattern has at most one clock and one marker.
const clock = String.raw`(?<hour>\d{1,2}):(?<minute>\d{2})`;
const seconds = String.raw`(?::(?<second>\d{2}))?`;
const enMarker = String.raw`\s*(?<marker>[AaPp]\.?[Mm]\.?)`;
const zhMarker = '(?<marker>上午|下午|中午|晚上|凌晨|早上)';
const weekdayPrefix = String.raw`(?:[A-Za-z]{2,9}\.?,?\s+)?`;

type Groups = Partial<Record<string, string>>;

function hourOf(g: Groups): number {
  return to24h(Number(g.hour), g.marker);
}

/** `day` in the zone (a DateTime at any time that day) at the matched clock, as ISO; null when impossible. */
function onDay(day: DateTime, g: Groups, ctx: TimeContext): string | null {
  const hour = hourOf(g);
  const minute = Number(g.minute);
  const dt = DateTime.fromObject(
    { year: day.year, month: day.month, day: day.day, hour, minute, second: 0, millisecond: 0 },
    { zone: ctx.timeZone },
  );
  return dt.isValid && hour < 24 && minute < 60 ? dt.toFormat(isoFormat) : null;
}

/** A date-time from the named groups: the year defaults to `thisYear`, the seconds to 00. */
function dateTimeOf(g: Groups, thisYear: number, ctx: TimeContext): string | null {
  const month = g.monthName === undefined ? Number(g.month) : monthFromName(g.monthName);
  if (month === null) return null;
  const year = g.year ? Number(g.year) : thisYear;
  const second = g.second ? Number(g.second) : 0;
  return wallClock({ year, month, day: Number(g.day), hour: hourOf(g), minute: Number(g.minute), second }, ctx);
}

/** A rule whose named groups are the whole date-time (`dateTimeOf`). */
function dateTimeRule(source: string): TimeRule {
  return { pattern: new RegExp(source), build: (m, now, ctx) => dateTimeOf(m.groups!, now.year, ctx) };
}

const relativeRules: readonly TimeRule[] = [
  { pattern: /^(just now|now|刚刚|刚才)$/i, build: (_m, now) => toMinute(now) },
  {
    pattern:
      /^(\d+|an?|one)\s*(seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|wks?|months?|years?|yrs?|[smhdwy])\s+ago$/i,
    build: (m, now) => ago(/^\d+$/.test(m[1]!) ? Number(m[1]) : 1, m[2]!, now),
  },
  {
    pattern: /^(\d+)\s*(秒钟|秒|分钟|个小时|小时|天|个星期|星期|周|个月)前$/,
    build: (m, now) => ago(Number(m[1]), m[2]!, now),
  },
  { pattern: /^半(个)?小时前$/, build: (_m, now) => toMinute(now.minus({ minutes: 30 })) },
  {
    pattern: new RegExp(`^(today|yesterday)(?:,)?(?:\\s+at)?\\s*${clock}(?:${enMarker})?$`, 'i'),
    build: (m, now, ctx) => onDay(m[1]!.toLowerCase() === 'yesterday' ? now.minus({ days: 1 }) : now, m.groups!, ctx),
  },
  {
    pattern: new RegExp(`^(今天|昨天|前天)\\s*${zhMarker}?\\s*${clock}$`),
    build: (m, now, ctx) => {
      const back = m[1] === '昨天' ? 1 : m[1] === '前天' ? 2 : 0;
      return onDay(now.minus({ days: back }), m.groups!, ctx);
    },
  },
  {
    pattern: new RegExp(`^${clock}(?:${enMarker})?$`),
    build: (m, now, ctx) => onDay(now, m.groups!, ctx),
  },
  {
    pattern: new RegExp(`^${zhMarker}\\s*${clock}$`),
    build: (m, now, ctx) => onDay(now, m.groups!, ctx),
  },
  dateTimeRule(String.raw`^(?<month>\d{1,2})月(?<day>\d{1,2})日\s*${zhMarker}?\s*${clock}$`),
  // Weibo prints "26-3-9 10:32" (and "3-9 10:32" within the year), often followed by "来自<place>".
  {
    pattern: new RegExp(`^(?:(?<yy>\\d{2})-)?(?<month>\\d{1,2})-(?<day>\\d{1,2})\\s+${clock}(?:\\s+来自.*)?$`),
    build: (m, now, ctx) => {
      const { yy } = m.groups!;
      return dateTimeOf(m.groups!, yy === undefined ? now.year : 2000 + Number(yy), ctx);
    },
  },
];

const absoluteRules: readonly TimeRule[] = [
  // "2026-03-09 10:00", "2026/3/10 周二 8:52", "2026/3/9 下午 2:26"
  dateTimeRule(
    String.raw`^(?<year>\d{4})[-/.](?<month>\d{1,2})[-/.](?<day>\d{1,2})(?:T|\s+)(?:(?:周|星期)[一二三四五六日天]\s*)?${zhMarker}?\s*${clock}${seconds}$`,
  ),
  // "Tue 3/10/2026 9:12 AM"
  dateTimeRule(
    String.raw`^${weekdayPrefix}(?<month>\d{1,2})/(?<day>\d{1,2})/(?<year>\d{4}),?\s+${clock}${seconds}(?:${enMarker})?$`,
  ),
  // "Tue, Mar 10, 2026, 9:12 AM", "March 10, 2026 at 8:35 AM"
  dateTimeRule(
    String.raw`^${weekdayPrefix}(?<monthName>[A-Za-z]{3,9})\.?\s+(?<day>\d{1,2})(?:,?\s+(?<year>\d{4}))?,?\s+(?:at\s+)?${clock}${seconds}(?:${enMarker})?$`,
  ),
  // "20 Aug 2025, 13:19"
  dateTimeRule(
    String.raw`^${weekdayPrefix}(?<day>\d{1,2})\s+(?<monthName>[A-Za-z]{3,9})\.?(?:,?\s+(?<year>\d{4}))?,?\s+(?:at\s+)?${clock}${seconds}(?:${enMarker})?$`,
  ),
  // "2026年3月10日 上午9:12", "3月9日 星期一 18:41"
  dateTimeRule(
    String.raw`^(?:(?<year>\d{4})年)?(?<month>\d{1,2})月(?<day>\d{1,2})日(?:\s*(?:星期|周)[一二三四五六日天])?\s*${zhMarker}?\s*${clock}${seconds}$`,
  ),
];

/**
 * Relative and day-relative times: "N minutes/hours/days ago", "a minute ago", "just now", "yesterday at
 * HH:MM", "N分钟前/小时前/天前", "刚刚", "今天 HH:MM", "昨天 HH:MM"/"昨天16:05", a bare "HH:MM" (today),
 * "M月D日 HH:MM" (this year) and Weibo's "yy-M-d HH:mm" / "M-d HH:mm". Returns ISO, or null when the text is
 * none of these.
 */
export function parseRelativeTime(input: string, ctx: TimeContext): string | null {
  return firstRule(relativeRules, normalise(input), nowIn(ctx), ctx);
}

/**
 * Absolute date-times as the sites print them, read as wall-clock time in the zone:
 * "Tue, Mar 10, 2026, 9:12 AM" (Gmail), "Tue 3/10/2026 9:12 AM" (Outlook), "March 10, 2026 at 8:35 AM"
 * (Jira, Trello), "20 Aug 2025, 13:19" (en-GB), "2026-03-09 10:00" and "2026/3/9 10:00", "2026年3月10日 上午9:12"
 * (zh-CN; year optional → this year). Returns ISO, or null when the text is none of these.
 */
export function parseAbsoluteTime(input: string, ctx: TimeContext): string | null {
  return firstRule(absoluteRules, normalise(input), nowIn(ctx), ctx);
}

/** Any time text a site prints: relative forms first, then absolute ones (also when a relative form gave null). */
export function parseTimeText(input: string, ctx: TimeContext): string | null {
  const text = normalise(input);
  const now = nowIn(ctx);
  return firstRule(relativeRules, text, now, ctx) ?? firstRule(absoluteRules, text, now, ctx);
}
