import { DateTime } from 'luxon';

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
  const dt = DateTime.fromObject({ ...parts, second: parts.second ?? 0, millisecond: 0 }, { zone: timeZone });
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

/** Spaces as apps print them (Chrome's "9:12\u202fAM", no-break spaces, full-width colons) made plain. */
function normalise(text: string): string {
  return text
    .replace(/[\s\u00a0\u202f\u2009\u3000]+/g, ' ')
    .replace(/：/g, ':')
    .trim();
}

function nowIn(ctx: TimeContext): DateTime {
  return DateTime.fromJSDate(ctx.now, { zone: ctx.timeZone });
}

/** `day` in the zone (a DateTime at any time that day) at hh:mm, as ISO; null when impossible. */
function onDay(day: DateTime, hour: number, minute: number, ctx: TimeContext): string | null {
  const dt = DateTime.fromObject(
    { year: day.year, month: day.month, day: day.day, hour, minute, second: 0, millisecond: 0 },
    { zone: ctx.timeZone },
  );
  return dt.isValid && hour < 24 && minute < 60 ? dt.toFormat(isoFormat) : null;
}

function wallClock(parts: WallClock, ctx: TimeContext): string | null {
  const dt = DateTime.fromObject({ ...parts, second: parts.second ?? 0, millisecond: 0 }, { zone: ctx.timeZone });
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
function ago(n: number, unitWord: string, ctx: TimeContext): string | null {
  const unit = unitByWord[unitWord.toLowerCase().replace(/s$/, '')] ?? unitByWord[unitWord];
  if (!unit) return null;
  return nowIn(ctx)
    .minus({ [unit]: n })
    .set({ second: 0, millisecond: 0 })
    .toFormat(isoFormat);
}

const clock = String.raw`(\d{1,2}):(\d{2})`;
const enMarker = String.raw`\s*([AaPp]\.?[Mm]\.?)`;
const zhMarker = '(上午|下午|中午|晚上|凌晨|早上)';

/**
 * Relative and day-relative times: "N minutes/hours/days ago", "a minute ago", "just now", "yesterday at
 * HH:MM", "N分钟前/小时前/天前", "刚刚", "今天 HH:MM", "昨天 HH:MM"/"昨天16:05", a bare "HH:MM" (today),
 * "M月D日 HH:MM" (this year) and Weibo's "yy-M-d HH:mm" / "M-d HH:mm". Returns ISO, or null when the text is
 * none of these.
 */
export function parseRelativeTime(input: string, ctx: TimeContext): string | null {
  const text = normalise(input);
  const now = nowIn(ctx);
  let m: RegExpMatchArray | null;

  if (/^(just now|now|刚刚|刚才)$/i.test(text)) return now.set({ second: 0, millisecond: 0 }).toFormat(isoFormat);

  if (
    (m = text.match(
      /^(\d+|an?|one)\s*(seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|wks?|months?|years?|yrs?|[smhdwy])\s+ago$/i,
    ))
  ) {
    const n = /^\d+$/.test(m[1]!) ? Number(m[1]) : 1;
    return ago(n, m[2]!, ctx);
  }
  if ((m = text.match(/^(\d+)\s*(秒钟|秒|分钟|个小时|小时|天|个星期|星期|周|个月)前$/)))
    return ago(Number(m[1]), m[2]!, ctx);
  if ((m = text.match(/^半(个)?小时前$/)))
    return now.minus({ minutes: 30 }).set({ second: 0, millisecond: 0 }).toFormat(isoFormat);

  if ((m = text.match(new RegExp(`^(today|yesterday)(?:,)?(?:\\s+at)?\\s*${clock}(?:${enMarker})?$`, 'i')))) {
    const day = m[1]!.toLowerCase() === 'yesterday' ? now.minus({ days: 1 }) : now;
    return onDay(day, to24h(Number(m[2]), m[4]), Number(m[3]), ctx);
  }
  if ((m = text.match(new RegExp(`^(今天|昨天|前天)\\s*${zhMarker}?\\s*${clock}$`)))) {
    const back = m[1] === '昨天' ? 1 : m[1] === '前天' ? 2 : 0;
    return onDay(now.minus({ days: back }), to24h(Number(m[3]), m[2]), Number(m[4]), ctx);
  }
  if ((m = text.match(new RegExp(`^${clock}(?:${enMarker})?$`))))
    return onDay(now, to24h(Number(m[1]), m[3]), Number(m[2]), ctx);
  if ((m = text.match(new RegExp(`^${zhMarker}\\s*${clock}$`))))
    return onDay(now, to24h(Number(m[2]), m[1]), Number(m[3]), ctx);

  if ((m = text.match(new RegExp(`^(\\d{1,2})月(\\d{1,2})日\\s*${zhMarker}?\\s*${clock}$`)))) {
    return wallClock(
      { year: now.year, month: Number(m[1]), day: Number(m[2]), hour: to24h(Number(m[4]), m[3]), minute: Number(m[5]) },
      ctx,
    );
  }
  // Weibo prints "26-3-9 10:32" (and "3-9 10:32" within the year), often followed by "来自<place>".
  if ((m = text.match(new RegExp(`^(?:(\\d{2})-)?(\\d{1,2})-(\\d{1,2})\\s+${clock}(?:\\s+来自.*)?$`)))) {
    const year = m[1] === undefined ? now.year : 2000 + Number(m[1]);
    return wallClock({ year, month: Number(m[2]), day: Number(m[3]), hour: Number(m[4]), minute: Number(m[5]) }, ctx);
  }
  return null;
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

function monthFromName(name: string): number | null {
  return monthIndex[name.slice(0, 3).toLowerCase()] ?? null;
}

const weekdayPrefix = String.raw`(?:[A-Za-z]{2,9}\.?,?\s+)?`;
const seconds = String.raw`(?::(\d{2}))?`;

/**
 * Absolute date-times as the sites print them, read as wall-clock time in the zone:
 * "Tue, Mar 10, 2026, 9:12 AM" (Gmail), "Tue 3/10/2026 9:12 AM" (Outlook), "March 10, 2026 at 8:35 AM"
 * (Jira, Trello), "20 Aug 2025, 13:19" (en-GB), "2026-03-09 10:00" and "2026/3/9 10:00", "2026年3月10日 上午9:12"
 * (zh-CN; year optional → this year). Returns ISO, or null when the text is none of these.
 */
export function parseAbsoluteTime(input: string, ctx: TimeContext): string | null {
  const text = normalise(input);
  const thisYear = nowIn(ctx).year;
  let m: RegExpMatchArray | null;

  if (
    (m = text.match(
      new RegExp(
        `^(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})(?:T|\\s+)(?:(?:周|星期)[一二三四五六日天]\\s*)?${zhMarker}?\\s*${clock}${seconds}$`,
      ),
    ))
  ) {
    return wallClock(
      { year: +m[1]!, month: +m[2]!, day: +m[3]!, hour: to24h(+m[5]!, m[4]), minute: +m[6]!, second: m[7] ? +m[7] : 0 },
      ctx,
    );
  }
  if (
    (m = text.match(
      new RegExp(`^${weekdayPrefix}(\\d{1,2})/(\\d{1,2})/(\\d{4}),?\\s+${clock}${seconds}(?:${enMarker})?$`),
    ))
  ) {
    return wallClock(
      { year: +m[3]!, month: +m[1]!, day: +m[2]!, hour: to24h(+m[4]!, m[7]), minute: +m[5]!, second: m[6] ? +m[6] : 0 },
      ctx,
    );
  }
  if (
    (m = text.match(
      new RegExp(
        `^${weekdayPrefix}([A-Za-z]{3,9})\\.?\\s+(\\d{1,2})(?:,?\\s+(\\d{4}))?,?\\s+(?:at\\s+)?${clock}${seconds}(?:${enMarker})?$`,
      ),
    ))
  ) {
    const month = monthFromName(m[1]!);
    if (month === null) return null;
    const year = m[3] ? +m[3] : thisYear;
    return wallClock(
      { year, month, day: +m[2]!, hour: to24h(+m[4]!, m[7]), minute: +m[5]!, second: m[6] ? +m[6] : 0 },
      ctx,
    );
  }
  if (
    (m = text.match(
      new RegExp(
        `^${weekdayPrefix}(\\d{1,2})\\s+([A-Za-z]{3,9})\\.?(?:,?\\s+(\\d{4}))?,?\\s+(?:at\\s+)?${clock}${seconds}(?:${enMarker})?$`,
      ),
    ))
  ) {
    const month = monthFromName(m[2]!);
    if (month === null) return null;
    const year = m[3] ? +m[3] : thisYear;
    return wallClock(
      { year, month, day: +m[1]!, hour: to24h(+m[4]!, m[7]), minute: +m[5]!, second: m[6] ? +m[6] : 0 },
      ctx,
    );
  }
  if (
    (m = text.match(
      new RegExp(
        `^(?:(\\d{4})年)?(\\d{1,2})月(\\d{1,2})日(?:\\s*(?:星期|周)[一二三四五六日天])?\\s*${zhMarker}?\\s*${clock}${seconds}$`,
      ),
    ))
  ) {
    const year = m[1] ? +m[1] : thisYear;
    return wallClock(
      { year, month: +m[2]!, day: +m[3]!, hour: to24h(+m[5]!, m[4]), minute: +m[6]!, second: m[7] ? +m[7] : 0 },
      ctx,
    );
  }
  return null;
}

/** Any time text a site prints: relative forms first, then absolute ones. */
export function parseTimeText(input: string, ctx: TimeContext): string | null {
  return parseRelativeTime(input, ctx) ?? parseAbsoluteTime(input, ctx);
}
