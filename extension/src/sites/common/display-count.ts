import { anyOf } from './time-words';
import { countUnits } from './words';

/**
 * Counts as social sites print them ("3,456", "1.2万", "10万+", "3.5亿", "1.2w", "8k"), read as whole numbers:
 * the docs/architecture.md capture of own posts keeps the integer the page shows, so "1.2万" is 12000 and the
 * "+" of "10万+" (a floor the site rounds down to) is dropped.
 */

/** One count: digits with thousands separators and a decimal point, an optional unit, an optional "+". */
const countPattern = new RegExp(String.raw`(\d[\d,，]*(?:\.\d+)?)\s*(${anyOf(Object.keys(countUnits))}?)\s*\+?`, 'i');
const wholeCountPattern = new RegExp(`^${countPattern.source}$`, 'i');

function toCount(digits: string, unit: string): number | null {
  const value = Number(digits.replace(/[,，]/g, ''));
  if (!Number.isFinite(value)) return null;
  const count = Math.round(value * countUnits[unit.toLowerCase()]!);
  return Number.isSafeInteger(count) ? count : null;
}

/** The text is exactly one count (spaces allowed around it); null for anything else, "—" and words included. */
export function parseDisplayCount(text: string): number | null {
  const m = wholeCountPattern.exec(text.replace(/\s+/g, ' ').trim());
  return m ? toCount(m[1]!, m[2]!) : null;
}

/** The first count in a text that also holds words ("转发 18", "阅读 1.2万", "3.4万粉丝"); null when it has none. */
export function findDisplayCount(text: string): number | null {
  const m = countPattern.exec(text.replace(/\s+/g, ' '));
  return m ? toCount(m[1]!, m[2]!) : null;
}
