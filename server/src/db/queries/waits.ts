import { sql, type SQL } from 'drizzle-orm';
import type { Channel, MetricsFilter, StakeholderType } from '@comms-log/shared';
import type { DbOrTx } from '../client';
import { filterWhere, type MsRange } from './metrics';

/*
 * The waits of a period (docs/metrics.md), read a month at a time as JSON arrays: the response
 * figures, the drill-down's statuses and the report's worst waits all fold them as they come.
 */

const DAY_MS = 86_400_000;

/** Waits read per statement when a period is scanned: a month of it at a time. */
const WAIT_WINDOW_MS = 31 * DAY_MS;

/**
 * When a stored closed wait was closed: its `wait_closures` row's time, or (closed on a later message of the
 * block) its start. Null for waits that are not closed.
 */
export const closedAtValue = sql`CASE WHEN i.on_time = 'closed' THEN max(i.occurred_at, coalesce((SELECT wc.closed_at FROM wait_closures wc WHERE wc.org_id = i.org_id AND wc.interaction_id = i.id), i.occurred_at)) END`;

/** Only the waits that open a conversation (their first response), or every wait. */
export const firstResponseWhere = (only: boolean): SQL => (only ? sql`i.first_response = 1` : sql`1 = 1`);

/** The columns a scan can read of a wait start, and their types. */
export interface WaitColumnTypes {
  id: string;
  occurredAt: number;
  stakeholderId: string | null;
  stakeholderType: StakeholderType;
  channel: Channel;
  userId: string;
  repliedAt: number | null;
  responseMs: number | null;
  responseWorkMs: number | null;
  deadlineAt: number | null;
  closedAt: number | null;
}
export type WaitColumn = keyof WaitColumnTypes;

const waitColumnSql: Record<WaitColumn, SQL> = {
  id: sql`i.id`,
  occurredAt: sql`i.occurred_at`,
  stakeholderId: sql`i.stakeholder_id`,
  stakeholderType: sql`i.stakeholder_type`,
  channel: sql`i.channel`,
  userId: sql`i.user_id`,
  repliedAt: sql`i.replied_at`,
  responseMs: sql`i.response_ms`,
  responseWorkMs: sql`i.response_work_ms`,
  deadlineAt: sql`i.deadline_at`,
  closedAt: closedAtValue,
};

/** Every column a scan can read (the covering index `interactions_waits` must hold them all). */
export const everyWaitColumn = Object.keys(waitColumnSql) as WaitColumn[];

/** A wait as a scan gives it: the values of `K`, in order, then those of the scan's `extra` SQL values. */
export type WaitTuple<K extends readonly WaitColumn[]> = [
  ...{ [I in keyof K]: K[I] extends WaitColumn ? WaitColumnTypes[K[I]] : never },
  ...unknown[],
];

export interface ScanWaitsOptions {
  /** More values after the columns (the group values of a grouped figure). */
  extra?: SQL[];
  /** Only the waits `where` keeps (`dimsEqual`, `idIn`), in `rangeMs` instead of the filter's range. */
  narrow?: { where: SQL; rangeMs?: MsRange };
  newestFirst?: boolean;
}

/** [fromMs, toMs) cut into the windows a scan reads one statement each: a month of the period at a time. */
export function waitWindows(fromMs: number, toMs: number): MsRange[] {
  const windows: MsRange[] = [];
  for (let start = fromMs; start < toMs; start += WAIT_WINDOW_MS)
    windows.push({ from: start, to: Math.min(start + WAIT_WINDOW_MS, toMs) });
  return windows;
}

/**
 * Visit the waits that start in [from, to) of `filter` (and `narrow`), a month of the period at a time, oldest
 * window first (or newest first with `newestFirst`), each window's waits as one JSON array of `columns` per wait:
 * memory holds one window however long the period (whole rows of a six-month period of a large org took ~1.9 kB a
 * wait). Within a window the waits come in no particular order.
 */
export async function scanWaits<const K extends readonly WaitColumn[]>(
  db: DbOrTx,
  orgId: string,
  filter: MetricsFilter,
  columns: K,
  visit: (rows: WaitTuple<K>[]) => void,
  opts: ScanWaitsOptions = {},
): Promise<void> {
  const fromMs = opts.narrow?.rangeMs?.from ?? Date.parse(filter.from);
  const toMs = opts.narrow?.rangeMs?.to ?? Date.parse(filter.to);
  const windows = waitWindows(fromMs, toMs);
  if (opts.newestFirst) windows.reverse();
  for (const range of windows) {
    const [row] = await db.all<{ j: string }>(waitWindowSql(orgId, filter, columns, range, opts));
    visit(JSON.parse(row?.j ?? '[]') as WaitTuple<K>[]);
  }
}

/**
 * The statement of one window of {@link scanWaits}: its waits as one JSON array. Every column it reads of a wait
 * is in the partial index `interactions_waits`, so SQLite reads the index alone (docs/metrics.md "Roll-ups").
 */
export function waitWindowSql(
  orgId: string,
  filter: MetricsFilter,
  columns: readonly WaitColumn[],
  range: MsRange,
  opts: Pick<ScanWaitsOptions, 'extra' | 'narrow'> = {},
): SQL {
  const values = sql.join([...columns.map((c) => waitColumnSql[c]), ...(opts.extra ?? [])], sql`, `);
  return sql`SELECT json_group_array(json_array(${values})) AS j FROM interactions i
    WHERE ${filterWhere(orgId, filter, range)} AND i.wait_start = 1${opts.narrow ? sql` AND ${opts.narrow.where}` : sql``}`;
}
