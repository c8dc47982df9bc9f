import {
  followupInputSchema,
  interactionInputSchema,
  mediaCoverageInputSchema,
  threadOutcomeDataSchema,
  type FollowupData,
  type InteractionData,
  type MediaCoverageData,
  type PushEntity,
  type PushItem,
  type ThreadOutcomeData,
} from '@comms-log/shared';
import type { z } from 'zod';
import { orgStakeholderIds } from '../../db/queries/sync';
import { describeZodError } from '../../trpc';
import { isNeverLogged, type NeverLogList } from '../org/never-log';
import { reject, type PushBatch } from './batch';

export type InteractionUpsert = { kind: 'iupsert'; id: string; data: InteractionData };
export type FollowupUpsert = { kind: 'fupsert'; id: string; data: FollowupData };
export type OutcomeUpsert = { kind: 'oupsert'; id: string; data: ThreadOutcomeData };
export type CoverageUpsert = { kind: 'cupsert'; id: string; data: MediaCoverageData };
export type Deletion = { kind: 'delete'; entity: 'interaction' | 'followup' | 'coverage'; id: string };
export type PushOp = InteractionUpsert | FollowupUpsert | OutcomeUpsert | CoverageUpsert | Deletion;
export type InteractionOp = InteractionUpsert | Deletion;
export type FollowupOp = FollowupUpsert | Deletion;
export type CoverageOp = CoverageUpsert | Deletion;

/** The item's `data` parsed by `schema`, or why it is rejected (`what` names the record kind). */
function parseData<S extends z.ZodType>(item: PushItem & { data: unknown }, schema: S, what: string) {
  const parsed = schema.safeParse(item.data);
  if (!parsed.success) return `invalid ${what}: ${describeZodError(parsed.error)}`;
  const data = parsed.data as z.output<S>;
  const id = (data as { id?: unknown }).id;
  if (id !== undefined && id !== item.id) return `invalid ${what}: data.id (${String(id)}) differs from the item id`;
  return data;
}

/** An item as an operation, or the reason it is rejected. */
function parseItem(item: PushItem, never: NeverLogList): PushOp | string {
  if (item.op === 'delete') return { kind: 'delete', entity: item.entity, id: item.id };
  const { id } = item;
  switch (item.entity) {
    case 'interaction': {
      const data = parseData(item, interactionInputSchema, 'interaction');
      if (typeof data === 'string') return data;
      if (isNeverLogged(never, data.author.handle)) return `${data.author.handle} is on the never-log list`;
      return { kind: 'iupsert', id, data };
    }
    case 'followup': {
      const data = parseData(item, followupInputSchema, 'follow-up');
      return typeof data === 'string' ? data : { kind: 'fupsert', id, data };
    }
    case 'thread_outcome': {
      const data = parseData(item, threadOutcomeDataSchema, 'thread outcome');
      return typeof data === 'string' ? data : { kind: 'oupsert', id, data };
    }
    case 'coverage': {
      const data = parseData(item, mediaCoverageInputSchema, 'coverage');
      return typeof data === 'string' ? data : { kind: 'cupsert', id, data };
    }
  }
}

const entityOf: Record<Exclude<PushOp['kind'], 'delete'>, PushEntity> = {
  iupsert: 'interaction',
  fupsert: 'followup',
  oupsert: 'thread_outcome',
  cupsert: 'coverage',
};
const opEntity = (op: PushOp): PushEntity => (op.kind === 'delete' ? op.entity : entityOf[op.kind]);

/** The operations of a push, by the record kind they change, each in the order its id first appears. */
export interface PushOps {
  interactionOps: InteractionOp[];
  followupOps: FollowupOp[];
  outcomeOps: OutcomeUpsert[];
  coverageOps: CoverageOp[];
}

/**
 * Check each item on its own (a bad one is rejected with its reason); the last item for an id wins within a
 * batch. Returns the operations in the order their ids first appear, by record kind.
 */
export function validateItems(batch: PushBatch, items: readonly PushItem[], never: NeverLogList): PushOps {
  const byId = new Map<string, PushOp>();
  for (const item of items) {
    const op = parseItem(item, never);
    if (typeof op === 'string') {
      reject(batch, item.id, op);
      continue;
    }
    // Map keys keep their first insertion order: a later item for the same id replaces the op in place.
    byId.set(`${opEntity(op)}:${op.id}`, op);
  }
  const ops = [...byId.values()];
  const of = <T extends PushOp>(entity: PushEntity) => ops.filter((o): o is T => opEntity(o) === entity);
  return {
    interactionOps: of<InteractionOp>('interaction'),
    followupOps: of<FollowupOp>('followup'),
    outcomeOps: of<OutcomeUpsert>('thread_outcome'),
    coverageOps: of<CoverageOp>('coverage'),
  };
}

/** Which stakeholders the upserts name that are the org's (others are rejected item by item). */
export async function knownStakeholders(
  batch: PushBatch,
  ops: readonly (InteractionOp | FollowupOp)[],
): Promise<Set<string>> {
  const referenced = new Set<string>();
  for (const op of ops) if (op.kind !== 'delete' && op.data.stakeholderId) referenced.add(op.data.stakeholderId);
  return referenced.size ? orgStakeholderIds(batch.tx, batch.orgId, [...referenced]) : new Set();
}
