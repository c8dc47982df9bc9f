import { isLiveChannel, isReplyEligible } from '@comms-log/shared';
import type { DbOrTx } from '../../db/client';
import {
  liveEventsInWindows,
  pairingRowsOfThreads,
  threadsOfOpenLiveWaits,
  type LiveWindow,
  type PairingRow,
  type RowClosure,
} from '../../db/queries/derive';
import type { DeriveScope } from './scope';

/*
 * A thread is recomputed whole; a stakeholder's live events (calls, video, meetings) answer waits in any of its
 * threads, so when those change, the stakeholder's threads whose waits they could answer are recomputed too.
 */

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
  for (const key of await threadsOfOpenLiveWaits(db, orgId, [...scope.liveStakeholders])) threadKeys.add(key);
  for (const row of overlay.values()) threadKeys.add(row.threadKey);

  const rows = await pairingRowsOfThreads(db, orgId, [...threadKeys]);
  // Closures live in their own table: an overlaid row keeps the one loaded with the stored row.
  for (const [id, row] of overlay) rows.set(id, pairingOf(row, rows.get(id)?.closure ?? null));

  await loadAnsweringLiveEvents(db, orgId, rows);
  return { rows, completeThreads: threadKeys };
}

/**
 * Per stakeholder, the earliest (lo) and latest (hi) inbound message of the complete threads that can start a
 * wait of it.
 */
function inboundWindows(rows: Map<string, PairingRow>): Map<string, LiveWindow> {
  const windows = new Map<string, LiveWindow>();
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
  return windows;
}

/** Per stakeholder the query reached: the first live event of `rows` (overlay included) after its window. */
function firstLiveAfterWindows(
  rows: Map<string, PairingRow>,
  reached: Map<string, number | null>,
  windows: Map<string, LiveWindow>,
): Map<string, number> {
  const firstAfter = new Map<string, number>();
  for (const row of rows.values()) {
    const sid = row.stakeholderId;
    if (sid === null || !reached.has(sid) || !answersWaits(row) || row.occurredAt <= windows.get(sid)!.hi) continue;
    const known = firstAfter.get(sid);
    if (known === undefined || row.occurredAt < known) firstAfter.set(sid, row.occurredAt);
  }
  return firstAfter;
}

/**
 * Add to `rows` (the complete threads) the live events of other threads that can answer their waits. A wait of
 * stakeholder S starts at an inbound message of S in these threads, between the earliest (lo) and the latest
 * (hi) of them, and a live event of S answers every wait of S open at its instant: so the live events of S from
 * lo to hi and the first one after hi are all that pairing these threads can use.
 */
async function loadAnsweringLiveEvents(db: DbOrTx, orgId: string, rows: Map<string, PairingRow>) {
  const windows = inboundWindows(rows);
  let pending = [...windows];
  while (pending.length) {
    /** Per stakeholder: the stored first live event after hi that the query reached (null: none after hi). */
    const { events, next: reached } = await liveEventsInWindows(db, orgId, pending);
    for (const event of events) if (!rows.has(event.id)) rows.set(event.id, event);
    // The batch may have moved, deleted or changed the stored event(s) at `next` (the overlay wins): when no live
    // event of S is left in (hi, next], look further, from next on.
    const firstAfter = firstLiveAfterWindows(rows, reached, windows);
    const again: [string, LiveWindow][] = [];
    for (const [sid, next] of reached) {
      const first = firstAfter.get(sid);
      if (next === null || (first !== undefined && first <= next)) continue;
      windows.get(sid)!.hi = next;
      again.push([sid, { lo: next + 1, hi: next }]);
    }
    pending = again;
  }
}
