import { DateTime } from 'luxon';
import type { TimeDim, ZoneOffset } from '../../db/queries/metrics';

/* Days, ISO weeks and months in the plan calendar's time zone (docs/metrics.md): their keys and their ranges. */

const DAY_MS = 86_400_000;

const offsetAt = (ms: number, zone: string): number => DateTime.fromMillis(ms, { zone }).offset * 60_000;

/**
 * The zone's UTC offsets over [fromMs, toMs): the offset in force from each start on. Sampled every `stepMs`
 * (daily by default: zones change offset at most a few times a year, never twice a day), each change located to
 * the millisecond by bisection.
 */
export function zoneOffsets(fromMs: number, toMs: number, zone: string, stepMs = DAY_MS): ZoneOffset[] {
  const out = [{ startMs: fromMs, offsetMs: offsetAt(fromMs, zone) }];
  let prevMs = fromMs;
  let prevOffset = out[0]!.offsetMs;
  for (let t = Math.min(fromMs + stepMs, toMs); ; t = Math.min(t + stepMs, toMs)) {
    const o = offsetAt(t, zone);
    if (o !== prevOffset) {
      let lo = prevMs;
      let hi = t;
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (offsetAt(mid, zone) === prevOffset) lo = mid;
        else hi = mid;
      }
      out.push({ startMs: hi, offsetMs: o });
      prevOffset = o;
    }
    prevMs = t;
    if (t >= toMs) break;
  }
  return out;
}

const dayIso = (localDay: number): string => new Date(localDay * DAY_MS).toISOString().slice(0, 10);

/** The key of a local day (days since epoch) in a time dimension: `2026-03-09`, `2026-W11` (ISO week), `2026-03`. */
export function timeKey(localDay: number, dim: TimeDim): string {
  if (dim === 'day') return dayIso(localDay);
  if (dim === 'month') return dayIso(localDay).slice(0, 7);
  return DateTime.fromMillis(localDay * DAY_MS, { zone: 'utc' }).toFormat("kkkk-'W'WW");
}

/** [start, end) in epoch ms of a day/week/month key in the zone; null when the key is malformed. */
export function timeKeyRange(dim: TimeDim, key: string, zone: string): { from: number; to: number } | null {
  const pattern = { day: /^\d{4}-\d{2}-\d{2}$/, week: /^\d{4}-W\d{2}$/, month: /^\d{4}-\d{2}$/ }[dim];
  if (!pattern.test(key)) return null;
  const start = DateTime.fromISO(key, { zone });
  if (!start.isValid) return null;
  const from = start.startOf(dim);
  return { from: from.toMillis(), to: from.plus({ [`${dim}s`]: 1 }).toMillis() };
}

/** Every local day in [fromMs, toMs) of the zone, as days since epoch. */
export function localDaysIn(fromMs: number, toMs: number, zone: string): number[] {
  const days: number[] = [];
  let d = DateTime.fromMillis(fromMs, { zone }).startOf('day');
  while (d.toMillis() < toMs) {
    days.push(Math.floor((d.toMillis() + d.offset * 60_000) / DAY_MS));
    d = d.plus({ days: 1 });
  }
  return days;
}
