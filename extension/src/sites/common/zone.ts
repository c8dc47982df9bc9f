/**
 * Wall-clock time in an IANA zone with nothing but Intl.DateTimeFormat and Date: content scripts must stay small,
 * so no date library is bundled into them (docs/adding-a-site.md "Size"). The zone's offset at an instant is
 * read from formatToParts; a wall-clock time is turned into an instant by trying the offsets the zone has a day
 * before and a day after it (no zone changes its offset twice within two days).
 */

export type WallClock = { year: number; month: number; day: number; hour: number; minute: number; second?: number };

const formatters = new Map<string, Intl.DateTimeFormat>();

/** One formatter per zone: creating them is the slow part. Throws RangeError for an unknown zone. */
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    // Digits only, a 0–23 hour and the Gregorian calendar, whatever the browser's own language.
    f = new Intl.DateTimeFormat('en-US-u-ca-gregory-nu-latn', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall clock `timeZone` shows at the instant `ms` (whole seconds). */
export function wallClockAt(ms: number, timeZone: string): Required<WallClock> {
  const out: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(new Date(ms))) {
    if (p.type !== 'literal') out[p.type] = Number(p.value);
  }
  return {
    year: out.year!,
    month: out.month!,
    day: out.day!,
    // Some engines print midnight as 24 even with h23.
    hour: out.hour! % 24,
    minute: out.minute!,
    second: out.second!,
  };
}

function utcOf(w: WallClock): number {
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second ?? 0);
}

/** The zone's offset from UTC in minutes at the instant `ms` (+480 for Asia/Shanghai). */
export function offsetMinutesAt(ms: number, timeZone: string): number {
  const whole = Math.floor(ms / 1000) * 1000;
  return Math.round((utcOf(wallClockAt(whole, timeZone)) - whole) / 60_000);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Whether the fields name a real calendar day and clock (no 30 February, no 24:00, no minute 60). */
export function isRealWallClock(w: WallClock): boolean {
  const whole = [w.year, w.month, w.day, w.hour, w.minute, w.second ?? 0].every(Number.isInteger);
  if (!whole || w.year < 1000 || w.year > 9999 || w.month < 1 || w.month > 12) return false;
  if (w.day < 1 || w.day > daysInMonth(w.year, w.month)) return false;
  return w.hour >= 0 && w.hour < 24 && w.minute >= 0 && w.minute < 60 && (w.second ?? 0) >= 0 && (w.second ?? 0) < 60;
}

const dayMs = 86_400_000;

/**
 * The instant a wall-clock time names in `timeZone`, or null when the fields are no real time. A time the clocks
 * skip (02:30 on a spring-forward night) moves forward by the gap; a time shown twice (01:30 on a fall-back
 * night) is the first of the two — the same choice as Temporal's "compatible" disambiguation.
 */
export function wallClockToMs(w: WallClock, timeZone: string): number | null {
  if (!isRealWallClock(w)) return null;
  const local = utcOf(w);
  const before = offsetMinutesAt(local - dayMs, timeZone);
  const after = offsetMinutesAt(local + dayMs, timeZone);
  const fits = [before, after]
    .map((offset) => local - offset * 60_000)
    .filter((ms) => utcOf(wallClockAt(ms, timeZone)) === local);
  if (fits.length > 0) return Math.min(...fits);
  return local - before * 60_000;
}

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

/** An instant (epoch ms) as ISO 8601 with seconds and the offset `timeZone` has then: 2026-03-10T09:12:00+08:00. */
export function isoInZone(ms: number, timeZone: string): string {
  if (!Number.isFinite(ms)) throw new RangeError('invalid instant');
  const w = wallClockAt(ms, timeZone);
  const offset = offsetMinutesAt(ms, timeZone);
  const sign = offset < 0 ? '-' : '+';
  const date = `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
  const time = `${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}`;
  return `${date}T${time}${sign}${pad(Math.trunc(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
}

/** A wall-clock time in `timeZone` as ISO with its offset, e.g. 2026-03-10T09:12:00+08:00. Throws on an impossible date. */
export function zonedToIso(parts: WallClock, timeZone: string): string {
  const ms = wallClockToMs(parts, timeZone);
  if (ms === null) throw new RangeError(`invalid wall-clock time in ${timeZone}`);
  return isoInZone(ms, timeZone);
}

/** The calendar day `days` before the given one (negative: after), as year/month/day. */
export function daysBefore(
  w: Pick<WallClock, 'year' | 'month' | 'day'>,
  days: number,
): { year: number; month: number; day: number } {
  const d = new Date(Date.UTC(w.year, w.month - 1, w.day - days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** The same day of the month `months` earlier, clamped to that month's last day (31 March − 1 month = 28/29 Feb). */
export function monthsBefore(
  w: Pick<WallClock, 'year' | 'month' | 'day'>,
  months: number,
): { year: number; month: number; day: number } {
  const index = w.year * 12 + (w.month - 1) - months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return { year, month, day: Math.min(w.day, daysInMonth(year, month)) };
}
