import {
  agoWords,
  atWords,
  clockMarkers,
  cjkWeekday,
  dayWords,
  halfHourAgoWords,
  justNowWords,
  monthNames,
  oneWords,
  roundingWords,
  sourceWords,
  type TimeUnit,
  unitWords,
} from './words';

/**
 * The word table (words.ts) turned into regular-expression pieces and lookups, compiled once per content script.
 * Matching is case-insensitive for Latin letters; CJK words match as written.
 */

function escapeRegExp(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** An alternation of the words, longest first so "分钟" wins over "分". */
export function anyOf(words: readonly string[]): string {
  return `(?:${[...words]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|')})`;
}

const latin = (w: string) => /^[a-z.]+$/i.test(w);

export const allMarkers = anyOf([...clockMarkers.am, ...clockMarkers.pm, ...clockMarkers.noon]);
export const latinUnits = anyOf(Object.keys(unitWords).filter(latin));
export const cjkUnits = anyOf(Object.keys(unitWords).filter((w) => !latin(w)));
export const justNow = anyOf(justNowWords);
export const rounding = anyOf(roundingWords);
export const one = anyOf(oneWords);
export const ago = anyOf(agoWords.suffix);
export const cjkAgo = anyOf(agoWords.cjkSuffix);
export const halfHourAgo = anyOf(halfHourAgoWords);
export const at = anyOf(atWords);
export const dayWord = anyOf([...dayWords.today, ...dayWords.yesterday, ...dayWords.dayBeforeYesterday]);
export const weekday = cjkWeekday;
export const source = anyOf(sourceWords);

const lower = (w: string) => w.toLowerCase();

/** How many days before today a day word means: 0, 1 or 2. */
export function daysBack(word: string): number {
  const w = lower(word);
  if ((dayWords.yesterday as readonly string[]).includes(w)) return 1;
  if ((dayWords.dayBeforeYesterday as readonly string[]).includes(w)) return 2;
  return 0;
}

/** The unit a word names ("hours", "分鐘"), English plurals included; null for an unknown word. */
export function unitOf(word: string): TimeUnit | null {
  const w = lower(word);
  return unitWords[w] ?? unitWords[w.replace(/s$/, '')] ?? null;
}

/** 1 for "a"/"an"/"one", else the number. */
export function amountOf(text: string): number {
  return (oneWords as readonly string[]).includes(lower(text)) ? 1 : Number(text);
}

/**
 * A 12-hour clock with a marker as 0–23; without a marker the hour as printed. Null when hour and marker
 * contradict ("上午14:00"). An afternoon marker before a 24-hour clock ("下午 14:05") is the hour itself.
 */
export function hour24(hour: number, marker: string | undefined): number | null {
  if (!marker) return hour;
  const m = lower(marker);
  const has = (list: readonly string[]) => list.includes(m);
  if (hour > 12) return has(clockMarkers.am) ? null : hour;
  if (has(clockMarkers.am)) return hour === 12 ? 0 : hour;
  if (has(clockMarkers.pm)) return hour === 12 ? 12 : hour + 12;
  if (has(clockMarkers.noon)) return hour < 11 ? hour + 12 : hour;
  return null;
}

/** The month (1–12) of an English month name or its first three letters; null for anything else. */
export function monthFromName(name: string): number | null {
  const index = (monthNames as readonly string[]).indexOf(name.slice(0, 3).toLowerCase());
  return index < 0 ? null : index + 1;
}
