import {
  classifyWait,
  isLiveChannel,
  isReplyEligible,
  pairWaits,
  type PairingEvent,
  type Plan,
  type Wait,
} from '@comms-log/shared';
import type { InValue } from '@libsql/client';
import { jsonList, rawExecutor, selectArrays, selectValues, type DbOrTx } from '../db/client';
import { answeringLiveSql, type InteractionRow, type OnTimeState } from '../db/schema';
import { reserveSeq } from './seq';

/*
 * Derived response fields (docs/metrics.md "Pairing"): computed by the shared `pairWaits` over whole threads and
 * written on the inbound message that starts each wait. A thread is recomputed whole; a stakeholder's live
 * events (calls, video, meetings) answer waits in any of its threads, so when those change, the stakeholder's
 * threads whose waits they could answer are recomputed too.
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

/** A whole stored interaction plus its "no reply needed" closure, if any. */
export type DeriveRow = InteractionRow & { closure: RowClosure | null };

/**
 * What recomputing needs of a row: the columns pairing reads, the stored derived fields (to tell what changed)
 * and the closure. A `DeriveRow` is one.
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

export interface DeriveScope {
  /** Threads to recompute whole. */
  threadKeys: Set<string>;
  /**
   * Stakeholders whose live events changed, with the earliest instant of such an event: their waits that
   * were still open at that instant (or began after it) are recomputed.
   */
  liveStakeholders: Map<string, number>;
}

export const emptyScope = (): DeriveScope => ({ threadKeys: new Set(), liveStakeholders: new Map() });

/** Thread keys per query (one JSON parameter: the limit only bounds a statement's result). */
const CHUNK = 2000;
/** Stakeholders per windowed query (3 parameters each). */
const STAKEHOLDER_CHUNK = 300;

function chunks<T>(list: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/*
 * Reads take only the columns pairing needs, as JSON arrays (`selectArrays`): converting whole 33-column rows to
 * objects (drizzle and the client both build one per row) was a fifth of a push's CPU time.
 */
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

/** The pairing fields of a row about to be written (a whole interaction), with its stored closure. */
function pairingOf(r: Omit<PairingRow, 'closure'>, closure: RowClosure | null): PairingRow {
  return {
    id: r.id,
    threadKey: r.threadKey,
    stakeholderId: r.stakeholderId,
    stakeholderType: r.stakeholderType,
    channel: r.channel,
    direction: r.direction,
    occurredAt: r.occurredAt,
    userId: r.userId,
    automated: r.automated,
    internal: r.internal,
    deleted: r.deleted,
    waitStart: r.waitStart,
    firstResponse: r.firstResponse,
    repliedAt: r.repliedAt,
    repliedBy: r.repliedBy,
    replyId: r.replyId,
    responseMs: r.responseMs,
    responseWorkMs: r.responseWorkMs,
    deadlineAt: r.deadlineAt,
    onTime: r.onTime,
    closure,
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

/** A live event that takes part in pairing (reply-eligible, not deleted). */
const answersWaits = (row: PairingRow) => isLiveChannel(row.channel) && !row.deleted && isReplyEligible(row);

/**
 * Load what recomputing `scope` needs: every row (deleted ones too, to clear them) of the affected threads, and
 * the live events of other threads that can answer their waits. `overlay` holds rows about to be written (new
 * versions win). Returns the rows by id and the threads loaded whole (only those may be written).
 *
 * Every query walks an index range: (org, stakeholder, occurred_at) or (org, thread).
 */
export async function loadForDerive(
  db: DbOrTx,
  orgId: string,
  scope: DeriveScope,
  overlay: Map<string, Omit<PairingRow, 'closure'>> = new Map(),
): Promise<{ rows: Map<string, PairingRow>; completeThreads: Set<string> }> {
  const threadKeys = new Set(scope.threadKeys);

  // Threads with a wait of a live-affected stakeholder S that was open at S's earliest changed live event (since)
  // or began after it. No wait of S outlives a live event of S, so such waits began at or after S's last live
  // event before since (which this batch did not change); the stored derived fields (replies do not depend on
  // the plan) tell which of those were open at since. One index range per stakeholder, on
  // (org, stakeholder, occurred_at): CROSS JOIN keeps the stakeholders in the outer loop.
  for (const group of chunks([...scope.liveStakeholders], STAKEHOLDER_CHUNK)) {
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
    for (const key of found) threadKeys.add(key as string);
  }
  for (const row of overlay.values()) threadKeys.add(row.threadKey);

  const rows = new Map<string, PairingRow>();
  for (const group of chunks([...threadKeys])) {
    const found = await selectArrays(db, {
      columns: pairingColumns,
      from: `FROM interactions i ${closureJoin} WHERE i.org_id = ? AND i.thread_key IN (SELECT value FROM json_each(?))`,
      args: [orgId, jsonList(group)],
    });
    for (const r of found) rows.set(r[0] as string, pairingRow(r));
  }
  // Closures live in their own table: an overlaid row keeps the one loaded with the stored row.
  for (const [id, row] of overlay) rows.set(id, pairingOf(row, rows.get(id)?.closure ?? null));

  await loadAnsweringLiveEvents(db, orgId, rows);
  return { rows, completeThreads: threadKeys };
}

/**
 * Add to `rows` (the complete threads) the live events of other threads that can answer their waits. A wait of
 * stakeholder S starts at an inbound message of S in these threads, between the earliest (lo) and the latest
 * (hi) of them, and a live event of S answers every wait of S open at its instant: so the live events of S from
 * lo to hi and the first one after hi are all that pairing these threads can use.
 */
async function loadAnsweringLiveEvents(db: DbOrTx, orgId: string, rows: Map<string, PairingRow>) {
  const windows = new Map<string, { lo: number; hi: number }>();
  for (const row of rows.values()) {
    if (
      row.direction !== 'inbound' ||
      row.stakeholderId === null ||
      row.deleted ||
      !isReplyEligible(row) ||
      isLiveChannel(row.channel)
    )
      continue;
    const w = windows.get(row.stakeholderId);
    if (!w) windows.set(row.stakeholderId, { lo: row.occurredAt, hi: row.occurredAt });
    else {
      if (row.occurredAt < w.lo) w.lo = row.occurredAt;
      if (row.occurredAt > w.hi) w.hi = row.occurredAt;
    }
  }

  let pending = [...windows];
  while (pending.length) {
    /** Per stakeholder: the stored first live event after hi that the query reached (null: none after hi). */
    const reached = new Map<string, number | null>();
    for (const group of chunks(pending, STAKEHOLDER_CHUNK)) {
      const args: InValue[] = [];
      for (const [id, { lo, hi }] of group) args.push(id, lo, hi);
      args.push(orgId, orgId);
      const live = answeringLiveSql('i');
      const found = await selectArrays(db, {
        with: `w(sid, lo, hi) AS (VALUES ${new Array(group.length).fill('(?, ?, ?)').join(', ')}),
          b(sid, lo, hi, next) AS (SELECT w.sid, w.lo, w.hi, (SELECT i.occurred_at FROM interactions i
            WHERE i.org_id = ? AND i.stakeholder_id = w.sid AND i.occurred_at > w.hi AND ${live} ORDER BY i.occurred_at LIMIT 1) FROM w)`,
        columns: `${liveColumns}, b.next`,
        from: `FROM b CROSS JOIN interactions i ON i.org_id = ? AND i.stakeholder_id = b.sid
            AND i.occurred_at >= b.lo AND i.occurred_at <= coalesce(b.next, b.hi) WHERE ${live}`,
        args,
      });
      for (const [id] of group) reached.set(id, null);
      for (const r of found) {
        const id = r[0] as string;
        if (!rows.has(id)) rows.set(id, liveRow(r));
        reached.set(r[2] as string, r[8] as number | null);
      }
    }
    // The batch may have moved, deleted or changed the stored event(s) at `next` (the overlay wins): when no live
    // event of S is left in (hi, next], look further, from next on.
    const firstAfter = new Map<string, number>();
    for (const row of rows.values()) {
      const sid = row.stakeholderId;
      if (sid === null || !reached.has(sid) || !answersWaits(row) || row.occurredAt <= windows.get(sid)!.hi) continue;
      const known = firstAfter.get(sid);
      if (known === undefined || row.occurredAt < known) firstAfter.set(sid, row.occurredAt);
    }
    const again: [string, { lo: number; hi: number }][] = [];
    for (const [sid, next] of reached) {
      const first = firstAfter.get(sid);
      if (next === null || (first !== undefined && first <= next)) continue;
      windows.get(sid)!.hi = next;
      again.push([sid, { lo: next + 1, hi: next }]);
    }
    pending = again;
  }
}

function toEvent(row: PairingRow): PairingEvent {
  return {
    id: row.id,
    threadKey: row.threadKey,
    stakeholderId: row.stakeholderId,
    stakeholderType: row.stakeholderType,
    channel: row.channel,
    direction: row.direction,
    occurredAtMs: row.occurredAt,
    userId: row.userId,
    automated: row.automated,
    internal: row.internal,
    closure: row.closure,
  };
}

/** Stored status of a wait: final for answered and closed waits; `pending` until answered (late is decided at read time). */
export function storedStatus(wait: Wait): OnTimeState {
  if (wait.closedAtMs !== null) return 'closed';
  if (wait.replyAtMs !== null) return classifyWait(wait, wait.replyAtMs);
  return 'pending';
}

export function derivedOfWait(wait: Wait): DerivedFields {
  return {
    waitStart: true,
    firstResponse: wait.firstInConversation,
    repliedAt: wait.replyAtMs,
    repliedBy: wait.repliedBy,
    replyId: wait.replyId,
    responseMs: wait.responseMs,
    responseWorkMs: wait.responseWorkMs,
    deadlineAt: wait.deadlineMs,
    onTime: storedStatus(wait),
  };
}

/** The derived fields of every row of the complete threads (rows that start no wait get `noDerived`). */
export function deriveFields(
  rows: Iterable<PairingRow>,
  completeThreads: Set<string>,
  plan: Plan,
): Map<string, DerivedFields> {
  const all = [...rows];
  // Pairing keeps input order for events at the same instant: order by id (ULIDs sort by creation) to be stable.
  const events = all
    .filter((r) => !r.deleted)
    .sort((a, b) => a.occurredAt - b.occurredAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const waits = pairWaits(events.map(toEvent), plan);
  const out = new Map<string, DerivedFields>();
  for (const row of all) if (completeThreads.has(row.threadKey)) out.set(row.id, noDerived);
  for (const w of waits) if (completeThreads.has(w.threadKey)) out.set(w.startId, derivedOfWait(w));
  return out;
}

export function derivedEqual(a: DerivedFields, b: DerivedFields): boolean {
  for (const c of derivedColumns) if (a[c] !== b[c]) return false;
  return true;
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
    const rows = group.map(({ id, fields: f, seq }) =>
      jsonList([
        id,
        f.waitStart ? 1 : 0,
        f.firstResponse ? 1 : 0,
        f.repliedAt,
        f.repliedBy,
        f.replyId,
        f.responseMs,
        f.responseWorkMs,
        f.deadlineAt,
        f.onTime,
        seq,
      ]),
    );
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

/** Rows whose stored derived fields differ from `derived`. */
export function derivedChanges(
  rows: Map<string, PairingRow>,
  derived: Map<string, DerivedFields>,
): { id: string; fields: DerivedFields }[] {
  const out: { id: string; fields: DerivedFields }[] = [];
  for (const [id, fields] of derived) {
    const row = rows.get(id);
    if (row && !derivedEqual(row, fields)) out.push({ id, fields });
  }
  return out;
}

/**
 * Recompute and store the derived fields of `scope` (e.g. after a wait is closed as "no reply needed").
 * Call inside a transaction. Returns how many rows changed.
 */
export async function recomputeScope(
  db: DbOrTx,
  orgId: string,
  plan: Plan,
  scope: DeriveScope,
  now = Date.now(),
): Promise<number> {
  const { rows, completeThreads } = await loadForDerive(db, orgId, scope);
  const changes = derivedChanges(rows, deriveFields(rows.values(), completeThreads, plan));
  if (changes.length === 0) return 0;
  const first = await reserveSeq(db, orgId, changes.length);
  await writeDerived(
    db,
    orgId,
    changes.map((c, i) => ({ ...c, seq: first + i })),
    now,
  );
  return changes.length;
}

/** Interactions paired at a time by `recomputeOrg` (about 1 kB of memory each while paired). */
const RECOMPUTE_CHUNK_ROWS = 20_000;

/**
 * Recompute every interaction of the org under `plan` (after a plan change, on request). With `dryRun`, only
 * count the rows that would change.
 *
 * Threads go in chunks of about `chunkRows` interactions, in the order they started, each chunk recomputed as a
 * push recomputes its threads (with the live events of other threads that can answer their waits): memory stays
 * that of a chunk however large the org — a whole million-row org held at once took over a gigabyte.
 */
export async function recomputeOrg(
  db: DbOrTx,
  orgId: string,
  plan: Plan,
  opts: { dryRun: boolean; chunkRows?: number },
  now = Date.now(),
): Promise<{ changed: number; total: number }> {
  const threads = (await selectArrays(db, {
    columns: 'k, m, n',
    from: 'FROM (SELECT thread_key AS k, min(occurred_at) AS m, count(*) AS n FROM interactions WHERE org_id = ? GROUP BY thread_key)',
    args: [orgId],
  })) as [string, number, number][];
  threads.sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const chunkRows = opts.chunkRows ?? RECOMPUTE_CHUNK_ROWS;
  let changed = 0;
  let total = 0;
  for (let i = 0; i < threads.length; ) {
    const scope = emptyScope();
    for (let rows = 0; i < threads.length && (rows === 0 || rows + threads[i]![2] <= chunkRows); i++) {
      scope.threadKeys.add(threads[i]![0]);
      rows += threads[i]![2];
      total += threads[i]![2];
    }
    const { rows, completeThreads } = await loadForDerive(db, orgId, scope);
    const changes = derivedChanges(rows, deriveFields(rows.values(), completeThreads, plan));
    changed += changes.length;
    if (!opts.dryRun && changes.length) {
      const first = await reserveSeq(db, orgId, changes.length);
      await writeDerived(
        db,
        orgId,
        changes.map((c, k) => ({ ...c, seq: first + k })),
        now,
      );
    }
  }
  return { changed, total };
}
