import type { CaptureLevel } from '@comms-log/shared';
import { interactionsByExternalIds, interactionsByIds } from '../../db/queries/sync';
import type { InteractionRow } from '../../db/schema';
import { isManager } from '../service-ctx';
import { accept, reject, type PushBatch } from './batch';
import { incomingInteraction, newInteractionRow, type IncomingInteraction } from './rows';
import type { InteractionOp, InteractionUpsert } from './validate';

const externalKey = (source: string, externalId: string) => `${source}\u0000${externalId}`;

/** The stored rows a batch may touch. */
interface StoredInteractions {
  /** By id, whichever org (an id of another org is refused). */
  byId: Map<string, InteractionRow>;
  /** The org's rows by (source, externalId). */
  byExternal: Map<string, InteractionRow>;
  /** The org's rows found either way, by id. */
  own: Map<string, InteractionRow>;
}

async function loadStored(batch: PushBatch, ops: readonly InteractionOp[]): Promise<StoredInteractions> {
  const byId = new Map<string, InteractionRow>();
  if (ops.length)
    for (const row of await interactionsByIds(
      batch.tx,
      ops.map((o) => o.id),
    ))
      byId.set(row.id, row);
  const externalsBySource = new Map<string, string[]>();
  for (const o of ops) {
    if (o.kind !== 'iupsert' || !o.data.externalId) continue;
    const list = externalsBySource.get(o.data.source) ?? [];
    list.push(o.data.externalId);
    externalsBySource.set(o.data.source, list);
  }
  const byExternal = new Map<string, InteractionRow>();
  // One statement per source: measured faster than all (source, externalId) pairs in one row-value IN.
  for (const [source, ids] of externalsBySource) {
    for (const row of await interactionsByExternalIds(batch.tx, batch.orgId, source, ids))
      byExternal.set(externalKey(row.source, row.externalId!), row);
  }
  const own = new Map<string, InteractionRow>([...byId].filter(([, r]) => r.orgId === batch.orgId));
  for (const row of byExternal.values()) own.set(row.id, row);
  return { byId, byExternal, own };
}

/** The batch's interactions as it leaves them so far (a row may be touched twice when two items merge into it). */
class MergedInteractions {
  readonly rows = new Map<string, InteractionRow>();
  readonly #byExternal = new Map<string, string>();

  constructor(readonly stored: StoredInteractions) {}

  current(id: string): InteractionRow | null {
    return this.rows.get(id) ?? this.stored.own.get(id) ?? null;
  }

  /** The row already stored (or written earlier in this batch) for the same site message. */
  sameMessage(source: string, externalId: string): InteractionRow | null {
    const key = externalKey(source, externalId);
    const id = this.#byExternal.get(key) ?? this.stored.byExternal.get(key)?.id;
    return id ? this.current(id) : null;
  }

  set(row: InteractionRow): void {
    this.rows.set(row.id, row);
    if (row.externalId) this.#byExternal.set(externalKey(row.source, row.externalId), row.id);
  }

  /** A deletion: the row's site message keeps pointing where it did. */
  setDeleted(row: InteractionRow): void {
    this.rows.set(row.id, { ...row, deleted: true });
  }
}

function deleteInteraction(batch: PushBatch, merged: MergedInteractions, id: string): void {
  const row = merged.current(id);
  if (row && !row.deleted) {
    if (row.userId !== batch.user.id && !isManager(batch.user)) {
      reject(batch, id, 'you can only delete interactions you logged');
      return;
    }
    merged.setDeleted(row);
  }
  accept(batch, id, 'interaction');
}

/**
 * `target` with what `incoming` brings: its own row (or a deleted one brought back, or the same person logging it
 * again) takes the new data; someone else's row for the same message stays theirs, and only what it lacks is
 * filled in. Null when the user may not change it.
 */
function mergedRow(
  batch: PushBatch,
  target: InteractionRow,
  incoming: IncomingInteraction,
  mergedInto: string | null,
): InteractionRow | null {
  const { user } = batch;
  if (mergedInto === null || target.deleted || target.userId === user.id) {
    if (mergedInto === null && target.userId !== user.id && !isManager(user)) return null;
    const userId = target.deleted && mergedInto !== null ? user.id : target.userId;
    return {
      ...target,
      ...incoming,
      ...latestEvaluation(target, incoming),
      purpose: incoming.purpose ?? target.purpose,
      deleted: false,
      userId,
    };
  }
  const adoptStakeholder = target.stakeholderId === null && incoming.stakeholderId !== null;
  return {
    ...target,
    stakeholderId: adoptStakeholder ? incoming.stakeholderId : target.stakeholderId,
    stakeholderType: adoptStakeholder ? incoming.stakeholderType : target.stakeholderType,
    title: target.title ?? incoming.title,
    snippet: target.snippet ?? incoming.snippet,
    url: target.url ?? incoming.url,
    // A purpose is chosen on purpose: a later capture that names one sets it.
    purpose: incoming.purpose ?? target.purpose,
    ...latestEvaluation(target, incoming),
  };
}

/** The meeting, project and own-post fields, each group read together from one capture. */
const evaluationGroups = [
  ['invited', 'attended', 'series'],
  ['projectStatus', 'dueAt', 'doneAt'],
  ['reposts', 'comments', 'likes', 'reads', 'followers'],
] as const;

/**
 * A project item's status and dates and a post's counts change after it is first logged: a capture that carries a
 * group takes it whole (the latest values, whoever logged it); one without leaves the stored group as it was.
 */
function latestEvaluation(target: InteractionRow, incoming: IncomingInteraction): Partial<InteractionRow> {
  const out: Partial<InteractionRow> = {};
  for (const group of evaluationGroups) {
    const from = group.some((c) => incoming[c] !== null) ? incoming : target;
    for (const c of group) Object.assign(out, { [c]: from[c] });
  }
  return out;
}

/** What items are checked against: the org's capture level, its stakeholders they name, the plan's purposes. */
interface MergeEnv {
  captureLevel: CaptureLevel;
  stakeholders: Set<string>;
  /** The purpose ids of the plan (retired ones included: history keeps them). */
  purposes: ReadonlySet<string>;
}

function upsertInteraction(
  batch: PushBatch,
  merged: MergedInteractions,
  op: InteractionUpsert,
  env: MergeEnv & { stored: boolean },
): void {
  const d = op.data;
  if (d.stakeholderId !== null && !env.stakeholders.has(d.stakeholderId)) {
    reject(batch, op.id, `stakeholderId: no stakeholder ${d.stakeholderId} in your org`);
    return;
  }
  if (d.purpose !== null && !env.purposes.has(d.purpose)) {
    reject(batch, op.id, `purpose: no purpose ${d.purpose} in the plan; pick one of the plan's purposes`);
    return;
  }
  const incoming = incomingInteraction(d, env.captureLevel);
  // The same site message already stored (or earlier in this batch) under another id: merge into it.
  let target = env.stored ? merged.current(op.id) : null;
  let mergedInto: string | null = null;
  if (!target && d.externalId) {
    target = merged.sameMessage(d.source, d.externalId);
    if (target) mergedInto = target.id;
  }
  const next = target
    ? mergedRow(batch, target, incoming, mergedInto)
    : newInteractionRow(d, incoming, { orgId: batch.orgId, userId: batch.user.id }, batch.now);
  if (!next) {
    reject(batch, op.id, 'you can only change interactions you logged');
    return;
  }
  merged.set(next);
  accept(batch, op.id, 'interaction', mergedInto);
}

/**
 * Apply the interaction operations to the stored rows: a message already stored under the same (source,
 * externalId) — logged by someone else, or again — is merged into that row. Returns the stored rows and the rows
 * as the batch leaves them, by id.
 */
export async function mergeInteractions(
  batch: PushBatch,
  ops: readonly InteractionOp[],
  env: MergeEnv,
): Promise<{ stored: Map<string, InteractionRow>; final: Map<string, InteractionRow> }> {
  const merged = new MergedInteractions(await loadStored(batch, ops));
  for (const op of ops) {
    const existing = merged.stored.byId.get(op.id);
    if (existing && existing.orgId !== batch.orgId) {
      reject(batch, op.id, 'this id is already used by another record; generate a new ULID');
      continue;
    }
    if (op.kind === 'delete') deleteInteraction(batch, merged, op.id);
    else upsertInteraction(batch, merged, op, { ...env, stored: existing !== undefined });
  }
  return { stored: merged.stored.own, final: merged.rows };
}
