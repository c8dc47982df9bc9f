import { copyFileSync, existsSync } from 'node:fs';
import { createDb } from '../../server/src/db/client';
import type { InteractionRow } from '../../server/src/db/schema';
import { deriveFields, derivedColumns, recomputeOrg, type DeriveRow } from '../../server/src/services/derive';
import { currentPlan } from '../../server/src/services/plans';
import type { Message } from './workload';

/** A kind of failure: how many, and the first few in words. */
export interface Problems {
  count: number;
  examples: string[];
}

export interface StoredChecks {
  /** Interaction rows of the org (tombstones included) and the live ones. */
  stored: number;
  live: number;
  /** Messages not stored, stored differently (a delete not applied is one), or acknowledged as another row. */
  lost: Problems;
  /** Two rows of one message, two of one (source, site id), rows of nothing a client logged. */
  duplicated: Problems;
  /** Stored derived fields unlike pairing the whole org from scratch with the shared `pairWaits`. */
  derivedMismatches: Problems;
  /** Rows the server's own `recomputeOrg` would change (dry run). */
  recomputeChanged: number;
  /** Waits stored, and the answered ones among them (a check that pairing had work to do). */
  waits: number;
  answered: number;
  /** Waits answered by a message of another thread (a call answering an e-mail, docs/metrics.md "Pairing"). */
  crossThreadAnswers: number;
  /** The live rows of each user, by user id, for the pull check. */
  liveByUser: Map<string, Set<string>>;
}

const problems = () => ({ count: 0, examples: [] as string[] });
const note = (p: Problems, text: string) => {
  p.count++;
  if (p.examples.length < 10) p.examples.push(text);
};

/** The org's rows with their "no reply needed" closures, as pairing sees them. */
async function orgRows(db: Awaited<ReturnType<typeof createDb>>['db'], orgId: string): Promise<DeriveRow[]> {
  const rows = await db.query.interactions.findMany({ where: (t, { eq }) => eq(t.orgId, orgId) });
  const closures = new Map(
    (await db.query.waitClosures.findMany({ where: (t, { eq }) => eq(t.orgId, orgId) })).map((c) => [
      c.interactionId,
      c,
    ]),
  );
  return rows.map((r) => {
    const c = closures.get(r.id);
    return { ...r, closure: c ? { atMs: c.closedAt, reason: c.reason, byUserId: c.closedBy } : null };
  });
}

/** The fields of a stored row that must be what its logger sent. */
function differences(row: InteractionRow, m: Message): string[] {
  const d = m.data;
  const want: [string, unknown, unknown][] = [
    ['source', row.source, d.source],
    ['externalId', row.externalId, d.externalId],
    ['threadKey', row.threadKey, d.threadKey],
    ['channel', row.channel, d.channel],
    ['direction', row.direction, d.direction],
    ['occurredAt', row.occurredAt, Date.parse(d.occurredAt)],
    ['stakeholderId', row.stakeholderId, d.stakeholderId],
    ['deleted', row.deleted, m.deleted],
  ];
  return want.filter(([, got, expected]) => got !== expected).map(([f, got, exp]) => `${f} ${got} (sent ${exp})`);
}

/** Every message stored once, as sent, and every acknowledgement pointing at its row. */
function checkMessages(
  rows: Map<string, InteractionRow>,
  messages: readonly Message[],
  storedAs: readonly ReadonlyMap<string, string>[],
  lost: Problems,
  duplicated: Problems,
) {
  for (const m of messages) {
    const ids = m.loggedBy.map((l) => l.id);
    const found = ids.filter((id) => rows.has(id));
    if (found.length === 0) {
      note(lost, `${m.data.threadKey} ${m.data.externalId ?? ''} (${ids.join(', ')}) is not stored`);
      continue;
    }
    if (found.length > 1) note(duplicated, `one message stored as ${found.join(' and ')}`);
    const row = rows.get(found[0]!)!;
    const diff = differences(row, m);
    if (diff.length) note(lost, `${row.id} is stored with ${diff.join(', ')}`);
    for (const { client, id } of m.loggedBy) {
      const as = storedAs[client]!.get(id);
      if (as === undefined) note(lost, `client ${client + 1} never had ${id} acknowledged`);
      else if (as !== row.id) note(lost, `client ${client + 1} was told ${id} went into ${as}, stored as ${row.id}`);
    }
  }
}

/** Rows that no message accounts for, and site ids held by more than one row. */
function checkExtraRows(rows: Map<string, InteractionRow>, messages: readonly Message[], duplicated: Problems) {
  const logged = new Set(messages.flatMap((m) => m.loggedBy.map((l) => l.id)));
  const bySiteId = new Map<string, string>();
  for (const row of rows.values()) {
    if (!logged.has(row.id)) note(duplicated, `row ${row.id} (${row.threadKey}) is no message a client logged`);
    if (row.externalId === null) continue;
    const key = `${row.source} ${row.externalId}`;
    const other = bySiteId.get(key);
    if (other) note(duplicated, `${key} is stored as ${other} and ${row.id}`);
    else bySiteId.set(key, row.id);
  }
}

/** Every derived field against pairing all of the org's rows at once. */
function checkDerived(rows: readonly DeriveRow[], plan: Parameters<typeof deriveFields>[2], mismatches: Problems) {
  const fresh = deriveFields(rows, new Set(rows.map((r) => r.threadKey)), plan);
  for (const row of rows) {
    const want = fresh.get(row.id)!;
    for (const c of derivedColumns)
      if (row[c] !== want[c])
        note(mismatches, `${row.id} ${row.threadKey} ${c}: stored ${row[c]}, from scratch ${want[c]}`);
  }
}

/**
 * Check a copy of the stopped server's database file (with its WAL, if the server left one): the org holds every
 * message once, as sent, deletes applied, and derived fields equal to a recompute — both pairing the whole org
 * at once with the shared `pairWaits` and the server's own `recomputeOrg`.
 */
export async function checkStored(opts: {
  dbPath: string;
  copyPath: string;
  orgId: string;
  messages: readonly Message[];
  storedAs: readonly ReadonlyMap<string, string>[];
}): Promise<StoredChecks> {
  copyFileSync(opts.dbPath, opts.copyPath);
  if (existsSync(`${opts.dbPath}-wal`)) copyFileSync(`${opts.dbPath}-wal`, `${opts.copyPath}-wal`);
  const handle = await createDb(`file:${opts.copyPath}`);
  try {
    const all = await orgRows(handle.db, opts.orgId);
    const rows = new Map(all.map((r) => [r.id, r]));
    const [lost, duplicated, derivedMismatches] = [problems(), problems(), problems()];
    checkMessages(rows, opts.messages, opts.storedAs, lost, duplicated);
    checkExtraRows(rows, opts.messages, duplicated);
    const { plan } = await currentPlan(handle.db, opts.orgId);
    checkDerived(all, plan, derivedMismatches);
    const { changed } = await recomputeOrg(handle.db, opts.orgId, plan, { dryRun: true });
    const liveByUser = new Map<string, Set<string>>();
    for (const r of all) {
      if (r.deleted) continue;
      const set = liveByUser.get(r.userId) ?? new Set<string>();
      liveByUser.set(r.userId, set.add(r.id));
    }
    return {
      stored: all.length,
      live: all.filter((r) => !r.deleted).length,
      lost,
      duplicated,
      derivedMismatches,
      recomputeChanged: changed,
      waits: all.filter((r) => r.waitStart).length,
      answered: all.filter((r) => r.waitStart && r.repliedAt !== null).length,
      crossThreadAnswers: all.filter((r) => r.replyId !== null && rows.get(r.replyId)?.threadKey !== r.threadKey)
        .length,
      liveByUser,
    };
  } finally {
    handle.close();
  }
}
