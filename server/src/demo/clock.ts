import type { Rng } from './seeded-random';

/* The demo org's working clock: Asia/Shanghai, Mon–Fri 09:00–18:00. */

export const H = 3_600_000;
export const DAY = 24 * H;
/** Asia/Shanghai has no DST: local time is UTC+8 all year. */
const OFFSET = 8 * H;

const localDayStart = (ms: number) => Math.floor((ms + OFFSET) / DAY) * DAY - OFFSET;
const isoWeekday = (ms: number) => ((Math.floor((ms + OFFSET) / DAY) + 3) % 7) + 1;
const isWorking = (ms: number) => {
  const hour = ((ms + OFFSET) % DAY) / H;
  return isoWeekday(ms) <= 5 && hour >= 9 && hour < 18;
};

/** The next working-hours instant at or after `ms`, plus a little settling time (people reply after arriving). */
export function nextWorking(ms: number, rng: Rng): number {
  if (isWorking(ms)) return ms;
  let day = localDayStart(ms);
  if (((ms + OFFSET) % DAY) / H >= 18) day += DAY;
  while (isoWeekday(day + 12 * H) > 5) day += DAY;
  return day + 9 * H + rng.int(5, 90) * 60_000;
}

/** An inbound message's time: mostly office hours on weekdays, sometimes evenings and weekends. */
export function inboundTime(dayMs: number, rng: Rng): number {
  const hour = rng.weighted<[number, number]>([
    [[9, 18], 80],
    [[18, 23], 15],
    [[6, 9], 5],
  ]);
  return localDayStart(dayMs) + rng.int(hour[0] * 60, hour[1] * 60 - 1) * 60_000;
}
