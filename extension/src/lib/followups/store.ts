import Dexie, { type EntityTable } from 'dexie';
import type { OverdueItem } from '@comms-log/shared';
import type { FollowupActionRow } from './local';

/** Name of the database and of the store holding the precomputed list (read without Dexie by the popup). */
export const FOLLOWUPS_DB_NAME = 'comms-log-followups';
export const SNAPSHOT_STORE = 'snapshot';
export const OWN_SNAPSHOT_KEY = 'own';

/** The whole precomputed list behind `fuHeadItem` (same `computedAt`). */
export type StoredItems = { key: string; computedAt: string; items: OverdueItem[] };

/**
 * Follow-up actions that are not entity upserts (see `FollowupActionRow`), in a database of their own so the
 * outbox's schema stays as it is. Written before anything is sent, like the outbox: an action survives a
 * closed popup, a browser restart and a server that is down.
 */
export class FollowupsDb extends Dexie {
  actions!: EntityTable<FollowupActionRow, 'key'>;
  /**
   * The full list lives here rather than in `storage.local`: every `storage.local` write is broadcast with its
   * old and new value to every open page, and a list of thousands is megabytes.
   */
  snapshot!: EntityTable<StoredItems, 'key'>;

  constructor(name = FOLLOWUPS_DB_NAME) {
    super(name);
    this.version(1).stores({ actions: 'key, state, queuedAtMs' });
    this.version(2).stores({ [SNAPSHOT_STORE]: 'key' });
  }
}

/** Queues an action, replacing an earlier one on the same target (a second snooze moves the first). */
export async function queueAction(
  db: FollowupsDb,
  row: Omit<FollowupActionRow, 'key' | 'state' | 'error' | 'attempts'>,
): Promise<FollowupActionRow> {
  const key = row.type === 'snooze' ? `snooze:${row.targetKind}:${row.targetId}` : `${row.type}:${row.targetId}`;
  const full: FollowupActionRow = { ...row, key, state: 'pending', error: null, attempts: 0 };
  await db.actions.put(full);
  return full;
}

export async function allActions(db: FollowupsDb): Promise<FollowupActionRow[]> {
  return db.actions.orderBy('queuedAtMs').toArray();
}

export async function pendingActions(db: FollowupsDb): Promise<FollowupActionRow[]> {
  return (await db.actions.where('state').equals('pending').toArray()).sort((a, b) => a.queuedAtMs - b.queuedAtMs);
}

export async function markAction(
  db: FollowupsDb,
  key: string,
  state: FollowupActionRow['state'],
  error: string | null = null,
): Promise<void> {
  await db.actions
    .where('key')
    .equals(key)
    .modify((r) => {
      r.state = state;
      r.error = error;
      r.attempts += 1;
    });
}

/**
 * Drops what no longer matters: snoozes that have run out, and sent closures and completions older than
 * `keepMs` (by then the pulled rows carry them).
 */
export async function pruneActions(db: FollowupsDb, nowMs: number, keepMs = 7 * 86_400_000): Promise<void> {
  await db.actions
    .filter(
      (a) =>
        (a.type === 'snooze' && a.untilMs !== null && a.untilMs <= nowMs) ||
        (a.state !== 'pending' && a.queuedAtMs < nowMs - keepMs),
    )
    .delete();
}
