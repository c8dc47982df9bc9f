import type { InValue } from '@libsql/client';
import { chunks } from '../chunks';
import { jsonList, rawExecutor, selectArrays, selectValues, type DbOrTx } from '../client';
import { answeringLiveSql, type InteractionRow } from '../schema';

/*
 * The reads and writes of the derived response fields (docs/metrics.md "Pairing"). Reads take only the columns
 * pairing needs, as JSON arrays (`selectArrays`): converting whole 33-column rows to objects (drizzle and the
 * client both build one per row) was a fifth of a push's CPU time.
 */

export type DerivedFields = Pick<
  InteractionRow,
  | 'waitStart'
  | 'firstResponse'
  | 'repliedAt'
  | 'repliedBy'
  | 'replyId'
  | 'responseMs'
  | 'responseWorkMs'
  | 'deadlineAt'
  | 'onTime'
>;

export const derivedColumns = [
  'waitStart',
  'firstResponse',
  'repliedAt',
  'repliedBy',
  'replyId',
  'responseMs',
  'responseWorkMs',
  'deadlineAt',
  'onTime',
] as const satisfies readonly (keyof DerivedFields)[];

/** The derived fields of a positional row whose `derivedColumns` start at index `at` (in that order). */
export function derivedFromArray(r: readonly unknown[], at: number): DerivedFields {
  return {
    waitStart: r[at] === 1,
    firstResponse: r[at + 1] === 1,
    repliedAt: r[at + 2] as number | null,
    repliedBy: r[at + 3] as string | null,
    replyId: r[at + 4] as string | null,
    responseMs: r[at + 5] as number | null,
    responseWorkMs: r[at + 6] as number | null,
    deadlineAt: r[at + 7] as number | null,
    onTime: r[at + 8] as DerivedFields['onTime'],
  };
}

/** Push `f`'s values in `derivedColumns` order, as SQLite stores them (booleans as 0/1). */
export function pushDerivedValues(args: InValue[], f: DerivedFields): void {
  args.push(
    f.waitStart ? 1 : 0,
    f.firstResponse ? 1 : 0,
    f.repliedAt,
    f.repliedBy,
    f.replyId,
    f.responseMs,
    f.responseWorkMs,
    f.deadlineAt,
    f.onTime,
  );
}

export const noDerived: DerivedFields = {
  waitStart: false,
  firstResponse: false,
  repliedAt: null,
  repliedBy: null,
  replyId: null,
  responseMs: null,
  responseWorkMs: null,
  deadlineAt: null,
  onTime: null,
};

/** "No reply needed" on a row, as pairing needs it. */
export type RowClosure = { atMs: number; reason: string; byUserId: string };

/**
 * What recomputing needs of a row: the columns pairing reads, the stored derived fields (to tell what changed)
 * and the closure.
 */
export type PairingRow = Pick<
  InteractionRow,
  | 'id'
  | 'threadKey'
  | 'stakeholderId'
  | 'stakeholderType'
  | 'channel'
  | 'direction'
  | 'occurredAt'
  | 'userId'
  | 'automated'
  | 'internal'
  | 'deleted'
> &
  DerivedFields & { closure: RowClosure | null };

/** Thread keys per query (one JSON parameter: the limit only bounds a statement's result). */
const THREAD_CHUNK = 2000;
/** Stakeholders per windowed query (3 parameters each). */
const STAKEHOLDER_CHUNK = 300;

const pairingColumns = `i.id, i.thread_key, i.stakeholder_id, i.stakeholder_type, i.channel, i.direction, i.occurred_at, i.user_id,
  i.automated, i.internal, i.deleted, i.wait_start, i.first_response, i.replied_at, i.replied_by, i.reply_id, i.response_ms,
  i.response_work_ms, i.deadline_at, i.on_time, c.closed_at, c.reason, c.closed_by`;
const closureJoin = 'LEFT JOIN wait_closures c ON c.org_id = i.org_id AND c.interaction_id = i.id';

/** A row of `pairingColumns`. */
function pairingRow(r: readonly unknown[]): PairingRow {
  const closedAt = r[20] as number | null;
  return {
    id: r[0] as string,
    threadKey: r[1] as string,
    stakeholderId: r[2] as string | null,
    stakeholderType: r[3] as PairingRow['stakeholderType'],
    channel: r[4] as PairingRow['channel'],
    direction: r[5] as PairingRow['direction'],
    occurredAt: r[6] as number,
    userId: r[7] as string,
    automated: r[8] === 1,
    internal: r[9] === 1,
    deleted: r[10] === 1,
    ...derivedFromArray(r, 11),
    closure: closedAt === null ? null : { atMs: closedAt, reason: r[21] as string, byUserId: r[22] as string },
  };
}

/** A live event of another thread: only its pairing columns matter (it is never written). */
const liveColumns =
  'i.id, i.thread_key, i.stakeholder_id, i.stakeholder_type, i.channel, i.direction, i.occurred_at, i.user_id';
function liveRow(r: readonly unknown[]): PairingRow {
  return {
    id: r[0] as string,
    threadKey: r[1] as string,
    stakeholderId: r[2] as string,
    stakeholderType: r[3] as PairingRow['stakeholderType'],
    channel: r[4] as PairingRow['channel'],
    direction: r[5] as PairingRow['direction'],
    occurredAt: r[6] as number,
    userId: r[7] as string,
    automated: false,
    internal: false,
    deleted: false,
    ...noDerived,
    closure: null,
  };
}

/**
 * Threads with a wait of a live-affected stakeholder S that was open at `since` (S's earliest changed live event)
 * or began after it. No wait of S outlives a live event of S, so such waits began at or after S's last live event
 * before since; the stored derived fields tell which of those were open at since. One index range per
 * stakeholder, on (org, stakeholder, occurred_at): CROSS JOIN keeps the stakeholders in the outer loop.
 */
export async function threadsOfOpenLiveWaits(
  db: DbOrTx,
  orgId: string,
  stakeholders: readonly [id: string, since: number][],
): Promise<string[]> {
  const keys: string[] = [];
  for (const group of chunks(stakeholders, STAKEHOLDER_CHUNK)) {
    const args: InValue[] = [];
    for (const [id, since] of group) args.push(id, since);
    args.push(orgId, orgId);
    const found = await selectValues(db, {
      with: `s(id, since) AS (VALUES ${new Array(group.length).fill('(?, ?)').join(', ')}),
        f(id, since, start) AS (SELECT s.id, s.since, coalesce((SELECT j.occurred_at FROM interactions j
          WHERE j.org_id = ? AND j.stakeholder_id = s.id AND j.occurred_at < s.since AND ${answeringLiveSql('j')}
          ORDER BY j.occurred_at DESC LIMIT 1), -1) FROM s)`,
      value: 'DISTINCT i.thread_key',
      from: `FROM f CROSS JOIN interactions i ON i.org_id = ? AND i.stakeholder_id = f.id AND i.occurred_at >= f.start
        WHERE i.wait_start = 1 AND (i.replied_at IS NULL OR i.replied_at >= f.since)`,
      args,
    });
    for (const key of found) keys.push(key as string);
  }
  return keys;
}

/** Every row (deleted ones too) of the threads `threadKeys`, with its closure, by id. */
export async function pairingRowsOfThreads(
  db: DbOrTx,
  orgId: string,
  threadKeys: readonly string[],
): Promise<Map<string, PairingRow>> {
  const rows = new Map<string, PairingRow>();
  for (const group of chunks(threadKeys, THREAD_CHUNK)) {
    const found = await selectArrays(db, {
      columns: pairingColumns,
      from: `FROM interactions i ${closureJoin} WHERE i.org_id = ? AND i.thread_key IN (SELECT value FROM json_each(?))`,
      args: [orgId, jsonList(group)],
    });
    for (const r of found) rows.set(r[0] as string, pairingRow(r));
  }
  return rows;
}

/** A stakeholder's window of inbound instants: the live events from `lo` to `hi` and the first after `hi`. */
export interface LiveWindow {
  lo: number;
  hi: number;
}

/**
 * The live events that can answer waits of each stakeholder in its window (from lo to hi, and up to the first one
 * after hi), and per stakeholder the instant of that first stored live event after hi (null: none after hi).
 */
export async function liveEventsInWindows(
  db: DbOrTx,
  orgId: string,
  windows: readonly [stakeholderId: string, LiveWindow][],
): Promise<{ events: PairingRow[]; next: Map<string, number | null> }> {
  const events: PairingRow[] = [];
  const next = new Map<string, number | null>();
  const live = answeringLiveSql('i');
  for (const group of chunks(windows, STAKEHOLDER_CHUNK)) {
    const args: InValue[] = [];
    for (const [id, { lo, hi }] of group) args.push(id, lo, hi);
    args.push(orgId, orgId);
    const found = await selectArrays(db, {
      with: `w(sid, lo, hi) AS (VALUES ${new Array(group.length).fill('(?, ?, ?)').join(', ')}),
          b(sid, lo, hi, next) AS (SELECT w.sid, w.lo, w.hi, (SELECT i.occurred_at FROM interactions i
            WHERE i.org_id = ? AND i.stakeholder_id = w.sid AND i.occurred_at > w.hi AND ${live} ORDER BY i.occurred_at LIMIT 1) FROM w)`,
      columns: `${liveColumns}, b.next`,
      from: `FROM b CROSS JOIN interactions i ON i.org_id = ? AND i.stakeholder_id = b.sid
            AND i.occurred_at >= b.lo AND i.occurred_at <= coalesce(b.next, b.hi) WHERE ${live}`,
      args,
    });
    for (const [id] of group) next.set(id, null);
    for (const r of found) {
      events.push(liveRow(r));
      next.set(r[2] as string, r[8] as number | null);
    }
  }
  return { events, next };
}

/**
 * The org's threads after `afterKey` in key order, at most `limit`, each with its first instant and its number of
 * rows: one range of the (org, thread) index, so that listing a large org's threads is many short statements.
 */
export async function threadSizesPage(
  db: DbOrTx,
  orgId: string,
  afterKey: string,
  limit: number,
): Promise<[key: string, firstAt: number, rows: number][]> {
  return (await selectArrays(db, {
    columns: 'k, m, n',
    from: `FROM (SELECT thread_key AS k, min(occurred_at) AS m, count(*) AS n FROM interactions
      WHERE org_id = ? AND thread_key > ? GROUP BY thread_key ORDER BY thread_key LIMIT ?)`,
    args: [orgId, afterKey, limit],
  })) as [string, number, number][];
}

/** Rows per UPDATE (one JSON parameter: the limit only bounds the statement's text). */
const ROWS_PER_UPDATE = 5000;

/**
 * Write derived fields of existing rows (one UPDATE … FROM json_each per 5,000), each with its change sequence
 * number. The rows travel as one JSON parameter: a VALUES list of 11 `?` a row cost more to prepare and bind than
 * the update. `+interactions.org_id` keeps the planner on the primary key (with no statistics it would walk the
 * org's rows and probe the JSON for each).
 */
export async function writeDerived(
  db: DbOrTx,
  orgId: string,
  changes: { id: string; fields: DerivedFields; seq: number }[],
  now: number,
) {
  const execute = rawExecutor(db);
  for (const group of chunks(changes, ROWS_PER_UPDATE)) {
    const rows = group.map(({ id, fields, seq }) => {
      const values: (string | number | null)[] = [id];
      pushDerivedValues(values, fields);
      values.push(seq);
      return jsonList(values);
    });
    await execute({
      sql: `WITH v(id, wait_start, first_response, replied_at, replied_by, reply_id, response_ms, response_work_ms, deadline_at, on_time, seq) AS (
        SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6, value ->> 7, value ->> 8, value ->> 9, value ->> 10 FROM json_each(?))
      UPDATE interactions SET wait_start = v.wait_start, first_response = v.first_response, replied_at = v.replied_at, replied_by = v.replied_by,
        reply_id = v.reply_id, response_ms = v.response_ms, response_work_ms = v.response_work_ms, deadline_at = v.deadline_at, on_time = v.on_time,
        seq = v.seq, updated_at = ?
      FROM v WHERE interactions.id = v.id AND +interactions.org_id = ?`,
      args: [`[${rows.join(',')}]`, now, orgId],
    });
  }
}
