import Dexie, { type EntityTable } from 'dexie';
import type {
  FollowupData,
  Followup,
  HandleRef,
  Interaction,
  InteractionData,
  PullResult,
  PushItem,
  PushResult,
  Stakeholder,
  StakeholderInput,
} from '@comms-log/shared';
import type { PendingStakeholder, SyncStore } from '../sync/engine';

/** One queued change. `seq` orders the outbox; `key` (`<entity>:<id>`) keeps one row per record. */
export type OutboxRow = {
  seq?: number;
  key: string;
  entity: 'interaction' | 'followup' | 'stakeholder';
  op: 'upsert' | 'delete';
  id: string;
  data: unknown;
  status: 'pending' | 'rejected';
  reason: string | null;
  attempts: number;
  queuedAt: string;
  /** A stakeholder the item names that the server has not created yet (a `local:` id). */
  waitsFor: string | null;
  /**
   * Whether the server had the record before this change was queued (its local copy was synced or pulled).
   * Discarding a refused change keeps such a local copy; missing on rows queued before the field existed.
   */
  known?: boolean;
};

/** The local copy of an interaction: what was pulled, plus our own still on their way. */
export type LocalInteraction = InteractionData &
  Partial<Omit<Interaction, keyof InteractionData>> & {
    /** When it was logged (ours: when queued; pulled: the server's createdAt). */
    loggedAt: string;
    pending: boolean;
  };

export type LocalFollowup = FollowupData & Partial<Omit<Followup, keyof FollowupData>> & { pending: boolean };

/**
 * A directory entry with its identities flattened for lookup (`<kind>:<value lowercased>`). `createdAt` is missing
 * only from entries pulled before the server sent it: pull sends an entry again only when it changes.
 */
export type LocalStakeholder = Omit<Stakeholder, 'createdAt'> & {
  createdAt?: string;
  identityKeys: string[];
  nameLower: string;
  pending: boolean;
};

type MetaRow = { key: string; value: unknown };

export const LOCAL_STAKEHOLDER_PREFIX = 'local:';

export class CommsLogDb extends Dexie {
  outbox!: EntityTable<OutboxRow, 'seq'>;
  interactions!: EntityTable<LocalInteraction, 'id'>;
  stakeholders!: EntityTable<LocalStakeholder, 'id'>;
  followups!: EntityTable<LocalFollowup, 'id'>;
  meta!: EntityTable<MetaRow, 'key'>;

  constructor(name = 'comms-log') {
    super(name);
    this.version(1).stores({
      outbox: '++seq, &key, status, waitsFor',
      interactions: 'id, threadKey, [source+externalId], occurredAt, stakeholderId',
      stakeholders: 'id, nameLower, *identityKeys',
      followups: 'id, dueAt, status',
      meta: 'key',
    });
  }
}

export function identityKey(ref: HandleRef): string {
  return `${ref.kind}:${ref.value.trim().toLowerCase()}`;
}

function toLocalStakeholder(s: Stakeholder, pending = false): LocalStakeholder {
  return { ...s, identityKeys: s.identities.map(identityKey), nameLower: s.name.toLowerCase(), pending };
}

function outboxRow(
  entity: OutboxRow['entity'],
  id: string,
  data: unknown,
  now: string,
  waitsFor: string | null,
): OutboxRow {
  return {
    key: `${entity}:${id}`,
    entity,
    op: 'upsert',
    id,
    data,
    status: 'pending',
    reason: null,
    attempts: 0,
    queuedAt: now,
    waitsFor,
  };
}

function waitsForOf(stakeholderId: string | null | undefined): string | null {
  return stakeholderId?.startsWith(LOCAL_STAKEHOLDER_PREFIX) ? stakeholderId : null;
}

/**
 * Queues interactions (and optionally a follow-up) in one IndexedDB transaction: the outbox rows and the
 * local copy are written together, before any network call, so a log survives a closed browser or a server
 * that is down (docs/sync.md "Outbox first").
 */
export async function enqueueInteractions(
  db: CommsLogDb,
  interactions: readonly InteractionData[],
  opts: { followup?: FollowupData | null; now?: Date } = {},
): Promise<number> {
  const now = (opts.now ?? new Date()).toISOString();
  const followup = opts.followup ?? null;
  if (interactions.length === 0 && !followup) return 0;
  await db.transaction('rw', db.outbox, db.interactions, db.followups, async () => {
    const rows: OutboxRow[] = interactions.map((i) =>
      outboxRow('interaction', i.id, i, now, waitsForOf(i.stakeholderId)),
    );
    if (followup) rows.push(outboxRow('followup', followup.id, followup, now, waitsForOf(followup.stakeholderId)));
    const previous = new Map(
      (
        await db.outbox
          .where('key')
          .anyOf(rows.map((r) => r.key))
          .toArray()
      ).map((r) => [r.key, r]),
    );
    for (const row of rows) {
      const local = await (row.entity === 'interaction' ? db.interactions : db.followups).get(row.id);
      row.known = previous.get(row.key)?.known === true || (local !== undefined && !local.pending);
    }
    await db.outbox
      .where('key')
      .anyOf(rows.map((r) => r.key))
      .delete();
    await db.outbox.bulkAdd(rows);
    await db.interactions.bulkPut(interactions.map((i) => ({ ...i, loggedAt: now, pending: true })));
    if (followup) await db.followups.put({ ...followup, pending: true });
  });
  return interactions.length;
}

/**
 * Queues a stakeholder to create on the server (logging must work offline) under a `local:` id that queued
 * items may name until the server gives the real one.
 */
export async function enqueueStakeholder(
  db: CommsLogDb,
  localId: string,
  input: StakeholderInput,
  now = new Date(),
): Promise<LocalStakeholder> {
  const iso = now.toISOString();
  const local = toLocalStakeholder(
    {
      id: localId,
      name: input.name,
      type: input.type,
      tier: input.tier ?? 'standard',
      organization: input.organization ?? null,
      ownerUserId: input.ownerUserId ?? null,
      cadenceOverride: input.cadenceOverride ?? null,
      active: input.active ?? true,
      identities: (input.identities ?? []).map((ident, n) => ({
        ...ident,
        id: `${localId}#${n}`,
        stakeholderId: localId,
      })),
      createdAt: iso,
      updatedAt: iso,
    },
    true,
  );
  await db.transaction('rw', db.outbox, db.stakeholders, async () => {
    await db.outbox.add(outboxRow('stakeholder', localId, input, iso, null));
    await db.stakeholders.put(local);
  });
  return local;
}

/** Whether the local copy already holds the message. */
export async function loggedExternalIds(db: CommsLogDb, threadKey: string): Promise<Set<string>> {
  const rows = await db.interactions.where('threadKey').equals(threadKey).toArray();
  return new Set(rows.filter((r) => !r.deleted && r.externalId).map((r) => `${r.source}:${r.externalId}`));
}

/** How much of a thread is logged; `externalIds` (`<source>:<externalId>`) lets the panel count what is new. */
export type ThreadStatus = { count: number; lastLoggedAt: string | null; pending: number; externalIds: string[] };

export async function threadStatus(db: CommsLogDb, threadKey: string): Promise<ThreadStatus> {
  const rows = (await db.interactions.where('threadKey').equals(threadKey).toArray()).filter((r) => !r.deleted);
  let last: string | null = null;
  for (const r of rows) if (!last || r.loggedAt > last) last = r.loggedAt;
  return {
    count: rows.length,
    lastLoggedAt: last,
    pending: rows.filter((r) => r.pending).length,
    externalIds: rows.filter((r) => r.externalId).map((r) => `${r.source}:${r.externalId}`),
  };
}

/** Local directory lookup: exact handle first, then the email's domain. */
export async function matchLocal(
  db: CommsLogDb,
  handle: HandleRef,
): Promise<{ stakeholder: LocalStakeholder; via: 'exact' | 'domain' } | null> {
  const exact = await db.stakeholders.where('identityKeys').equals(identityKey(handle)).first();
  if (exact) return { stakeholder: exact, via: 'exact' };
  if (handle.kind !== 'email') return null;
  const domain = handle.value.slice(handle.value.lastIndexOf('@') + 1);
  if (!domain) return null;
  const byDomain = await db.stakeholders
    .where('identityKeys')
    .equals(identityKey({ kind: 'domain', value: domain }))
    .first();
  return byDomain ? { stakeholder: byDomain, via: 'domain' } : null;
}

/** Directory search for the pickers: names containing the text, then identities starting with it. */
export async function searchStakeholders(db: CommsLogDb, text: string, limit = 20): Promise<LocalStakeholder[]> {
  const q = text.trim().toLowerCase();
  const all = await db.stakeholders.toArray();
  const matches =
    q === ''
      ? all
      : all.filter(
          (s) => s.nameLower.includes(q) || s.identityKeys.some((k) => k.slice(k.indexOf(':') + 1).includes(q)),
        );
  return matches
    .filter((s) => s.active)
    .sort(
      (a, b) => Number(b.nameLower.startsWith(q)) - Number(a.nameLower.startsWith(q)) || a.name.localeCompare(b.name),
    )
    .slice(0, limit);
}

export async function getStakeholder(db: CommsLogDb, id: string): Promise<LocalStakeholder | null> {
  return (await db.stakeholders.get(id)) ?? null;
}

export async function outboxRows(db: CommsLogDb, status: OutboxRow['status']): Promise<OutboxRow[]> {
  return db.outbox.where('status').equals(status).sortBy('seq');
}

function toPushItem(row: OutboxRow): PushItem {
  if (row.op === 'delete')
    return { op: 'delete', entity: row.entity === 'followup' ? 'followup' : 'interaction', id: row.id };
  return row.entity === 'followup'
    ? { op: 'upsert', entity: 'followup', id: row.id, data: row.data }
    : { op: 'upsert', entity: 'interaction', id: row.id, data: row.data };
}

function withStakeholder(data: unknown, from: string, to: string | null): unknown {
  const rec = data as { stakeholderId?: string | null };
  return rec && rec.stakeholderId === from ? { ...rec, stakeholderId: to } : data;
}

/** The sync engine's store over the Dexie database. */
export function createDexieSyncStore(db: CommsLogDb): SyncStore {
  return {
    async pendingStakeholders(): Promise<PendingStakeholder[]> {
      const rows = (await outboxRows(db, 'pending')).filter((r) => r.entity === 'stakeholder');
      return rows.map((r) => ({ localId: r.id, input: r.data as StakeholderInput }));
    },

    async resolveStakeholder(localId, stakeholder) {
      await db.transaction('rw', db.outbox, db.stakeholders, db.interactions, db.followups, async () => {
        await db.outbox.where('key').equals(`stakeholder:${localId}`).delete();
        await db.stakeholders.delete(localId);
        await db.stakeholders.put(toLocalStakeholder(stakeholder));
        const waiting = await db.outbox.where('waitsFor').equals(localId).toArray();
        for (const row of waiting) {
          await db.outbox.update(row.seq!, {
            data: withStakeholder(row.data, localId, stakeholder.id),
            waitsFor: null,
          });
        }
        await db.interactions.where('stakeholderId').equals(localId).modify({ stakeholderId: stakeholder.id });
        await db.followups.filter((f) => f.stakeholderId === localId).modify({ stakeholderId: stakeholder.id });
      });
    },

    async rejectStakeholder(localId, reason) {
      await db.transaction('rw', db.outbox, async () => {
        await db.outbox
          .where('key')
          .equals(`stakeholder:${localId}`)
          .modify((r) => {
            r.status = 'rejected';
            r.reason = reason;
            r.attempts += 1;
          });
        await db.outbox
          .where('waitsFor')
          .equals(localId)
          .modify((r) => {
            r.status = 'rejected';
            r.reason = `stakeholder not created: ${reason}`;
          });
      });
    },

    async pendingPush(limit) {
      const rows = await db.outbox
        .orderBy('seq')
        .filter((r) => r.status === 'pending' && r.entity !== 'stakeholder' && r.waitsFor === null)
        .limit(limit)
        .toArray();
      return rows.map(toPushItem);
    },

    async applyPushResult(sent, result: PushResult) {
      const rejected = new Map(result.rejected.map((r) => [r.id, r.reason]));
      await db.transaction('rw', db.outbox, db.interactions, db.followups, async () => {
        for (const a of result.applied) {
          await db.outbox.where('key').equals(`${a.entity}:${a.id}`).delete();
          const table = a.entity === 'interaction' ? db.interactions : db.followups;
          const local = await table.get(a.id);
          if (!local) continue;
          if (a.mergedInto && a.mergedInto !== a.id) {
            // Someone logged the same message first: the server kept their row, so ours takes its id.
            await table.delete(a.id);
            await table.put({ ...local, id: a.mergedInto, pending: false } as never);
          } else {
            await table.update(a.id, { pending: false });
          }
        }
        for (const item of sent) {
          const reason = rejected.get(item.id);
          if (reason === undefined) continue;
          await db.outbox
            .where('key')
            .equals(`${item.entity}:${item.id}`)
            .modify((r) => {
              r.status = 'rejected';
              r.reason = reason;
              r.attempts += 1;
            });
        }
      });
    },

    async getCursor() {
      const row = await db.meta.get('cursor');
      return typeof row?.value === 'number' ? row.value : 0;
    },

    async applyPull(page: PullResult) {
      await db.transaction('rw', db.interactions, db.followups, db.stakeholders, db.meta, async () => {
        const gone = page.interactions.filter((i) => i.deleted).map((i) => i.id);
        await db.interactions.bulkDelete(gone);
        await db.interactions.bulkPut(
          page.interactions.filter((i) => !i.deleted).map((i) => ({ ...i, loggedAt: i.createdAt, pending: false })),
        );
        await db.followups.bulkDelete(page.followups.filter((f) => f.deleted).map((f) => f.id));
        await db.followups.bulkPut(page.followups.filter((f) => !f.deleted).map((f) => ({ ...f, pending: false })));
        await db.stakeholders.bulkPut(page.stakeholders.map((s) => toLocalStakeholder(s)));
        await db.meta.put({ key: 'cursor', value: page.cursor });
      });
    },

    async counts() {
      const [pending, rejected] = await Promise.all([
        db.outbox.where('status').equals('pending').count(),
        db.outbox.where('status').equals('rejected').count(),
      ]);
      return { pending, rejected };
    },
  };
}

/** A refused change as the popup lists it: enough to say what it is without the whole record. */
export type RejectedItem = {
  key: string;
  entity: OutboxRow['entity'];
  op: OutboxRow['op'];
  reason: string;
  queuedAt: string;
  interaction?: {
    channel: InteractionData['channel'];
    direction: InteractionData['direction'];
    who: string;
    occurredAt: string;
    title: string | null;
  };
  followup?: { note: string; dueAt: string };
  stakeholder?: { name: string };
};

function describeRejected(row: OutboxRow): RejectedItem {
  const item: RejectedItem = {
    key: row.key,
    entity: row.entity,
    op: row.op,
    reason: row.reason ?? '',
    queuedAt: row.queuedAt,
  };
  if (row.op !== 'upsert' || !row.data) return item;
  if (row.entity === 'interaction') {
    const d = row.data as InteractionData;
    item.interaction = {
      channel: d.channel,
      direction: d.direction,
      who: d.author?.name || d.author?.handle || '',
      occurredAt: d.occurredAt,
      title: d.title ?? null,
    };
  } else if (row.entity === 'followup') {
    const d = row.data as FollowupData;
    item.followup = { note: d.note ?? '', dueAt: d.dueAt };
  } else {
    item.stakeholder = { name: (row.data as StakeholderInput).name };
  }
  return item;
}

/** The refused changes, oldest first. */
export async function rejectedItems(db: CommsLogDb, limit = 50): Promise<RejectedItem[]> {
  return (await outboxRows(db, 'rejected')).slice(0, limit).map(describeRejected);
}

/**
 * Puts refused changes back in the queue (all of them when `keys` is null), e.g. after the never-log list or a
 * stakeholder was fixed on the server. An item that waits for a refused stakeholder brings that one back too,
 * or it would wait for ever. Returns how many rows went back to pending.
 */
export async function retryRejected(db: CommsLogDb, keys: readonly string[] | null): Promise<number> {
  return db.transaction('rw', db.outbox, async () => {
    const rows =
      keys === null
        ? await outboxRows(db, 'rejected')
        : (
            await db.outbox
              .where('key')
              .anyOf([...keys])
              .toArray()
          ).filter((r) => r.status === 'rejected');
    const targets = new Set(rows.map((r) => r.key));
    for (const r of rows) if (r.waitsFor) targets.add(`stakeholder:${r.waitsFor}`);
    return db.outbox
      .where('key')
      .anyOf([...targets])
      .filter((r) => r.status === 'rejected')
      .modify((r) => {
        r.status = 'pending';
        r.reason = null;
      });
  });
}

/**
 * Drops a refused change. A record that only ever existed here goes from the local copy too; one the server
 * already had stays (the next pull brings its server version). Dropping a stakeholder still to be created
 * leaves the items that named it without a stakeholder, refused, for the user to retry or drop.
 * Returns false when the key is not a refused change (it may have synced meanwhile).
 */
export async function discardRejected(db: CommsLogDb, key: string): Promise<boolean> {
  return db.transaction('rw', db.outbox, db.interactions, db.followups, db.stakeholders, async () => {
    const row = await db.outbox.where('key').equals(key).first();
    if (!row || row.status !== 'rejected') return false;
    await db.outbox.delete(row.seq!);
    if (row.entity === 'stakeholder') {
      await db.stakeholders.delete(row.id);
      const waiting = await db.outbox.where('waitsFor').equals(row.id).toArray();
      for (const w of waiting) {
        await db.outbox.update(w.seq!, {
          data: withStakeholder(w.data, row.id, null),
          waitsFor: null,
          reason: w.reason ?? `stakeholder not created`,
        });
      }
      await db.interactions.where('stakeholderId').equals(row.id).modify({ stakeholderId: null });
      await db.followups.filter((f) => f.stakeholderId === row.id).modify({ stakeholderId: null });
      return true;
    }
    const table = row.entity === 'interaction' ? db.interactions : db.followups;
    const local = await table.get(row.id);
    if (!local) return true;
    // Rows queued before `known` existed: keep the local copy, the safe side when we cannot tell.
    if (row.op === 'upsert' && row.known === false && local.pending) await table.delete(row.id);
    else await table.update(row.id, { pending: false });
    return true;
  });
}
