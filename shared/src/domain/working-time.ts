import { DateTime } from 'luxon';
import type { WorkCalendar } from '../schemas/plan';

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
  /** Start of the working period of each day (meaningless when `periodLen` is 0). */
  periodStart: Float64Array;
  /** Working ms of each day: 0 on days off; the real length on DST days. */
  periodLen: Float64Array;
  /** Working ms before each day within the block; `cum[BLOCK_DAYS]` is the block's total. */
  cum: Float64Array;
}

interface CalendarIndex {
  cal: WorkCalendar;
  workDays: Set<number>;
  holidays: Set<number>;
  extraWorkDays: Set<number>;
  startMinutes: number;
  endMinutes: number;
  /** No weekday works and no extra working day is listed: there is no working time at all. */
  empty: boolean;
  blocks: Map<number, Block>;
}

const byObject = new WeakMap<WorkCalendar, CalendarIndex>();
const byValue = new Map<string, CalendarIndex>();

function parseMinutes(hhmm: string): number {
  const m = /^(\d{2}):(\d{2})$/.exec(hhmm);
  if (!m) throw new Error(`working hours must be HH:MM, got "${hhmm}"`);
  return Number(m[1]) * 60 + Number(m[2]);
}

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
  const key = JSON.stringify([cal.timeZone, cal.workDays, cal.start, cal.end, cal.holidays, cal.extraWorkDays]);
  let index = byValue.get(key);
  if (!index) {
    if (!DateTime.now().setZone(cal.timeZone).isValid) throw new Error(`unknown time zone "${cal.timeZone}"`);
    const startMinutes = parseMinutes(cal.start);
    const endMinutes = parseMinutes(cal.end);
    if (!(endMinutes > startMinutes))
      throw new Error(`working hours must end after they start (${cal.start}–${cal.end})`);
    const workDays = new Set(cal.workDays);
    const extraWorkDays = new Set((cal.extraWorkDays ?? []).map(dayNumberOf));
    index = {
      cal,
      workDays,
      holidays: new Set((cal.holidays ?? []).map(dayNumberOf)),
      extraWorkDays,
      startMinutes,
      endMinutes,
      empty: workDays.size === 0 && extraWorkDays.size === 0,
      blocks: new Map(),
    };
    // The by-value cache only saves rebuilding blocks; dropping it wholesale when it grows is harmless.
    if (byValue.size >= 32) byValue.clear();
    byValue.set(key, index);
  }
  byObject.set(cal, index);
  return index;
}

/** Holidays win over extra working days: a day explicitly declared off is off. */
function isWorkingDayNumber(index: CalendarIndex, dayNumber: number): boolean {
  if (index.holidays.has(dayNumber)) return false;
  return index.extraWorkDays.has(dayNumber) || index.workDays.has(isoWeekdayOf(dayNumber));
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
  const periodStart = new Float64Array(BLOCK_DAYS);
  const periodLen = new Float64Array(BLOCK_DAYS);
  const cum = new Float64Array(BLOCK_DAYS + 1);
  for (let i = 0; i <= BLOCK_DAYS; i++) dayStart[i] = localInstant(zone, first + i, 0);
  let total = 0;
  for (let i = 0; i < BLOCK_DAYS; i++) {
    cum[i] = total;
    if (!isWorkingDayNumber(index, first + i)) continue;
    const start = localInstant(zone, first + i, index.startMinutes);
    // 24:00 is the next day's midnight, which Luxon cannot build as an hour of this day.
    const end = index.endMinutes >= 24 * 60 ? dayStart[i + 1]! : localInstant(zone, first + i, index.endMinutes);
    periodStart[i] = start;
    periodLen[i] = Math.max(0, end - start);
    total += periodLen[i]!;
  }
  cum[BLOCK_DAYS] = total;
  if (index.blocks.size >= MAX_BLOCKS_PER_CALENDAR) index.blocks.clear();
  const block: Block = { first, dayStart, periodStart, periodLen, cum };
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
  const len = block.periodLen[i]!;
  const into = len === 0 ? 0 : Math.min(len, Math.max(0, t - block.periodStart[i]!));
  return block.cum[i]! + into;
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
  return isWorkingDayNumber(indexOf(cal), dayNumberOf(dateISO));
}

/**
 * Nominal length of one working day in ms (`end - start` of the working hours). This is what one
 * `working_days` SLA unit is worth; the real working period of a DST-change day may be an hour shorter or longer.
 */
export function workingDayMs(cal: WorkCalendar): number {
  const index = indexOf(cal);
  return (index.endMinutes - index.startMinutes) * 60_000;
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
  return block.periodStart[lo]! + (target - block.cum[lo]!);
}
