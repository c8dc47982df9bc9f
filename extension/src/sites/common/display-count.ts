/**
 * Counts as social sites print them ("3,456", "1.2万", "10万+", "3.5亿", "1.2w", "8k"), read as whole numbers:
 * the docs/architecture.md capture of own posts keeps the integer the page shows, so "1.2万" is 12000 and the
 * "+" of "10万+" (a floor the site rounds down to) is dropped.
 */

const multiplierByUnit: Record<string, number> = {
  '': 1,
  k: 1_000,
  千: 1_000,
  w: 10_000,
  万: 10_000,
  亿: 100_000_000,
};

/** One count: digits with thousands separators and a decimal point, an optional unit, an optional "+". */
const countPattern = /(\d[\d,，]*(?:\.\d+)?)\s*([kKwW千万亿]?)\s*\+?/;
const wholeCountPattern = new RegExp(`^${countPattern.source}$`);

function toCount(digits: string, unit: string): number | null {
  const value = Number(digits.replace(/[,，]/g, ''));
  if (!Number.isFinite(value)) return null;
  const count = Math.round(value * multiplierByUnit[unit.toLowerCase()]!);
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
