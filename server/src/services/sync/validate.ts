import {
  followupInputSchema,
  interactionInputSchema,
  type FollowupData,
  type InteractionData,
  type PushItem,
} from '@comms-log/shared';
import { orgStakeholderIds } from '../../db/queries/sync';
import { describeZodError } from '../../trpc';
import { isNeverLogged, type NeverLogList } from '../org/never-log';
import { reject, type PushBatch } from './batch';

export type InteractionUpsert = { kind: 'iupsert'; id: string; data: InteractionData };
export type FollowupUpsert = { kind: 'fupsert'; id: string; data: FollowupData };
export type Deletion = { kind: 'delete'; entity: 'interaction' | 'followup'; id: string };
export type PushOp = InteractionUpsert | FollowupUpsert | Deletion;
export type InteractionOp = InteractionUpsert | Deletion;
export type FollowupOp = FollowupUpsert | Deletion;

/** An item as an operation, or the reason it is rejected. */
function parseItem(item: PushItem, never: NeverLogList): PushOp | string {
  if (item.op === 'delete') return { kind: 'delete', entity: item.entity, id: item.id };
  if (item.entity === 'interaction') {
    const parsed = interactionInputSchema.safeParse(item.data);
    if (!parsed.success) return `invalid interaction: ${describeZodError(parsed.error)}`;
    if (parsed.data.id !== item.id) return `invalid interaction: data.id (${parsed.data.id}) differs from the item id`;
    if (isNeverLogged(never, parsed.data.author.handle)) return `${parsed.data.author.handle} is on the never-log list`;
    return { kind: 'iupsert', id: item.id, data: parsed.data };
  }
  const parsed = followupInputSchema.safeParse(item.data);
  if (!parsed.success) return `invalid follow-up: ${describeZodError(parsed.error)}`;
  if (parsed.data.id !== item.id) return `invalid follow-up: data.id (${parsed.data.id}) differs from the item id`;
  return { kind: 'fupsert', id: item.id, data: parsed.data };
}

const isFollowupOp = (op: PushOp): op is FollowupOp =>
  op.kind === 'fupsert' || (op.kind === 'delete' && op.entity === 'followup');

/**
 * Check each item on its own (a bad one is rejected with its reason); the last item for an id wins within a
 * batch. Returns the operations in the order their ids first appear, interactions and follow-ups apart.
 */
export function validateItems(
  batch: PushBatch,
  items: readonly PushItem[],
  never: NeverLogList,
): { interactionOps: InteractionOp[]; followupOps: FollowupOp[] } {
  const byId = new Map<string, PushOp>();
  for (const item of items) {
    const op = parseItem(item, never);
    if (typeof op === 'string') {
      reject(batch, item.id, op);
      continue;
    }
    // Map keys keep their first insertion order: a later item for the same id replaces the op in place.
    byId.set(`${isFollowupOp(op) ? 'f' : 'i'}:${op.id}`, op);
  }
  const ops = [...byId.values()];
  return {
    interactionOps: ops.filter((o): o is InteractionOp => !isFollowupOp(o)),
    followupOps: ops.filter(isFollowupOp),
  };
}

/** Which stakeholders the upserts name that are the org's (others are rejected item by item). */
export async function knownStakeholders(batch: PushBatch, ops: readonly PushOp[]): Promise<Set<string>> {
  const referenced = new Set<string>();
  for (const op of ops) if (op.kind !== 'delete' && op.data.stakeholderId) referenced.add(op.data.stakeholderId);
  return referenced.size ? orgStakeholderIds(batch.tx, batch.orgId, [...referenced]) : new Set();
}
