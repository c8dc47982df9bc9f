import { inArray, sql } from 'drizzle-orm';
import { chunks, MAX_PARAMS } from '../../db/chunks';
import { reserveSeq } from '../../db/queries/seq';
import { followups, type FollowupRow } from '../../db/schema';
import { isManager } from '../service-ctx';
import { accept, reject, type PushBatch } from './batch';
import { followupRow } from './rows';
import type { FollowupOp } from './validate';

/** The columns a push may change: an upsert that changes none of them is a replay. */
const followupColumns = [
  'dueAt',
  'note',
  'stakeholderId',
  'threadKey',
  'url',
  'status',
  'snoozedUntil',
  'deleted',
  'userId',
] as const;

async function storedFollowups(batch: PushBatch, ops: readonly FollowupOp[]): Promise<Map<string, FollowupRow>> {
  const found = new Map<string, FollowupRow>();
  for (const group of chunks(
    ops.map((o) => o.id),
    500,
  )) {
    for (const row of await batch.tx.select().from(followups).where(inArray(followups.id, group)))
      found.set(row.id, row);
  }
  return found;
}

/** The row `op` leaves, or null when it changes nothing (deleting what is gone) or is rejected. */
function nextFollowup(
  batch: PushBatch,
  op: FollowupOp,
  prev: FollowupRow | undefined,
  stakeholders: Set<string>,
): FollowupRow | null {
  if (prev && prev.orgId !== batch.orgId) {
    reject(batch, op.id, 'this id is already used by another record; generate a new ULID');
    return null;
  }
  if (prev && prev.userId !== batch.user.id && !isManager(batch.user)) {
    const verb = op.kind === 'delete' ? 'delete' : 'change';
    reject(batch, op.id, `you can only ${verb} your own follow-ups`);
    return null;
  }
  if (op.kind === 'delete') {
    accept(batch, op.id, 'followup');
    return !prev || prev.deleted ? null : { ...prev, deleted: true };
  }
  const d = op.data;
  if (d.stakeholderId !== null && !stakeholders.has(d.stakeholderId)) {
    reject(batch, op.id, `stakeholderId: no stakeholder ${d.stakeholderId} in your org`);
    return null;
  }
  accept(batch, op.id, 'followup');
  return followupRow(d, prev, { orgId: batch.orgId, userId: batch.user.id }, batch.now);
}

async function upsertFollowups(batch: PushBatch, writes: FollowupRow[]): Promise<void> {
  const first = await reserveSeq(batch.tx, batch.orgId, writes.length);
  batch.reservedTop = first + writes.length - 1;
  const rows = writes.map((r, k) => ({ ...r, seq: first + k, updatedAt: batch.now }));
  for (const group of chunks(rows, Math.floor(MAX_PARAMS / 15))) {
    await batch.tx
      .insert(followups)
      .values(group)
      .onConflictDoUpdate({
        target: followups.id,
        set: {
          userId: sql`excluded.user_id`,
          dueAt: sql`excluded.due_at`,
          note: sql`excluded.note`,
          stakeholderId: sql`excluded.stakeholder_id`,
          threadKey: sql`excluded.thread_key`,
          url: sql`excluded.url`,
          status: sql`excluded.status`,
          snoozedUntil: sql`excluded.snoozed_until`,
          deleted: sql`excluded.deleted`,
          updatedAt: sql`excluded.updated_at`,
          seq: sql`excluded.seq`,
        },
      });
  }
}

/** Apply the follow-up operations: each checked on its own, the changed rows written with one sequence number each. */
export async function applyFollowups(
  batch: PushBatch,
  ops: readonly FollowupOp[],
  stakeholders: Set<string>,
): Promise<void> {
  const existing = await storedFollowups(batch, ops);
  const writes: FollowupRow[] = [];
  for (const op of ops) {
    const prev = existing.get(op.id);
    const next = nextFollowup(batch, op, prev, stakeholders);
    if (!next || (prev && followupColumns.every((c) => prev[c] === next[c]))) continue;
    writes.push(next);
    existing.set(next.id, next);
  }
  if (writes.length) await upsertFollowups(batch, writes);
}
