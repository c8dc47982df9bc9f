import { classifyWait, pairWaits, type PairingEvent, type Plan, type Wait } from '@comms-log/shared';
import {
  derivedColumns,
  noDerived,
  type DerivedFields,
  type PairingRow,
  type RowClosure,
} from '../../db/queries/derive';
import type { InteractionRow, OnTimeState } from '../../db/schema';

/*
 * Derived response fields (docs/metrics.md "Pairing"): computed by the shared `pairWaits` over whole threads and
 * written on the inbound message that starts each wait.
 */

/** A whole stored interaction plus its "no reply needed" closure, if any: a `PairingRow`. */
export type DeriveRow = InteractionRow & { closure: RowClosure | null };

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
function storedStatus(wait: Wait): OnTimeState {
  if (wait.closedAtMs !== null) return 'closed';
  if (wait.replyAtMs !== null) return classifyWait(wait, wait.replyAtMs);
  return 'pending';
}

function derivedOfWait(wait: Wait): DerivedFields {
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
