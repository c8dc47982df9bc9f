import { and, asc, eq, gt, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import {
  followupInputSchema,
  interactionInputSchema,
  isLiveChannel,
  type CaptureLevel,
  type Followup,
  type Interaction,
  type Plan,
  type PullInput,
  type PullResult,
  type PushInput,
  type PushResult,
} from '@comms-log/shared';
import type { InValue } from '@libsql/client';
import { jsonList, rawExecutor, selectArrays, selectValues, type Db, type DbOrTx } from '../db/client';
import {
  followups,
  interactions,
  neverLog,
  orgs,
  stakeholders,
  type FollowupRow,
  type InteractionRow,
} from '../db/schema';
import type { AuthUser } from '../auth/tokens';
import { fromIso, fromIsoOrNull, toIso, toIsoOrNull } from '../iso';
import { describeZodError } from '../trpc';
import { currentPlan } from './plans';
import { currentSeq, reserveSeq } from './seq';
import { emailDomain, domainAndParents } from './identities';
import {
  deriveFields,
  derivedEqual,
  derivedFromArray,
  emptyScope,
  loadForDerive,
  noDerived,
  writeDerived,
  type DerivedFields,
} from './derive';
import { withIdentities } from './directory';

type Applied = PushResult['applied'][number];
type Rejected = PushResult['rejected'][number];

const canEditOthers = (user: AuthUser) => user.role === 'manager' || user.role === 'admin';

/** What the org's capture level lets the server keep of a message (docs/architecture.md "Data model"). */
export function applyCaptureLevel<T extends { title: string | null; snippet: string | null }>(
  level: CaptureLevel,
  row: T,
): T {
  if (level === 'metadata') return { ...row, title: null, snippet: null };
  if (level === 'subject') return { ...row, snippet: null };
  return row;
}

interface NeverLogList {
  emails: Set<string>;
  domains: Set<string>;
}

async function loadNeverLog(db: DbOrTx, orgId: string, userId: string): Promise<NeverLogList> {
  const rows = await db
    .select({ kind: neverLog.kind, value: neverLog.value })
    .from(neverLog)
    .where(and(eq(neverLog.orgId, orgId), or(isNull(neverLog.userId), eq(neverLog.userId, userId))));
  return {
    emails: new Set(rows.filter((r) => r.kind === 'email').map((r) => r.value)),
    domains: new Set(rows.filter((r) => r.kind === 'domain').map((r) => r.value)),
  };
}

/** Whether a handle is on the never-log list: the exact address, or its domain or a parent domain. */
export function isNeverLogged(list: NeverLogList, handle: string | null): boolean {
  if (!handle) return false;
  const h = handle
    .trim()
    .toLowerCase()
    .replace(/^mailto:/, '');
  if (list.emails.has(h)) return true;
  const domain = emailDomain(h);
  return domain !== null && domainAndParents(domain).some((d) => list.domains.has(d));
}

/** The columns a push may change on an existing interaction (id, org, source, external id and created_at never change). */
const interactionUpdateColumns = [
  'user_id',
  'thread_key',
  'channel',
  'direction',
  'occurred_at',
  'stakeholder_id',
  'stakeholder_type',
  'author_name',
  'author_handle',
  'title',
  'snippet',
  'url',
  'duration_min',
  'note',
  'automated',
  'internal',
  'deleted',
  'updated_at',
  'seq',
  'wait_start',
  'first_response',
  'replied_at',
  'replied_by',
  'reply_id',
  'response_ms',
  'response_work_ms',
  'deadline_at',
  'on_time',
];

const interactionInsertColumns = ['id', 'org_id', 'source', 'external_id', 'created_at', ...interactionUpdateColumns];

/** Push `r`'s values in `interactionInsertColumns` order, with its change sequence number and update time. */
function pushInteractionValues(args: InValue[], r: InteractionRow, seq: number, updatedAt: number) {
  args.push(
    r.id,
    r.orgId,
    r.source,
    r.externalId,
    r.createdAt,
    r.userId,
    r.threadKey,
    r.channel,
    r.direction,
    r.occurredAt,
    r.stakeholderId,
    r.stakeholderType,
    r.authorName,
    r.authorHandle,
    r.title,
    r.snippet,
    r.url,
    r.durationMin,
    r.note,
    r.automated ? 1 : 0,
    r.internal ? 1 : 0,
    r.deleted ? 1 : 0,
    updatedAt,
    seq,
    r.waitStart ? 1 : 0,
    r.firstResponse ? 1 : 0,
    r.repliedAt,
    r.repliedBy,
    r.replyId,
    r.responseMs,
    r.responseWorkMs,
    r.deadlineAt,
    r.onTime,
  );
}

const MAX_PARAMS = 32_000;

/**
 * Multi-row INSERT … ON CONFLICT(id) DO UPDATE of whole rows, split at SQLite's parameter limit; the rows take
 * consecutive change sequence numbers from `firstSeq`.
 */
async function upsertInteractions(db: DbOrTx, rows: InteractionRow[], firstSeq: number, now: number) {
  const execute = rawExecutor(db);
  const perRow = interactionInsertColumns.length;
  const size = Math.floor(MAX_PARAMS / perRow);
  const tuple = `(${new Array(perRow).fill('?').join(', ')})`;
  const head = `INSERT INTO interactions (${interactionInsertColumns.join(', ')}) VALUES `;
  const tail = ` ON CONFLICT(id) DO UPDATE SET ${interactionUpdateColumns.map((c) => `${c} = excluded.${c}`).join(', ')}`;
  for (let i = 0; i < rows.length; i += size) {
    const group = rows.slice(i, i + size);
    const args: InValue[] = [];
    for (let k = 0; k < group.length; k++) pushInteractionValues(args, group[k]!, firstSeq + i + k, now);
    await execute({ sql: head + new Array(group.length).fill(tuple).join(', ') + tail, args });
  }
}

/** Whole interaction rows matching `where`, read as JSON arrays in `interactionInsertColumns` order. */
async function selectInteractions(db: DbOrTx, where: string, args: InValue[]): Promise<InteractionRow[]> {
  const rows = await selectArrays(db, {
    columns: interactionInsertColumns.join(', '),
    from: `FROM interactions WHERE ${where}`,
    args,
  });
  return rows.map(interactionFromSql);
}

function interactionFromSql(r: readonly unknown[]): InteractionRow {
  return {
    id: r[0] as string,
    orgId: r[1] as string,
    source: r[2] as InteractionRow['source'],
    externalId: r[3] as string | null,
    createdAt: r[4] as number,
    userId: r[5] as string,
    threadKey: r[6] as string,
    channel: r[7] as InteractionRow['channel'],
    direction: r[8] as InteractionRow['direction'],
    occurredAt: r[9] as number,
    stakeholderId: r[10] as string | null,
    stakeholderType: r[11] as InteractionRow['stakeholderType'],
    authorName: r[12] as string,
    authorHandle: r[13] as string | null,
    title: r[14] as string | null,
    snippet: r[15] as string | null,
    url: r[16] as string | null,
    durationMin: r[17] as number | null,
    note: r[18] as string | null,
    automated: r[19] === 1,
    internal: r[20] === 1,
    deleted: r[21] === 1,
    updatedAt: r[22] as number,
    seq: r[23] as number,
    ...derivedFromArray(r, 24),
  };
}

/** Parsed plans by database, org and version: a stored version never changes, and parsing one costs more than the query. */
const parsedPlans = new WeakMap<Db, Map<string, { version: number; plan: Plan }>>();

async function orgPlan(db: Db, tx: DbOrTx, orgId: string): Promise<Plan> {
  const rs = await rawExecutor(tx)({ sql: 'SELECT max(version) FROM plans WHERE org_id = ?', args: [orgId] });
  const version = rs.rows[0]?.[0] as number | null;
  let byOrg = parsedPlans.get(db);
  const known = byOrg?.get(orgId);
  if (known && known.version === version) return known.plan;
  const current = await currentPlan(tx, orgId);
  if (!byOrg) parsedPlans.set(db, (byOrg = new Map()));
  byOrg.set(orgId, { version: current.version, plan: current.plan });
  return current.plan;
}

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
  'deleted',
] as const satisfies readonly (keyof InteractionRow)[];

function sameBase(a: InteractionRow, b: InteractionRow): boolean {
  for (const c of baseColumns) if (a[c] !== b[c]) return false;
  return true;
}

const followupColumns = [
  'dueAt',
  'note',
  'stakeholderId',
  'threadKey',
  'url',
  'status',
  'snoozedUntil',
  'deleted',
  'userId',
] as const;

/**
 * Apply a push batch (docs/sync.md): every item is checked on its own (a bad one is rejected with its
 * reason), and all valid items apply in one transaction. Replaying a batch changes nothing. A message already
 * stored under the same (source, externalId) — logged by someone else, or again — is merged into that row.
 * Then the derived response fields of every affected thread (and stakeholder, for live events) are recomputed.
 */
export async function push(db: Db, user: AuthUser, input: PushInput, now = Date.now()): Promise<PushResult> {
  const orgId = user.orgId;
  return db.transaction(async (tx) => {
    const applied: Applied[] = [];
    const rejected: Rejected[] = [];
    let reservedTop: number | undefined;
    const [org] = await tx.select({ captureLevel: orgs.captureLevel }).from(orgs).where(eq(orgs.id, orgId));
    if (!org) throw new Error(`org ${orgId} not found`);
    const never = await loadNeverLog(tx, orgId, user.id);

    // 1. Validate each item; the last item for an id wins within a batch.
    type IUpsert = { kind: 'iupsert'; id: string; data: ReturnType<typeof interactionInputSchema.parse> };
    type FUpsert = { kind: 'fupsert'; id: string; data: ReturnType<typeof followupInputSchema.parse> };
    type Del = { kind: 'delete'; entity: 'interaction' | 'followup'; id: string };
    const byId = new Map<string, IUpsert | FUpsert | Del>();
    const order: string[] = [];
    const reject = (id: string, reason: string) => rejected.push({ id, reason });
    for (const item of input.items) {
      let op: IUpsert | FUpsert | Del;
      if (item.op === 'delete') op = { kind: 'delete', entity: item.entity, id: item.id };
      else if (item.entity === 'interaction') {
        const parsed = interactionInputSchema.safeParse(item.data);
        if (!parsed.success) {
          reject(item.id, `invalid interaction: ${describeZodError(parsed.error)}`);
          continue;
        }
        if (parsed.data.id !== item.id) {
          reject(item.id, `invalid interaction: data.id (${parsed.data.id}) differs from the item id`);
          continue;
        }
        if (isNeverLogged(never, parsed.data.author.handle)) {
          reject(item.id, `${parsed.data.author.handle} is on the never-log list`);
          continue;
        }
        op = { kind: 'iupsert', id: item.id, data: parsed.data };
      } else {
        const parsed = followupInputSchema.safeParse(item.data);
        if (!parsed.success) {
          reject(item.id, `invalid follow-up: ${describeZodError(parsed.error)}`);
          continue;
        }
        if (parsed.data.id !== item.id) {
          reject(item.id, `invalid follow-up: data.id (${parsed.data.id}) differs from the item id`);
          continue;
        }
        op = { kind: 'fupsert', id: item.id, data: parsed.data };
      }
      const key = `${op.kind === 'fupsert' || (op.kind === 'delete' && op.entity === 'followup') ? 'f' : 'i'}:${op.id}`;
      if (!byId.has(key)) order.push(key);
      byId.set(key, op);
    }
    const ops = order.map((k) => byId.get(k)!);

    // 2. Stakeholders referenced must be the org's.
    const referenced = new Set<string>();
    for (const op of ops) if (op.kind !== 'delete' && op.data.stakeholderId) referenced.add(op.data.stakeholderId);
    const knownStakeholders = new Set<string>();
    if (referenced.size) {
      const found = await selectValues(tx, {
        value: 'id',
        from: 'FROM stakeholders WHERE org_id = ? AND id IN (SELECT value FROM json_each(?))',
        args: [orgId, jsonList([...referenced])],
      });
      for (const id of found) knownStakeholders.add(id as string);
    }

    // 3. Interactions: existing rows by id and by (source, externalId).
    const iOps = ops.filter(
      (o): o is IUpsert | Del => o.kind === 'iupsert' || (o.kind === 'delete' && o.entity === 'interaction'),
    );
    const existingById = new Map<string, InteractionRow>();
    if (iOps.length) {
      const found = await selectInteractions(tx, 'id IN (SELECT value FROM json_each(?))', [
        jsonList(iOps.map((o) => o.id)),
      ]);
      for (const row of found) existingById.set(row.id, row);
    }
    const externalKey = (source: string, externalId: string) => `${source}\u0000${externalId}`;
    const existingByExternal = new Map<string, InteractionRow>();
    const externalsBySource = new Map<string, string[]>();
    for (const o of iOps) {
      if (o.kind !== 'iupsert' || !o.data.externalId) continue;
      const list = externalsBySource.get(o.data.source) ?? [];
      list.push(o.data.externalId);
      externalsBySource.set(o.data.source, list);
    }
    // One statement per source: measured faster than all (source, externalId) pairs in one row-value IN.
    for (const [source, ids] of externalsBySource) {
      const found = await selectInteractions(
        tx,
        'org_id = ? AND source = ? AND external_id IS NOT NULL AND external_id IN (SELECT value FROM json_each(?))',
        [orgId, source, jsonList(ids)],
      );
      for (const row of found) existingByExternal.set(externalKey(row.source, row.externalId!), row);
    }

    /** Stored rows the batch may touch, by id (found by id or by external key). */
    const stored = new Map<string, InteractionRow>([...existingById].filter(([, r]) => r.orgId === orgId));
    for (const row of existingByExternal.values()) stored.set(row.id, row);
    const finalRows = new Map<string, InteractionRow>();
    const batchByExternal = new Map<string, string>();
    /** The row as the batch leaves it so far (a row may be touched twice when two items merge into it). */
    const current = (id: string) => finalRows.get(id) ?? stored.get(id) ?? null;

    for (const op of iOps) {
      const own = existingById.get(op.id);
      if (own && own.orgId !== orgId) {
        reject(op.id, 'this id is already used by another record; generate a new ULID');
        continue;
      }
      if (op.kind === 'delete') {
        const row = current(op.id);
        if (!row || row.deleted) {
          applied.push({ id: op.id, entity: 'interaction', mergedInto: null });
          continue;
        }
        if (row.userId !== user.id && !canEditOthers(user)) {
          reject(op.id, 'you can only delete interactions you logged');
          continue;
        }
        finalRows.set(row.id, { ...row, deleted: true });
        applied.push({ id: op.id, entity: 'interaction', mergedInto: null });
        continue;
      }

      const d = op.data;
      if (d.stakeholderId !== null && !knownStakeholders.has(d.stakeholderId)) {
        reject(op.id, `stakeholderId: no stakeholder ${d.stakeholderId} in your org`);
        continue;
      }
      const incoming = applyCaptureLevel(org.captureLevel, {
        threadKey: d.threadKey,
        channel: d.channel,
        direction: d.direction,
        occurredAt: fromIso(d.occurredAt),
        stakeholderId: d.stakeholderId,
        stakeholderType: d.stakeholderType,
        authorName: d.author.name,
        authorHandle: d.author.handle,
        title: d.title,
        snippet: d.snippet,
        url: d.url,
        durationMin: d.durationMin,
        note: d.note,
        automated: d.automated,
        internal: d.internal,
      });

      // The same site message already stored (or earlier in this batch) under another id: merge into it.
      let target = own ? current(op.id) : null;
      let mergedInto: string | null = null;
      if (!target && d.externalId) {
        const key = externalKey(d.source, d.externalId);
        const targetId = batchByExternal.get(key) ?? existingByExternal.get(key)?.id;
        target = targetId ? current(targetId) : null;
        if (target) mergedInto = target.id;
      }

      let next: InteractionRow;
      if (!target) {
        next = {
          id: op.id,
          orgId,
          userId: user.id,
          source: d.source,
          externalId: d.externalId,
          ...incoming,
          deleted: false,
          createdAt: now,
          updatedAt: now,
          seq: 0,
          ...noDerived,
        };
      } else if (mergedInto === null || target.deleted || target.userId === user.id) {
        // Its own row (or a deleted one brought back, or the same person logging it again): the new data wins.
        if (mergedInto === null && target.userId !== user.id && !canEditOthers(user)) {
          reject(op.id, 'you can only change interactions you logged');
          continue;
        }
        const userId = target.deleted && mergedInto !== null ? user.id : target.userId;
        next = { ...target, ...incoming, deleted: false, userId };
      } else {
        // Someone else's row for the same message: it stays theirs; only what it lacks is filled in.
        const adoptStakeholder = target.stakeholderId === null && incoming.stakeholderId !== null;
        next = {
          ...target,
          stakeholderId: adoptStakeholder ? incoming.stakeholderId : target.stakeholderId,
          stakeholderType: adoptStakeholder ? incoming.stakeholderType : target.stakeholderType,
          title: target.title ?? incoming.title,
          snippet: target.snippet ?? incoming.snippet,
          url: target.url ?? incoming.url,
        };
      }
      finalRows.set(next.id, next);
      if (next.externalId) batchByExternal.set(externalKey(next.source, next.externalId), next.id);
      applied.push({ id: op.id, entity: 'interaction', mergedInto });
    }

    // 4. What changed (a replay changes nothing), and which threads and stakeholders to recompute.
    const scope = emptyScope();
    const touch = (row: InteractionRow) => {
      scope.threadKeys.add(row.threadKey);
      if (row.stakeholderId !== null && isLiveChannel(row.channel)) {
        const since = scope.liveStakeholders.get(row.stakeholderId);
        scope.liveStakeholders.set(
          row.stakeholderId,
          since === undefined ? row.occurredAt : Math.min(since, row.occurredAt),
        );
      }
    };
    const toWrite = new Map<string, InteractionRow>();
    for (const row of finalRows.values()) {
      const prev = stored.get(row.id);
      if (prev && sameBase(prev, row)) continue;
      toWrite.set(row.id, row);
      touch(row);
      if (prev) touch(prev);
    }

    const derivedUpdates: { id: string; fields: DerivedFields }[] = [];
    if (toWrite.size) {
      const plan = await orgPlan(db, tx, orgId);
      const { rows, completeThreads } = await loadForDerive(tx, orgId, scope, toWrite);
      for (const [id, fields] of deriveFields(rows.values(), completeThreads, plan)) {
        const batchRow = toWrite.get(id);
        // Rows of this batch are objects made above: fill in their derived fields in place.
        if (batchRow) Object.assign(batchRow, fields);
        else if (!derivedEqual(rows.get(id)!, fields)) derivedUpdates.push({ id, fields });
      }
    }

    // 5. Write: one change-sequence number per changed row.
    if (toWrite.size + derivedUpdates.length > 0) {
      let seq = await reserveSeq(tx, orgId, toWrite.size + derivedUpdates.length);
      reservedTop = seq + toWrite.size + derivedUpdates.length - 1;
      await upsertInteractions(tx, [...toWrite.values()], seq, now);
      seq += toWrite.size;
      await writeDerived(
        tx,
        orgId,
        derivedUpdates.map((u) => ({ ...u, seq: seq++ })),
        now,
      );
    }

    // 6. Follow-ups.
    const fOps = ops.filter(
      (o): o is FUpsert | Del => o.kind === 'fupsert' || (o.kind === 'delete' && o.entity === 'followup'),
    );
    const existingFollowups = new Map<string, FollowupRow>();
    for (const group of chunk(
      fOps.map((o) => o.id),
      500,
    )) {
      for (const row of await tx.select().from(followups).where(inArray(followups.id, group)))
        existingFollowups.set(row.id, row);
    }
    const followupWrites: FollowupRow[] = [];
    for (const op of fOps) {
      const prev = existingFollowups.get(op.id);
      if (prev && prev.orgId !== orgId) {
        reject(op.id, 'this id is already used by another record; generate a new ULID');
        continue;
      }
      if (prev && prev.userId !== user.id && !canEditOthers(user)) {
        reject(
          op.id,
          op.kind === 'delete' ? 'you can only delete your own follow-ups' : 'you can only change your own follow-ups',
        );
        continue;
      }
      let next: FollowupRow;
      if (op.kind === 'delete') {
        if (!prev || prev.deleted) {
          applied.push({ id: op.id, entity: 'followup', mergedInto: null });
          continue;
        }
        next = { ...prev, deleted: true };
      } else {
        const d = op.data;
        if (d.stakeholderId !== null && !knownStakeholders.has(d.stakeholderId)) {
          reject(op.id, `stakeholderId: no stakeholder ${d.stakeholderId} in your org`);
          continue;
        }
        next = {
          id: op.id,
          orgId,
          userId: prev?.userId ?? user.id,
          dueAt: fromIso(d.dueAt),
          note: d.note,
          stakeholderId: d.stakeholderId,
          threadKey: d.threadKey,
          url: d.url,
          status: d.status,
          snoozedUntil: fromIsoOrNull(d.snoozedUntil),
          deleted: false,
          createdAt: prev?.createdAt ?? now,
          updatedAt: now,
          seq: 0,
        };
      }
      applied.push({ id: op.id, entity: 'followup', mergedInto: null });
      if (prev && followupColumns.every((c) => prev[c] === next[c])) continue;
      followupWrites.push(next);
      existingFollowups.set(next.id, next);
    }
    if (followupWrites.length) {
      let seq = await reserveSeq(tx, orgId, followupWrites.length);
      reservedTop = seq + followupWrites.length - 1;
      const rows = followupWrites.map((r) => ({ ...r, seq: seq++, updatedAt: now }));
      for (const group of chunk(rows, Math.floor(MAX_PARAMS / 15))) {
        await tx
          .insert(followups)
          .values(group)
          .onConflictDoUpdate({
            target: followups.id,
            set: {
              userId: sql`excluded.user_id`,
              dueAt: sql`excluded.due_at`,
              note: sql`excluded.note`,
              stakeholderId: sql`excluded.stakeholder_id`,
              threadKey: sql`excluded.thread_key`,
              url: sql`excluded.url`,
              status: sql`excluded.status`,
              snoozedUntil: sql`excluded.snoozed_until`,
              deleted: sql`excluded.deleted`,
              updatedAt: sql`excluded.updated_at`,
              seq: sql`excluded.seq`,
            },
          });
      }
    }

    // The counter as this transaction leaves it: the last number it reserved, or a read when it reserved none.
    return { applied, rejected, cursor: reservedTop ?? (await currentSeq(tx, orgId)) };
  });
}

function chunk<T>(list: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/** An interaction row as the wire shape (`interactionSchema`); an unanswered wait past its deadline reads as late. */
export function toInteraction(r: InteractionRow, now = Date.now()): Interaction {
  return {
    id: r.id,
    source: r.source,
    externalId: r.externalId,
    threadKey: r.threadKey,
    channel: r.channel,
    direction: r.direction,
    occurredAt: toIso(r.occurredAt),
    stakeholderId: r.stakeholderId,
    stakeholderType: r.stakeholderType,
    author: { name: r.authorName, handle: r.authorHandle },
    title: r.title,
    snippet: r.snippet,
    url: r.url,
    durationMin: r.durationMin,
    note: r.note,
    automated: r.automated,
    internal: r.internal,
    userId: r.userId,
    deleted: r.deleted,
    createdAt: toIso(r.createdAt),
    updatedAt: toIso(r.updatedAt),
    waitStart: r.waitStart,
    repliedAt: toIsoOrNull(r.repliedAt),
    repliedBy: r.repliedBy,
    responseMs: r.responseMs,
    responseWorkMs: r.responseWorkMs,
    onTime: r.onTime === 'pending' && r.deadlineAt !== null && now > r.deadlineAt ? 'late' : r.onTime,
    seq: r.seq,
  };
}

export function toFollowup(r: FollowupRow): Followup {
  return {
    id: r.id,
    dueAt: toIso(r.dueAt),
    note: r.note,
    stakeholderId: r.stakeholderId,
    threadKey: r.threadKey,
    url: r.url,
    status: r.status,
    snoozedUntil: toIsoOrNull(r.snoozedUntil),
    userId: r.userId,
    deleted: r.deleted,
    updatedAt: toIso(r.updatedAt),
    seq: r.seq,
  };
}

/**
 * Changes after `cursor`, oldest first, at most `limit` rows in all. Staff get their own interactions and
 * follow-ups; managers and admins the org's. Everyone gets the org's stakeholders (the local directory).
 */
export async function pull(db: Db, user: AuthUser, input: Required<PullInput>, now = Date.now()): Promise<PullResult> {
  const orgId = user.orgId;
  const limit = input.limit;
  // Read the counter first: every row with seq ≤ it was committed with it, so nothing below it can appear later.
  const top = await currentSeq(db, orgId);
  const own = user.role === 'staff';
  const window = (seqCol: typeof interactions.seq | typeof followups.seq | typeof stakeholders.seq) =>
    and(gt(seqCol, input.cursor), lte(seqCol, top));
  const [iRows, fRows, sRows] = await Promise.all([
    db
      .select()
      .from(interactions)
      .where(
        and(
          eq(interactions.orgId, orgId),
          own ? eq(interactions.userId, user.id) : undefined,
          window(interactions.seq),
        ),
      )
      .orderBy(asc(interactions.seq))
      .limit(limit + 1),
    db
      .select()
      .from(followups)
      .where(and(eq(followups.orgId, orgId), own ? eq(followups.userId, user.id) : undefined, window(followups.seq)))
      .orderBy(asc(followups.seq))
      .limit(limit + 1),
    db
      .select()
      .from(stakeholders)
      .where(and(eq(stakeholders.orgId, orgId), window(stakeholders.seq)))
      .orderBy(asc(stakeholders.seq))
      .limit(limit + 1),
  ]);
  type Tagged = { seq: number; i?: InteractionRow; f?: FollowupRow; s?: (typeof sRows)[number] };
  const merged: Tagged[] = [
    ...iRows.map((i) => ({ seq: i.seq, i })),
    ...fRows.map((f) => ({ seq: f.seq, f })),
    ...sRows.map((s) => ({ seq: s.seq, s })),
  ].sort((a, b) => a.seq - b.seq);
  const page = merged.slice(0, limit);
  const hasMore = merged.length > limit;
  const cursor = hasMore ? page[page.length - 1]!.seq : Math.max(top, input.cursor);
  return {
    interactions: page.flatMap((t) => (t.i ? [toInteraction(t.i, now)] : [])),
    followups: page.flatMap((t) => (t.f ? [toFollowup(t.f)] : [])),
    stakeholders: await withIdentities(
      db,
      orgId,
      page.flatMap((t) => (t.s ? [t.s] : [])),
    ),
    cursor,
    hasMore,
  };
}
