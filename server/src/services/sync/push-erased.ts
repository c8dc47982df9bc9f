import { erasedRecordIds, erasedStakeholderIds } from '../../db/queries/push-erasures';
import { erasedHandlesIn } from '../erasure/erased-handles';
import { reject, type PushBatch } from './batch';
import type { PushOp, PushOps } from './validate';

export const ERASED_RECORD = 'this record was erased on request with its stakeholder; it is not kept';
export const erasedStakeholder = (id: string) =>
  `stakeholder ${id} was erased on request; nothing more is kept about them`;

/** The stakeholder an upsert names (an interaction's or follow-up's, a coverage item's outlet), if any. */
function namedStakeholder(op: PushOp): string | null {
  if (op.kind === 'iupsert' || op.kind === 'fupsert') return op.data.stakeholderId;
  if (op.kind === 'cupsert') return op.data.outletStakeholderId;
  return null;
}

/**
 * Refuse, item by item, the upserts that would bring an erased stakeholder back (docs/sync.md "Erasure"): a row the
 * erasure removed, or one naming the erased stakeholder, sent by a device that was offline when it happened.
 * Deletions pass (deleting a missing record is applied anyway); the rest of the batch goes on.
 */
export async function refuseErased(batch: PushBatch, ops: PushOps): Promise<PushOps> {
  const upserts = [...ops.interactionOps, ...ops.followupOps, ...ops.coverageOps].filter((o) => o.kind !== 'delete');
  const named = [...new Set(upserts.map(namedStakeholder).filter((s): s is string => s !== null))];
  const recordIds = upserts.filter((o) => o.kind !== 'cupsert').map((o) => o.id);
  const [erasedPeople, erasedRecords] = await Promise.all([
    erasedStakeholderIds(batch.tx, batch.orgId, named),
    erasedRecordIds(batch.tx, batch.orgId, recordIds),
  ]);
  if (erasedPeople.size === 0 && erasedRecords.size === 0) return ops;
  const keep = <T extends PushOp>(op: T): boolean => {
    if (op.kind === 'delete' || op.kind === 'oupsert') return true;
    const stakeholder = namedStakeholder(op);
    const reason =
      op.kind !== 'cupsert' && erasedRecords.has(op.id)
        ? ERASED_RECORD
        : stakeholder && erasedPeople.has(stakeholder)
          ? erasedStakeholder(stakeholder)
          : null;
    if (reason) reject(batch, op.id, reason);
    return reason === null;
  };
  return {
    interactionOps: ops.interactionOps.filter(keep),
    followupOps: ops.followupOps.filter(keep),
    outcomeOps: ops.outcomeOps,
    coverageOps: ops.coverageOps.filter(keep),
  };
}

export const ERASED_HANDLE = 'its author was erased on request; nothing more is kept about them';

/** Refuses, item by item, the interactions written by an erased handle; the rest of the batch goes on. */
export async function refuseErasedHandles(batch: PushBatch, ops: PushOps): Promise<PushOps> {
  const authorOf = (op: PushOps['interactionOps'][number]) =>
    op.kind === 'iupsert' ? op.data.author?.handle : undefined;
  const handles = [...new Set(ops.interactionOps.map(authorOf).filter((h): h is string => Boolean(h)))];
  const erased = await erasedHandlesIn(batch.tx, batch.orgId, handles);
  if (erased.size === 0) return ops;
  const interactionOps = ops.interactionOps.filter((op) => {
    const handle = authorOf(op);
    if (!handle || !erased.has(handle)) return true;
    reject(batch, op.id, ERASED_HANDLE);
    return false;
  });
  return { ...ops, interactionOps };
}
