import { DateTime } from 'luxon';
import type { WorkCalendar } from '../schemas/plan';
import { dayPeriodsOf, usualDayMinutes, type DayPeriods, type MinuteSpan } from './calendar/periods';

const DAY_MS = 86_400_000;
/** Days per cached block of the calendar: small enough to build in a millisecond or two, large enough that a span of months touches one or two. */
const BLOCK_DAYS = 256;
/** addWorkingMs looks this many blocks (~10 years) past the start's block for the deadline, then says there is none. */
const MAX_SEARCH_BLOCKS = Math.ceil(3660 / BLOCK_DAYS);
const MAX_BLOCKS_PER_CALENDAR = 4000;

/**
 * One block of consecutive local days, precomputed so that working-time sums are array lookups.
 * Index i is the local date `first + i` (days since 1970-01-01). Instants are epoch ms.
 */
interface Block {
  first: number;
  /** Start of each local day; `dayStart[BLOCK_DAYS]` is the start of the next block's first day. */
  dayStart: Float64Array;
  /** The working periods of day i are `periodStart/periodLen[firstPeriod[i] … firstPeriod[i + 1])`. */
  firstPeriod: Int32Array;
  /** Start instant of each working period of the block, day by day, in order. */
  periodStart: Float64Array;
  /** Working ms of each period: the real length on DST days. */
  periodLen: Float64Array;
  /** Working ms before each day within the block; `cum[BLOCK_DAYS]` is the block's total. */
  cum: Float64Array;
}

interface CalendarIndex {
  cal: WorkCalendar;
  periods: DayPeriods;
  holidays: Set<number>;
  extraWorkDays: Set<number>;
  /** No weekday works and no extra working day is listed: there is no working time at all. */
  empty: boolean;
  blocks: Map<number, Block>;
}

const byObject = new WeakMap<WorkCalendar, CalendarIndex>();
const byValue = new Map<string, CalendarIndex>();

/** Local date YYYY-MM-DD -> days since 1970-01-01 (a civil day count, independent of any zone). */
function dayNumberOf(dateISO: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dateISO);
  if (!m) throw new Error(`expected a date as YYYY-MM-DD, got "${dateISO}"`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS;
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a civil day number; 1970-01-01 was a Thursday. */
function isoWeekdayOf(dayNumber: number): number {
  return ((((dayNumber + 3) % 7) + 7) % 7) + 1;
}

/**
 * The calendar's precomputed index. Cached by object identity and, since callers often rebuild the same plan
 * from JSON, also by value.
 */
function indexOf(cal: WorkCalendar): CalendarIndex {
  const cached = byObject.get(cal);
  if (cached) return cached;
  const key = JSON.stringify([
    cal.timeZone,
    cal.workDays,
    cal.start,
    cal.end,
    cal.breaks ?? [],
    cal.weekdays ?? {},
    cal.holidays,
    cal.extraWorkDays,
  ]);
  let index = byValue.get(key);
  if (!index) {
    if (!DateTime.now().setZone(cal.timeZone).isValid) throw new Error(`unknown time zone "${cal.timeZone}"`);
    const periods = dayPeriodsOf(cal);
    const extraWorkDays = new Set((cal.extraWorkDays ?? []).map(dayNumberOf));
    index = {
      cal,
      periods,
      holidays: new Set((cal.holidays ?? []).map(dayNumberOf)),
      extraWorkDays,
      empty: periods.byWeekday.every((p) => p.length === 0) && (extraWorkDays.size === 0 || !periods.usual.length),
      blocks: new Map(),
    };
    // The by-value cache only saves rebuilding blocks; dropping it wholesale when it grows is harmless.
    if (byValue.size >= 32) byValue.clear();
    byValue.set(key, index);
  }
  byObject.set(cal, index);
  return index;
}

/**
 * The working periods of a local day: none on a holiday; the usual day on an extra working day; else its
 * weekday's. Holidays win over extra working days: a day explicitly declared off is off.
 */
function periodsOfDay(index: CalendarIndex, dayNumber: number): readonly MinuteSpan[] {
  if (index.holidays.has(dayNumber)) return [];
  const weekday = index.periods.byWeekday[isoWeekdayOf(dayNumber)]!;
  if (weekday.length === 0 && index.extraWorkDays.has(dayNumber)) return index.periods.usual;
  return weekday;
}

function localInstant(zone: string, dayNumber: number, minutes: number): number {
  const d = new Date(dayNumber * DAY_MS);
  // Luxon moves a wall time that does not exist (spring forward) to the first instant after the gap.
  return DateTime.fromObject(
    {
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      hour: Math.floor(minutes / 60),
      minute: minutes % 60,
    },
    { zone },
  ).toMillis();
}

function blockOf(index: CalendarIndex, blockNumber: number): Block {
  const existing = index.blocks.get(blockNumber);
  if (existing) return existing;
  const zone = index.cal.timeZone;
  const first = blockNumber * BLOCK_DAYS;
  const dayStart = new Float64Array(BLOCK_DAYS + 1);
  const firstPeriod = new Int32Array(BLOCK_DAYS + 1);
  const starts: number[] = [];
  const lens: number[] = [];
  const cum = new Float64Array(BLOCK_DAYS + 1);
  for (let i = 0; i <= BLOCK_DAYS; i++) dayStart[i] = localInstant(zone, first + i, 0);
  let total = 0;
  for (let i = 0; i < BLOCK_DAYS; i++) {
    cum[i] = total;
    firstPeriod[i] = starts.length;
    for (const [startMin, endMin] of periodsOfDay(index, first + i)) {
      const start = localInstant(zone, first + i, startMin);
      // 24:00 is the next day's midnight, which Luxon cannot build as an hour of this day.
      const end = endMin >= 24 * 60 ? dayStart[i + 1]! : localInstant(zone, first + i, endMin);
      starts.push(start);
      lens.push(Math.max(0, end - start));
      total += lens[lens.length - 1]!;
    }
  }
  firstPeriod[BLOCK_DAYS] = starts.length;
  cum[BLOCK_DAYS] = total;
  if (index.blocks.size >= MAX_BLOCKS_PER_CALENDAR) index.blocks.clear();
  const block: Block = {
    first,
    dayStart,
    firstPeriod,
    periodStart: Float64Array.from(starts),
    periodLen: Float64Array.from(lens),
    cum,
  };
  index.blocks.set(blockNumber, block);
  return block;
}

function dayStartOf(index: CalendarIndex, dayNumber: number): number {
  const blockNumber = Math.floor(dayNumber / BLOCK_DAYS);
  return blockOf(index, blockNumber).dayStart[dayNumber - blockNumber * BLOCK_DAYS]!;
}

/** The block and day index holding instant `t` (its local day in the calendar's zone). */
function locate(index: CalendarIndex, t: number): { block: Block; i: number } {
  // A zone's offset is within ±14 h, so the local day is the UTC day or a neighbour.
  let day = Math.floor(t / DAY_MS);
  while (dayStartOf(index, day) > t) day--;
  while (dayStartOf(index, day + 1) <= t) day++;
  const blockNumber = Math.floor(day / BLOCK_DAYS);
  return { block: blockOf(index, blockNumber), i: day - blockNumber * BLOCK_DAYS };
}

/** Working ms from the start of `block` up to instant `t`, which lies on day `i` of the block. */
function workedInBlockBefore(block: Block, i: number, t: number): number {
  let worked = block.cum[i]!;
  for (let p = block.firstPeriod[i]!; p < block.firstPeriod[i + 1]!; p++)
    worked += Math.min(block.periodLen[p]!, Math.max(0, t - block.periodStart[p]!));
  return worked;
}

/** The instant on day `i` of `block` at which `into` working ms of that day have elapsed (0 < into ≤ the day's). */
function instantIntoDay(block: Block, i: number, into: number): number {
  let left = into;
  const last = block.firstPeriod[i + 1]! - 1;
  for (let p = block.firstPeriod[i]!; p < last; p++) {
    if (left <= block.periodLen[p]!) return block.periodStart[p]! + left;
    left -= block.periodLen[p]!;
  }
  return block.periodStart[last]! + left;
}

function assertInstant(name: string, value: number): void {
  if (!Number.isFinite(value)) throw new RangeError(`${name} must be a finite epoch-ms number, got ${value}`);
}

/**
 * Whether a local date is a working day of the calendar: its ISO weekday is in `workDays` or it is listed in
 * `extraWorkDays`, and it is not a holiday. A date that is both a holiday and an extra working day is a
 * holiday: a day explicitly declared off stays off.
 *
 * @param dateISO local date in the calendar's zone, `YYYY-MM-DD`
 */
export function isWorkingDay(dateISO: string, cal: WorkCalendar): boolean {
  return periodsOfDay(indexOf(cal), dayNumberOf(dateISO)).length > 0;
}

/**
 * The working periods of a local date as instants, in order (`[startMs, endMs)` each); none on a day off. A
 * morning and an afternoon around a lunch break are two periods.
 *
 * @param dateISO local date in the calendar's zone, `YYYY-MM-DD`
 */
export function workingPeriodsOn(dateISO: string, cal: WorkCalendar): { startMs: number; endMs: number }[] {
  const day = dayNumberOf(dateISO);
  const block = blockOf(indexOf(cal), Math.floor(day / BLOCK_DAYS));
  const i = day - block.first;
  const out: { startMs: number; endMs: number }[] = [];
  for (let p = block.firstPeriod[i]!; p < block.firstPeriod[i + 1]!; p++)
    out.push({ startMs: block.periodStart[p]!, endMs: block.periodStart[p]! + block.periodLen[p]! });
  return out;
}

/**
 * Nominal length of one working day in ms: the usual day's hours less its breaks (`end - start - breaks`). This is
 * what one `working_days` SLA unit is worth, whatever a weekday's own periods; the real working time of a DST-change
 * day may be an hour shorter or longer.
 */
export function workingDayMs(cal: WorkCalendar): number {
  return usualDayMinutes(indexOf(cal).periods) * 60_000;
}

/**
 * Working time in ms within `[startMs, endMs)`: only the parts that fall inside the calendar's working
 * periods (working days, working hours, in the calendar's time zone, DST-aware) count. A start out of hours
 * counts from the next working period; the clock stops at the end of each working period.
 * Returns 0 when `endMs <= startMs`, and 0 for a calendar without any working day.
 *
 * Whole days are summed from cached per-day prefix sums, so the cost is independent of the span's length
 * (up to ~256 days per lookup block).
 */
export function workingMsBetween(startMs: number, endMs: number, cal: WorkCalendar): number {
  assertInstant('startMs', startMs);
  assertInstant('endMs', endMs);
  if (!(endMs > startMs)) return 0;
  const index = indexOf(cal);
  if (index.empty) return 0;
  const from = locate(index, startMs);
  const to = locate(index, endMs);
  const fromOffset = workedInBlockBefore(from.block, from.i, startMs);
  const toOffset = workedInBlockBefore(to.block, to.i, endMs);
  if (from.block === to.block) return toOffset - fromOffset;
  let total = from.block.cum[BLOCK_DAYS]! - fromOffset + toOffset;
  const firstBlock = from.block.first / BLOCK_DAYS;
  const lastBlock = to.block.first / BLOCK_DAYS;
  for (let b = firstBlock + 1; b < lastBlock; b++) total += blockOf(index, b).cum[BLOCK_DAYS]!;
  return total;
}

/**
 * The instant at which `ms` working ms have elapsed since `startMs` (a deadline). Starting out of hours, the
 * count begins at the next working period; a deadline that falls exactly at the end of a working period is
 * that end (e.g. 18:00), not the next morning. `ms <= 0` returns `startMs` unchanged.
 *
 * Null ("no deadline") when the calendar has no working days at all, or when the deadline lies more than ~10 years
 * after the start (e.g. only past `extraWorkDays`, or a week's single working minute): the search is bounded, so
 * it neither throws nor runs on.
 */
export function addWorkingMs(startMs: number, ms: number, cal: WorkCalendar): number | null {
  assertInstant('startMs', startMs);
  assertInstant('ms', ms);
  if (ms <= 0) return startMs;
  const index = indexOf(cal);
  if (index.empty) return null;
  const from = locate(index, startMs);
  let block = from.block;
  let target = workedInBlockBefore(block, from.i, startMs) + ms;
  for (let searched = 0; target > block.cum[BLOCK_DAYS]!; searched++) {
    if (searched >= MAX_SEARCH_BLOCKS) return null;
    target -= block.cum[BLOCK_DAYS]!;
    block = blockOf(index, block.first / BLOCK_DAYS + 1);
  }
  // First day whose cumulative end reaches the target: cum[j] < target <= cum[j + 1].
  let lo = 0;
  let hi = BLOCK_DAYS - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (block.cum[mid + 1]! >= target) hi = mid;
    else lo = mid + 1;
  }
  return instantIntoDay(block, lo, target - block.cum[lo]!);
}
