import { and, eq, gte, inArray, isNull, or, type SQL } from 'drizzle-orm';
import { classifyWait, liveChannels, pairWaits, type PairingEvent, type Plan, type Wait } from '@comms-log/shared';
import type { InValue } from '@libsql/client';
import { rawExecutor, type DbOrTx } from '../db/client';
import { interactions, waitClosures, type InteractionRow, type OnTimeState } from '../db/schema';
import { reserveSeq } from './seq';

/*
 * Derived response fields (DESIGN.md "Metrics"): computed by the shared `pairWaits` over whole threads and
 * written on the inbound message that starts each wait. A thread is recomputed whole; a stakeholder's live
 * events (calls, video, meetings) answer waits in any of its threads, so when those change, the stakeholder's
 * threads whose waits they could answer are recomputed too.
 */

export type DerivedFields = Pick<
  InteractionRow,
  'waitStart' | 'firstResponse' | 'repliedAt' | 'repliedBy' | 'replyId' | 'responseMs' | 'responseWorkMs' | 'deadlineAt' | 'onTime'
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

/** A row as pairing needs it: the stored interaction plus its "no reply needed" closure, if any. */
export type DeriveRow = InteractionRow & { closure: { atMs: number; reason: string; byUserId: string } | null };

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

const liveChannelList = [...liveChannels];
const CHUNK = 400;

function chunks<T>(list: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

async function selectRows(db: DbOrTx, where: SQL | undefined): Promise<DeriveRow[]> {
  const rows = await db
    .select({ row: interactions, closedAt: waitClosures.closedAt, reason: waitClosures.reason, closedBy: waitClosures.closedBy })
    .from(interactions)
    .leftJoin(waitClosures, and(eq(waitClosures.interactionId, interactions.id), eq(waitClosures.orgId, interactions.orgId)))
    .where(where);
  return rows.map((r) => ({
    ...r.row,
    closure: r.closedAt !== null && r.reason !== null && r.closedBy !== null ? { atMs: r.closedAt, reason: r.reason, byUserId: r.closedBy } : null,
  }));
}

/**
 * Load what recomputing `scope` needs: every row (deleted ones too, to clear them) of the affected threads, and
 * every live event of the stakeholders met in them. `overlay` holds rows about to be written (new versions win).
 * Returns the rows by id and the threads loaded whole (only those may be written).
 */
export async function loadForDerive(
  db: DbOrTx,
  orgId: string,
  scope: DeriveScope,
  overlay: Map<string, DeriveRow> = new Map(),
): Promise<{ rows: Map<string, DeriveRow>; completeThreads: Set<string> }> {
  const threadKeys = new Set(scope.threadKeys);

  // Threads of live-affected stakeholders with a wait a changed live event could answer (from the earliest such
  // event on). No DISTINCT here: it would steer SQLite to the thread index and a scan of the whole org.
  const live = [...scope.liveStakeholders.entries()];
  if (live.length) {
    const sinceMs = Math.min(...live.map(([, ms]) => ms));
    for (const group of chunks(live.map(([id]) => id))) {
      const found = await db
        .select({ threadKey: interactions.threadKey })
        .from(interactions)
        .where(
          and(
            eq(interactions.orgId, orgId),
            inArray(interactions.stakeholderId, group),
            eq(interactions.direction, 'inbound'),
            eq(interactions.deleted, false),
            or(gte(interactions.occurredAt, sinceMs), and(eq(interactions.waitStart, true), or(isNull(interactions.repliedAt), gte(interactions.repliedAt, sinceMs)))),
          ),
        );
      for (const f of found) threadKeys.add(f.threadKey);
    }
  }
  for (const row of overlay.values()) threadKeys.add(row.threadKey);

  const rows = new Map<string, DeriveRow>();
  for (const group of chunks([...threadKeys])) {
    for (const row of await selectRows(db, and(eq(interactions.orgId, orgId), inArray(interactions.threadKey, group)))) rows.set(row.id, row);
  }
  // Closures live in their own table: an overlaid row keeps the one loaded with the stored row.
  for (const [id, row] of overlay) rows.set(id, { ...row, closure: rows.get(id)?.closure ?? row.closure });

  // Live events of every stakeholder with an inbound message here: they may answer its waits from any thread.
  const stakeholderIds = new Set<string>();
  for (const row of rows.values()) if (row.direction === 'inbound' && row.stakeholderId !== null && !row.deleted) stakeholderIds.add(row.stakeholderId);
  for (const group of chunks([...stakeholderIds])) {
    const live = await selectRows(
      db,
      and(eq(interactions.orgId, orgId), inArray(interactions.stakeholderId, group), inArray(interactions.channel, liveChannelList), eq(interactions.deleted, false)),
    );
    for (const row of live) if (!rows.has(row.id)) rows.set(row.id, row);
  }
  return { rows, completeThreads: threadKeys };
}

function toEvent(row: DeriveRow): PairingEvent {
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
export function deriveFields(rows: Iterable<DeriveRow>, completeThreads: Set<string>, plan: Plan): Map<string, DerivedFields> {
  const all = [...rows];
  // Pairing keeps input order for events at the same instant: order by id (ULIDs sort by creation) to be stable.
  const events = all.filter((r) => !r.deleted).sort((a, b) => a.occurredAt - b.occurredAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
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

const VALUES_PER_UPDATE = 11;
const MAX_PARAMS = 32_000;

/** Write derived fields of existing rows (UPDATE … FROM VALUES), each with its change sequence number. */
export async function writeDerived(db: DbOrTx, orgId: string, changes: { id: string; fields: DerivedFields; seq: number }[], now: number) {
  const execute = rawExecutor(db);
  const tuple = `(${new Array(VALUES_PER_UPDATE).fill('?').join(', ')})`;
  for (const group of chunks(changes, Math.floor(MAX_PARAMS / VALUES_PER_UPDATE))) {
    const args: InValue[] = [];
    for (const { id, fields: f, seq } of group) {
      args.push(id, f.waitStart ? 1 : 0, f.firstResponse ? 1 : 0, f.repliedAt, f.repliedBy, f.replyId, f.responseMs, f.responseWorkMs, f.deadlineAt, f.onTime, seq);
    }
    args.push(now, orgId);
    await execute({
      sql: `WITH v(id, wait_start, first_response, replied_at, replied_by, reply_id, response_ms, response_work_ms, deadline_at, on_time, seq) AS (VALUES ${new Array(group.length).fill(tuple).join(', ')})
      UPDATE interactions SET wait_start = v.wait_start, first_response = v.first_response, replied_at = v.replied_at, replied_by = v.replied_by,
        reply_id = v.reply_id, response_ms = v.response_ms, response_work_ms = v.response_work_ms, deadline_at = v.deadline_at, on_time = v.on_time,
        seq = v.seq, updated_at = ?
      FROM v WHERE interactions.id = v.id AND interactions.org_id = ?`,
      args,
    });
  }
}

/** Rows whose stored derived fields differ from `derived`. */
export function derivedChanges(rows: Map<string, DeriveRow>, derived: Map<string, DerivedFields>): { id: string; fields: DerivedFields }[] {
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
export async function recomputeScope(db: DbOrTx, orgId: string, plan: Plan, scope: DeriveScope, now = Date.now()): Promise<number> {
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

/**
 * Recompute every interaction of the org under `plan` (after a plan change, on request). With `dryRun`, only
 * count the rows that would change.
 */
export async function recomputeOrg(db: DbOrTx, orgId: string, plan: Plan, opts: { dryRun: boolean }, now = Date.now()): Promise<{ changed: number; total: number }> {
  const rows = new Map((await selectRows(db, eq(interactions.orgId, orgId))).map((r) => [r.id, r]));
  const completeThreads = new Set([...rows.values()].map((r) => r.threadKey));
  const changes = derivedChanges(rows, deriveFields(rows.values(), completeThreads, plan));
  if (!opts.dryRun && changes.length) {
    const first = await reserveSeq(db, orgId, changes.length);
    await writeDerived(
      db,
      orgId,
      changes.map((c, i) => ({ ...c, seq: first + i })),
      now,
    );
  }
  return { changed: changes.length, total: rows.size };
}
