import { isLiveChannel } from '@comms-log/shared';
import { writeDerived } from '../../db/queries/derive';
import { reserveSeq } from '../../db/queries/seq';
import { upsertInteractions } from '../../db/queries/sync';
import type { InteractionRow } from '../../db/schema';
import {
  deriveFields,
  derivedEqual,
  emptyScope,
  loadForDerive,
  touchLiveStakeholder,
  type DerivedFields,
  type DeriveScope,
} from '../derive';
import { currentPlan } from '../plans';
import type { PushBatch } from './batch';

/** Base (client-given) columns: compared to tell a real change from a replay. */
const baseColumns = [
  'userId',
  'threadKey',
  'channel',
  'direction',
  'occurredAt',
  'stakeholderId',
  'stakeholderType',
  'authorName',
  'authorHandle',
  'title',
  'snippet',
  'url',
  'durationMin',
  'note',
  'automated',
  'internal',
  'purpose',
  'invited',
  'attended',
  'series',
  'projectStatus',
  'dueAt',
  'doneAt',
  'reposts',
  'comments',
  'likes',
  'reads',
  'followers',
  'deleted',
] as const satisfies readonly (keyof InteractionRow)[];

function sameBase(a: InteractionRow, b: InteractionRow): boolean {
  for (const c of baseColumns) if (a[c] !== b[c]) return false;
  return true;
}

/** A row's thread, and its stakeholder's waits when it is a live event, are stale. */
function touch(scope: DeriveScope, row: InteractionRow): void {
  scope.threadKeys.add(row.threadKey);
  if (row.stakeholderId !== null && isLiveChannel(row.channel))
    touchLiveStakeholder(scope, row.stakeholderId, row.occurredAt);
}

/**
 * What changed (a replay changes nothing): the rows to write, and the threads and stakeholders to recompute —
 * of the row as it was and as it is.
 */
export function changedRows(
  stored: Map<string, InteractionRow>,
  final: Map<string, InteractionRow>,
): { toWrite: Map<string, InteractionRow>; scope: DeriveScope } {
  const scope = emptyScope();
  const toWrite = new Map<string, InteractionRow>();
  for (const row of final.values()) {
    const prev = stored.get(row.id);
    if (prev && sameBase(prev, row)) continue;
    toWrite.set(row.id, row);
    touch(scope, row);
    if (prev) touch(scope, prev);
  }
  return { toWrite, scope };
}

/**
 * Recompute the derived response fields of `scope`: the rows of the batch (objects made by this push) get theirs
 * in place; returns the stored rows whose derived fields change.
 */
export async function deriveBatch(
  batch: PushBatch,
  toWrite: Map<string, InteractionRow>,
  scope: DeriveScope,
): Promise<{ id: string; fields: DerivedFields }[]> {
  const updates: { id: string; fields: DerivedFields }[] = [];
  if (toWrite.size === 0) return updates;
  const { plan } = await currentPlan(batch.tx, batch.orgId);
  const { rows, completeThreads } = await loadForDerive(batch.tx, batch.orgId, scope, toWrite);
  for (const [id, fields] of deriveFields(rows.values(), completeThreads, plan)) {
    const batchRow = toWrite.get(id);
    if (batchRow) Object.assign(batchRow, fields);
    else if (!derivedEqual(rows.get(id)!, fields)) updates.push({ id, fields });
  }
  return updates;
}

/** Write the changed rows and the derived updates, one change sequence number each. */
export async function writeInteractions(
  batch: PushBatch,
  toWrite: Map<string, InteractionRow>,
  derivedUpdates: { id: string; fields: DerivedFields }[],
): Promise<void> {
  const count = toWrite.size + derivedUpdates.length;
  if (count === 0) return;
  const { tx, orgId, now } = batch;
  const first = await reserveSeq(tx, orgId, count);
  batch.reservedTop = first + count - 1;
  await upsertInteractions(tx, [...toWrite.values()], first, now);
  await writeDerived(
    tx,
    orgId,
    derivedUpdates.map((u, k) => ({ ...u, seq: first + toWrite.size + k })),
    now,
  );
}
