import type { InteractionInput, PushItem } from '@comms-log/shared';
import { generateInteractions, type BenchDirectory } from '../bench/generate';
import { Random, ulidAt } from '../bench/random';
import { pushItem } from '../bench/rows';

/*
 * What the simulated extensions log: the bench's generated threads (docs in test/bench/README.md: threads of 1–6
 * messages, calls that answer a stakeholder's waits in any thread, a few busy stakeholders shared by everyone),
 * dealt out to the clients so that they overlap: a thread's messages are mostly logged by its owner but some by
 * another client, some site messages are logged by two clients under two ids (the server merges them by site
 * id, docs/sync.md "Idempotency"), and some are deleted by their logger once the server has them.
 */

/** Share of messages logged by another client than the thread's owner. */
const OTHER_LOGGER = 0.15;
/** Share of site messages logged by a second client too, under its own id. */
const LOGGED_TWICE = 0.05;
/** Share of the other messages their logger deletes in a later sync. */
const DELETED = 0.03;

/** One message as the org should end up holding it. */
export interface Message {
  data: InteractionInput & { id: string; occurredAt: string; stakeholderId: string | null };
  /** Every client that logged it, with the id it used (two when logged twice). */
  loggedBy: { client: number; id: string }[];
  deleted: boolean;
}

export interface Workload {
  messages: Message[];
  /** Per client, what it logs between two syncs, in order: upserts, and deletes of what it logged before. */
  sessions: PushItem[][][];
  upserts: number;
  deletes: number;
}

type Queued = { item: PushItem; message: Message };

/**
 * Cut a client's queue into sessions: mostly a few logs between two syncs (1–20 items), sometimes a backlog of
 * 100–900 after a time offline (pushed in batches of 500).
 */
function intoSessions(queue: Queued[], r: Random): Queued[][] {
  const sessions: Queued[][] = [];
  for (let i = 0; i < queue.length; ) {
    const size = r.chance(0.15) ? r.int(100, 900) : r.int(1, 20);
    sessions.push(queue.slice(i, i + size));
    i += size;
  }
  return sessions;
}

/** A client's sessions with the deletes of the messages it drops added one to three sessions after their log. */
function withDeletes(sessions: Queued[][], r: Random): PushItem[][] {
  const out: PushItem[][] = sessions.map((s) => s.map((q) => q.item));
  sessions.forEach((session, s) => {
    for (const { item, message } of session) {
      if (!message.deleted) continue;
      const at = s + r.int(1, 3);
      while (out.length <= at) out.push([]);
      out[at]!.push({ op: 'delete', entity: 'interaction', id: item.id });
    }
  });
  return out.filter((s) => s.length > 0);
}

/** The seeded workload of `items` generated interactions for `clients` clients (the directory's users, in order). */
export function makeWorkload(opts: {
  seed: number;
  items: number;
  clients: number;
  directory: BenchDirectory;
  stakeholderIds: string[];
  startMs: number;
  endMs: number;
}): Workload {
  const r = new Random(opts.seed ^ 0xfa17);
  const other = (client: number) => (client + r.int(1, opts.clients - 1)) % opts.clients;
  const queues: Queued[][] = Array.from({ length: opts.clients }, () => []);
  const messages: Message[] = [];
  let upserts = 0;
  for (const g of generateInteractions({ ...opts, count: opts.items })) {
    const item = pushItem(g, opts);
    const data = item.op === 'upsert' ? (item.data as Message['data']) : null;
    if (!data) throw new Error('the generator made a delete');
    const logger = opts.clients > 1 && r.chance(OTHER_LOGGER) ? other(g.user) : g.user;
    const message: Message = { data, loggedBy: [{ client: logger, id: g.id }], deleted: false };
    queues[logger]!.push({ item, message });
    if (g.externalId !== null && opts.clients > 1 && r.chance(LOGGED_TWICE)) {
      const second = other(logger);
      const id = ulidAt(g.occurredAt, r);
      message.loggedBy.push({ client: second, id });
      queues[second]!.push({ item: { op: 'upsert', entity: 'interaction', id, data: { ...data, id } }, message });
    } else if (r.chance(DELETED)) message.deleted = true;
    messages.push(message);
    upserts += message.loggedBy.length;
  }
  const sessions = queues.map((q) => withDeletes(intoSessions(q, r), r));
  return { messages, sessions, upserts, deletes: messages.filter((m) => m.deleted).length };
}
