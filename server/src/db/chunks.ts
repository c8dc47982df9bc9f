/** Bound parameters per statement: below SQLite's limit of 32,766. */
export const MAX_PARAMS = 32_000;

/** `list` in slices of at most `size`, for statements that take a bounded number of rows or parameters. */
export function chunks<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}
