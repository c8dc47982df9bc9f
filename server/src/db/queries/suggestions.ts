import { sql, type SQL } from 'drizzle-orm';
import type { IdentityKind, Source } from '@comms-log/shared';
import type { DbOrTx } from '../client';
import { inList } from '../sql-values';
import { threadsOfRows, updateWithSeq } from './reassign';

/*
 * The queue of unknown counterparts: inbound, human, external messages without a stakeholder, grouped by the
 * author handle (its identity kind and its trimmed, lower-cased value).
 */

/** The identity kind of the author handles each site logs; manual entries carry no handle to resolve. */
export const handleKindOfSource: Record<Exclude<Source, 'manual'>, IdentityKind> = {
  gmail: 'email',
  outlook: 'email',
  weibo: 'weibo',
  jira: 'jira',
  trello: 'trello',
};

const kindSql = sql.raw(
  `CASE i.source ${Object.entries(handleKindOfSource)
    .map(([source, kind]) => `WHEN '${source}' THEN '${kind}'`)
    .join(' ')} END`,
);

/** A page's position: after the handle with `n` messages, `kind` and `value` (busiest first, then by kind, value). */
export type SuggestionCursor = { n: number; kind: string; value: string };

export interface SuggestionRow {
  kind: IdentityKind;
  value: string;
  n: number;
  threads: number;
  first_at: number;
  last_at: number;
  author_name: string;
  title: string | null;
  url: string | null;
}

/** `u`: the queue's messages (at or after `sinceMs`) numbered newest first per handle; `g`: per handle, undismissed. */
function queue(orgId: string, sinceMs: number | null): SQL {
  const since = sinceMs !== null ? sql` AND i.occurred_at >= ${sql.raw(String(sinceMs))}` : sql``;
  return sql`
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
}

/** How many handles are in the queue (all pages). */
export async function countSuggestions(db: DbOrTx, orgId: string, sinceMs: number | null): Promise<number> {
  const [{ total } = { total: 0 }] = await db.all<{ total: number }>(
    sql`${queue(orgId, sinceMs)} SELECT count(*) AS total FROM g`,
  );
  return Number(total);
}

/** Up to `limit` handles of the queue after `after`, each with the name, title and link of its latest message. */
export async function suggestionRows(
  db: DbOrTx,
  orgId: string,
  q: { sinceMs: number | null; after: SuggestionCursor | null; limit: number },
): Promise<SuggestionRow[]> {
  const { after: c } = q;
  const after = c
    ? sql`WHERE g.n < ${c.n} OR (g.n = ${c.n} AND (g.kind > ${c.kind} OR (g.kind = ${c.kind} AND g.value > ${c.value})))`
    : sql``;
  return db.all<SuggestionRow>(sql`${queue(orgId, q.sinceMs)}
    SELECT g.kind, g.value, g.n, g.threads, g.first_at, g.last_at, u.author_name, u.title, u.url
    FROM g JOIN u ON u.kind = g.kind AND u.value = g.value AND u.rn = 1
    ${after}
    ORDER BY g.n DESC, g.kind, g.value
    LIMIT ${sql.raw(String(q.limit))}`);
}

/** A handle's key in the queue, and the sources whose authors have handles of its kind. */
export interface QueueHandle {
  sources: Source[];
  value: string;
}

/**
 * The interactions without a stakeholder that assigning a handle takes: the handle's own, and the whole of every
 * thread whose only unknown counterpart is that handle (our replies in it too).
 */
function unassignedOfHandle(orgId: string, h: QueueHandle): SQL {
  const byHandle = sql`source IN (${inList(h.sources)}) AND lower(trim(author_handle)) = ${h.value}`;
  return sql`stakeholder_id IS NULL AND (${byHandle} OR thread_key IN (
        SELECT thread_key FROM interactions WHERE org_id = ${orgId} AND stakeholder_id IS NULL AND direction = 'inbound' AND ${byHandle}
        EXCEPT
        SELECT thread_key FROM interactions WHERE org_id = ${orgId} AND stakeholder_id IS NULL AND direction = 'inbound' AND automated = 0
          AND internal = 0 AND author_handle IS NOT NULL AND trim(author_handle) <> '' AND lower(trim(author_handle)) <> ${h.value}))`;
}

/** How many live (not deleted) interactions assigning the handle takes. */
export async function countUnassignedOfHandle(db: DbOrTx, orgId: string, h: QueueHandle): Promise<number> {
  const [{ n } = { n: 0 }] = await db.all<{ n: number }>(
    sql`SELECT count(*) AS n FROM interactions WHERE org_id = ${orgId} AND deleted = 0 AND ${unassignedOfHandle(orgId, h)}`,
  );
  return Number(n);
}

/** The threads assigning the handle touches, each with the instant of its first live event among the rows. */
export function threadsOfUnassignedHandle(db: DbOrTx, orgId: string, h: QueueHandle) {
  return threadsOfRows(db, orgId, unassignedOfHandle(orgId, h));
}

/** Assign the handle's unassigned interactions to the stakeholder, with its type. */
export function assignUnassignedOfHandle(
  db: DbOrTx,
  orgId: string,
  h: QueueHandle,
  stakeholder: { id: string; type: string },
  now: number,
): Promise<number> {
  return updateWithSeq(
    db,
    orgId,
    'interactions',
    sql`stakeholder_id = ${stakeholder.id}, stakeholder_type = ${stakeholder.type}`,
    unassignedOfHandle(orgId, h),
    now,
  );
}
