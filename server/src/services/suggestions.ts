import { TRPCError } from '@trpc/server';
import { and, eq, sql } from 'drizzle-orm';
import type {
  AssignHandleResult,
  DismissHandleResult,
  HandleKey,
  IdentityKind,
  Source,
  Suggestion,
  SuggestionsResult,
} from '@comms-log/shared';
import type { Db, DbOrTx } from '../db/client';
import { dismissedHandles, identities, stakeholders } from '../db/schema';
import { inList } from '../db/sql-values';
import { toIso } from '../iso';
import { recomputeScope } from './derive';
import { addIdentity, matchHandles } from './directory';
import { scopeOfRows, updateWithSeq } from './directory-merge';
import { isFreeMailDomain } from './free-mail';
import { emailDomain, IdentityFormatError, normalizeIdentity } from './identities';
import { currentPlan } from './plans';

/*
 * The queue of unknown counterparts: who wrote to us in logged threads that nobody tied to a
 * stakeholder — nothing is created for them automatically. A handle is named by the identity kind its site's
 * handles are and its lower-cased value, so "assign" can add exactly that identity.
 */

/** The identity kind of the author handles each site logs; manual entries carry no handle to resolve. */
export const handleKindOfSource: Record<Exclude<Source, 'manual'>, IdentityKind> = {
  gmail: 'email',
  outlook: 'email',
  weibo: 'weibo',
  jira: 'jira',
  trello: 'trello',
};

const handleKinds = new Set<IdentityKind>(Object.values(handleKindOfSource));

export function sourcesOfKind(kind: IdentityKind): Source[] {
  return (Object.entries(handleKindOfSource) as [Source, IdentityKind][]).filter(([, k]) => k === kind).map(([s]) => s);
}

const kindSql = sql.raw(
  `CASE i.source ${Object.entries(handleKindOfSource)
    .map(([source, kind]) => `WHEN '${source}' THEN '${kind}'`)
    .join(' ')} END`,
);

/** The queue's key of a handle: trimmed and lower-cased, as `lower(trim(author_handle))` in SQL. */
export const handleValue = (value: string): string => value.trim().toLowerCase();

function assertHandleKind(kind: IdentityKind) {
  if (!handleKinds.has(kind)) {
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: `Only ${[...handleKinds].join(', ')} handles are seen in logged threads; ${kind} is not one.`,
    });
  }
}

type Cursor = { n: number; kind: string; value: string };

const encodeCursor = (c: Cursor): string => JSON.stringify([c.n, c.kind, c.value]);

function decodeCursor(cursor: string | null): Cursor | null {
  if (!cursor) return null;
  try {
    const parsed: unknown = JSON.parse(cursor);
    if (
      Array.isArray(parsed) &&
      parsed.length === 3 &&
      Number.isSafeInteger(parsed[0]) &&
      typeof parsed[1] === 'string' &&
      typeof parsed[2] === 'string'
    ) {
      return { n: parsed[0] as number, kind: parsed[1], value: parsed[2] };
    }
  } catch {
    // Reported below.
  }
  throw new TRPCError({
    code: 'BAD_REQUEST',
    message: 'This page cursor is not valid: start again from the first page.',
  });
}

/**
 * Inbound, human, external messages without a stakeholder, by handle: busiest first (then by kind and value), without
 * the handles the org dismissed. Each with the name and the title and link of its latest message.
 */
export async function listSuggestions(
  db: DbOrTx,
  orgId: string,
  input: { since?: string | undefined; limit: number; cursor: string | null },
): Promise<SuggestionsResult> {
  const since = input.since ? sql` AND i.occurred_at >= ${sql.raw(String(Date.parse(input.since)))}` : sql``;
  const cursor = decodeCursor(input.cursor);
  const base = sql`
    WITH u AS (
      SELECT ${kindSql} AS kind, lower(trim(i.author_handle)) AS value, i.author_name, i.thread_key, i.occurred_at, i.title, i.url,
        row_number() OVER (PARTITION BY ${kindSql}, lower(trim(i.author_handle)) ORDER BY i.occurred_at DESC, i.id DESC) AS rn
      FROM interactions i
      WHERE i.org_id = ${orgId} AND i.stakeholder_id IS NULL AND i.direction = 'inbound' AND i.automated = 0 AND i.internal = 0
        AND i.deleted = 0 AND i.source <> 'manual' AND i.author_handle IS NOT NULL AND trim(i.author_handle) <> ''${since}
    ),
    g AS (
      SELECT kind, value, count(*) AS n, count(DISTINCT thread_key) AS threads, min(occurred_at) AS first_at, max(occurred_at) AS last_at
      FROM u
      WHERE NOT EXISTS (SELECT 1 FROM dismissed_handles d WHERE d.org_id = ${orgId} AND d.kind = u.kind AND d.value = u.value)
      GROUP BY kind, value
    )`;
  const [{ total } = { total: 0 }] = await db.all<{ total: number }>(sql`${base} SELECT count(*) AS total FROM g`);
  const after = cursor
    ? sql`WHERE g.n < ${cursor.n} OR (g.n = ${cursor.n} AND (g.kind > ${cursor.kind} OR (g.kind = ${cursor.kind} AND g.value > ${cursor.value})))`
    : sql``;
  const rows = await db.all<{
    kind: IdentityKind;
    value: string;
    n: number;
    threads: number;
    first_at: number;
    last_at: number;
    author_name: string;
    title: string | null;
    url: string | null;
  }>(sql`${base}
    SELECT g.kind, g.value, g.n, g.threads, g.first_at, g.last_at, u.author_name, u.title, u.url
    FROM g JOIN u ON u.kind = g.kind AND u.value = g.value AND u.rn = 1
    ${after}
    ORDER BY g.n DESC, g.kind, g.value
    LIMIT ${sql.raw(String(input.limit + 1))}`);
  const page = rows.slice(0, input.limit);
  const matched = page.length
    ? await matchHandles(
        db,
        orgId,
        page.map((r) => ({ kind: r.kind, value: r.value })),
      )
    : [];
  const items: Suggestion[] = page.map((r, k) => {
    const domain = r.kind === 'email' ? emailDomain(r.value) : null;
    return {
      kind: r.kind,
      value: r.value,
      name: r.author_name,
      count: Number(r.n),
      threads: Number(r.threads),
      firstAt: toIso(r.first_at),
      lastAt: toIso(r.last_at),
      sampleTitle: r.title,
      sampleUrl: r.url,
      suggestedDomain: domain && !isFreeMailDomain(domain) ? domain : null,
      matchedStakeholderId: matched[k]?.stakeholderId ?? null,
    };
  });
  const last = page[page.length - 1];
  return {
    items,
    total: Number(total),
    nextCursor:
      rows.length > input.limit && last
        ? encodeCursor({ n: Number(last.n), kind: last.kind, value: last.value })
        : null,
  };
}

/**
 * Tie a handle to a stakeholder: the handle becomes its identity (unless another stakeholder holds it: CONFLICT),
 * and the handle's interactions without a stakeholder are assigned to it, with its type. A thread whose only unknown
 * counterpart is this handle is assigned whole (our replies in it too), as if it had been logged with the
 * stakeholder. The derived response fields of those threads are recomputed.
 */
export async function assignHandle(
  db: Db,
  orgId: string,
  input: HandleKey & { stakeholderId: string },
  now = Date.now(),
): Promise<AssignHandleResult> {
  assertHandleKind(input.kind);
  const value = handleValue(input.value);
  return db.transaction(async (tx) => {
    const [target] = await tx
      .select()
      .from(stakeholders)
      .where(and(eq(stakeholders.orgId, orgId), eq(stakeholders.id, input.stakeholderId)));
    if (!target)
      throw new TRPCError({ code: 'NOT_FOUND', message: `No stakeholder with id ${input.stakeholderId} in your org.` });
    if (!target.active)
      throw new TRPCError({
        code: 'BAD_REQUEST',
        message: `"${target.name}" is inactive: reactivate it (or pick another) before assigning handles to it.`,
      });

    let identityValue: string | null;
    try {
      identityValue = normalizeIdentity(input.kind, value);
    } catch (e) {
      if (!(e instanceof IdentityFormatError)) throw e;
      // Not a well-formed identity (say, a display-only handle): the messages are still assigned, no identity is added.
      identityValue = null;
    }
    let identityAdded = false;
    if (identityValue !== null) {
      const [held] = await tx
        .select({ stakeholderId: identities.stakeholderId, name: stakeholders.name })
        .from(identities)
        .innerJoin(stakeholders, eq(stakeholders.id, identities.stakeholderId))
        .where(and(eq(identities.orgId, orgId), eq(identities.kind, input.kind), eq(identities.value, identityValue)));
      if (held && held.stakeholderId !== target.id) {
        throw new TRPCError({
          code: 'CONFLICT',
          message: `The ${input.kind} ${identityValue} already belongs to the stakeholder "${held.name}": assign it there, or merge the two.`,
        });
      }
      if (!held) {
        await addIdentity(tx, orgId, target.id, { kind: input.kind, value: identityValue }, now);
        identityAdded = true;
      }
    }

    const sources = inList(sourcesOfKind(input.kind));
    const byHandle = sql`source IN (${sources}) AND lower(trim(author_handle)) = ${value}`;
    const rowsWhere = sql`stakeholder_id IS NULL AND (${byHandle} OR thread_key IN (
        SELECT thread_key FROM interactions WHERE org_id = ${orgId} AND stakeholder_id IS NULL AND direction = 'inbound' AND ${byHandle}
        EXCEPT
        SELECT thread_key FROM interactions WHERE org_id = ${orgId} AND stakeholder_id IS NULL AND direction = 'inbound' AND automated = 0
          AND internal = 0 AND author_handle IS NOT NULL AND trim(author_handle) <> '' AND lower(trim(author_handle)) <> ${value}))`;
    const [{ n } = { n: 0 }] = await tx.all<{ n: number }>(
      sql`SELECT count(*) AS n FROM interactions WHERE org_id = ${orgId} AND deleted = 0 AND ${rowsWhere}`,
    );
    const scope = await scopeOfRows(tx, orgId, rowsWhere, target.id);
    await updateWithSeq(
      tx,
      orgId,
      'interactions',
      sql`stakeholder_id = ${target.id}, stakeholder_type = ${target.type}`,
      rowsWhere,
      now,
    );
    if (scope.threadKeys.size) {
      const { plan } = await currentPlan(tx, orgId);
      await recomputeScope(tx, orgId, plan, scope, now);
    }
    return { assigned: Number(n), identityAdded };
  });
}

/** Hide a handle from the queue, org-wide (idempotent). */
export async function dismissHandle(
  db: DbOrTx,
  orgId: string,
  userId: string,
  input: HandleKey,
  now = Date.now(),
): Promise<DismissHandleResult> {
  assertHandleKind(input.kind);
  const value = handleValue(input.value);
  await db
    .insert(dismissedHandles)
    .values({ orgId, kind: input.kind, value, dismissedBy: userId, dismissedAt: now })
    .onConflictDoNothing();
  return { kind: input.kind, value, dismissed: true };
}

/** Show a dismissed handle in the queue again (undo). */
export async function undismissHandle(db: DbOrTx, orgId: string, input: HandleKey): Promise<DismissHandleResult> {
  const value = handleValue(input.value);
  await db
    .delete(dismissedHandles)
    .where(
      and(eq(dismissedHandles.orgId, orgId), eq(dismissedHandles.kind, input.kind), eq(dismissedHandles.value, value)),
    );
  return { kind: input.kind, value, dismissed: false };
}
