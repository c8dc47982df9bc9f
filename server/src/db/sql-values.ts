import { sql, type SQL } from 'drizzle-orm';

/**
 * An integer written into the SQL text. Inlined on purpose: a JS number bound as a parameter reaches libSQL
 * as REAL (docs/development.md "libSQL"), and day arithmetic and change sequences must stay integers.
 */
export function int(n: number): SQL {
  if (!Number.isSafeInteger(n)) throw new Error(`expected an integer, got ${n}`);
  return sql.raw(String(n));
}

/** The bound values of an `IN (…)` list, comma-separated; the caller writes the parentheses. */
export function inList(values: readonly string[]): SQL {
  return sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );
}
