import { sql, type SQL } from 'drizzle-orm';
import type { MetricsFilter } from '@comms-log/shared';
import type { DbOrTx } from '../client';
import { int } from '../sql-values';
import { filterWhere, type MsRange } from './metrics';
import { decodeWindow, OTHER_VALUE, type WaitCodesScan, type WaitVisitor } from './wait-codes-decode';
import { closedAtValue, firstResponseWhere, waitWindows } from './waits';

/*
 * The waits of a period as few bytes as SQLite can write them (docs/metrics.md "Roll-ups"): per wait one integer
 * whose decimal digits are its answered time, its status as of `asOf` and the codes of its enum group values, and
 * its other group values each in a list of their own. Building JSON for every wait and parsing it again took most of
 * the response figures' time.
 */

/** `classifyWait` in SQL: 0 on time, 1 late, 2 pending, 3 closed, as of `asOf`. */
const statusSql = (asOf: SQL): SQL => sql`CASE WHEN i.on_time = 'closed' AND ${closedAtValue} <= ${asOf} THEN 3
  WHEN i.replied_at <= ${asOf} THEN (i.deadline_at IS NOT NULL AND i.replied_at > i.deadline_at)
  WHEN ${asOf} > i.deadline_at THEN 1 ELSE 2 END`;

/**
 * The wait's integer, in decimal: its answered time in ms (none when unanswered), one digit of status (0–3 answered,
 * 4–7 unanswered: status + 4), then one digit per enum value. A negative or fractional time gives a fraction, and a
 * number past 64 bits a real, which the decoder refuses.
 */
function codeSql(scan: WaitCodesScan): SQL {
  const asOf = int(scan.asOfMs);
  const ms = scan.basis === 'calendar' ? sql`i.response_ms` : sql`i.response_work_ms`;
  const status = statusSql(asOf);
  let code = sql`CASE WHEN ${ms} >= 0 AND i.replied_at <= ${asOf} THEN ${ms} * 10 + (${status})
    WHEN ${ms} < 0 AND i.replied_at <= ${asOf} THEN 0.5 ELSE (${status}) + 4 END`;
  for (const v of scan.values) {
    if (v.kind !== 'enum') continue;
    const whens = v.values.map((value, k) => sql`WHEN ${value} THEN ${int(k)}`);
    code = sql`(${code}) * 10 + (CASE ${v.sql} ${sql.join(whens, sql` `)} ELSE ${int(OTHER_VALUE)} END)`;
  }
  return code;
}

/** One window's statement: `c` the codes, `v<k>` the k-th value when it is not an enum, each list in one order. */
export function waitCodesSql(orgId: string, filter: MetricsFilter, range: MsRange, scan: WaitCodesScan): SQL {
  const columns = [sql`group_concat(${codeSql(scan)}) AS c`];
  scan.values.forEach((v, k) => {
    const name = sql.raw(`v${k}`);
    if (v.kind === 'integer') columns.push(sql`group_concat(${v.sql}) AS ${name}`);
    // A null is an empty field, any value a field led by '=': one separator (a control character, which ids refuse).
    else if (v.kind === 'text')
      columns.push(sql`group_concat(${v.nullable ? sql`coalesce('=' || ${v.sql}, '')` : v.sql}, char(30)) AS ${name}`);
  });
  const first = scan.firstResponseOnly ? sql` AND ${firstResponseWhere(true)}` : sql``;
  return sql`SELECT ${sql.join(columns, sql`, `)} FROM interactions i
    WHERE ${filterWhere(orgId, filter, range)} AND i.wait_start = 1${first}`;
}

/**
 * Visit the waits that start in [from, to) of `filter`, a month of the period at a time (as `scanWaits`): each
 * wait's status, answered time and group values. Throws `UndecodableWaits` when a wait holds what the codes
 * cannot carry; the caller then reads the waits as `scanWaits` does.
 */
export async function scanWaitCodes(
  db: DbOrTx,
  orgId: string,
  filter: MetricsFilter,
  scan: WaitCodesScan,
  visit: WaitVisitor,
): Promise<void> {
  for (const range of waitWindows(Date.parse(filter.from), Date.parse(filter.to))) {
    const [row] = await db.all<Record<string, string | null>>(waitCodesSql(orgId, filter, range, scan));
    if (row) decodeWindow(row, scan, visit);
  }
}
