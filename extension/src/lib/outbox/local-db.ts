import Dexie, { type EntityTable } from 'dexie';
import type {
  Followup,
  FollowupData,
  Interaction,
  InteractionData,
  Stakeholder,
  ThreadOutcomeData,
} from '@comms-log/shared';

/** One queued change. `seq` orders the outbox; `key` (`<entity>:<id>`) keeps one row per record. */
export type OutboxRow = {
  seq?: number;
  key: string;
  entity: 'interaction' | 'followup' | 'stakeholder' | 'thread_outcome' | 'coverage';
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
  /**
   * Who wrote it: only their sync pushes it (docs/sync.md "Outbox first"). Missing on rows written while nobody was
   * known to be signed in; the next sync gives those to the copy's user (sync/own-copy.ts).
   */
  owner?: OutboxOwner;
};

/** The user an outbox row belongs to, and how the popup names them (their e-mail). */
export type OutboxOwner = { id: string; label: string };

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

/**
 * A resolve or reopen made here. Pull does not send outcomes (docs/sync.md "Pull"), so the local state of a
 * thread is what this browser queued: kept after it synced, dropped when a refused one is discarded.
 */
export type LocalThreadOutcome = ThreadOutcomeData & { id: string; queuedAt: string; pending: boolean };

type MetaRow = { key: string; value: unknown };

/** The extension's IndexedDB database: the outbox and the local copy it is written with (docs/sync.md). */
export class CommsLogDb extends Dexie {
  outbox!: EntityTable<OutboxRow, 'seq'>;
  interactions!: EntityTable<LocalInteraction, 'id'>;
  stakeholders!: EntityTable<LocalStakeholder, 'id'>;
  followups!: EntityTable<LocalFollowup, 'id'>;
  meta!: EntityTable<MetaRow, 'key'>;
  threadOutcomes!: EntityTable<LocalThreadOutcome, 'id'>;
  /** The signed-in user as the background last read it: new outbox rows are theirs. */
  signedIn: OutboxOwner | null = null;

  constructor(name = 'comms-log') {
    super(name);
    this.version(1).stores({
      outbox: '++seq, &key, status, waitsFor',
      interactions: 'id, threadKey, [source+externalId], occurredAt, stakeholderId',
      stakeholders: 'id, nameLower, *identityKeys',
      followups: 'id, dueAt, status',
      meta: 'key',
    });
    this.version(2).stores({ threadOutcomes: 'id, threadKey' });
    // Every writer of the outbox stamps its rows here, so no queueing path can forget whose they are.
    this.outbox.hook('creating', (_key, row) => {
      if (!row.owner && this.signedIn) row.owner = this.signedIn;
    });
  }
}
