import { DateTime } from 'luxon';

/*
 * The dashboard shows every time in the plan calendar's zone, so the times typed into it are read in that zone too:
 * a manager in another zone enters the same wall-clock times the figures show.
 */

const LOCAL_INPUT = "yyyy-LL-dd'T'HH:mm";

/** `YYYY-MM-DDTHH:mm` of an instant in `zone`, as <input type="datetime-local"> shows it. */
export function toLocalInput(at: string | number, zone: string): string {
  const dt = typeof at === 'number' ? DateTime.fromMillis(at, { zone }) : DateTime.fromISO(at, { zone });
  return dt.toFormat(LOCAL_INPUT);
}

/** The instant a datetime-local value names in `zone`, as ISO 8601 with its offset; null when it names none. */
export function fromLocalInput(value: string, zone: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value.trim())) return null;
  const dt = DateTime.fromISO(value.trim(), { zone });
  return dt.isValid ? dt.toISO({ suppressMilliseconds: true }) : null;
}

/** The day `nowMs` falls on in `zone`, YYYY-MM-DD. */
export function dayIn(nowMs: number, zone: string): string {
  return DateTime.fromMillis(nowMs, { zone }).toISODate() ?? '';
}
