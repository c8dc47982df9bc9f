import { sql, type SQL } from 'drizzle-orm';
import {
  liveChannels,
  type Channel,
  type CoverageTone,
  type MetricsFilter,
  type StakeholderType,
  type SurveyInstrument,
  type ThreadStatus,
} from '@comms-log/shared';
import type { DbOrTx } from '../client';
import { inList, int } from '../sql-values';
import { filterWhere } from './metrics';
import { openedBetween, openedThreadsFrom } from './threads';

/*
 * The evaluation figures' SQL (docs/metrics.md "Goals"): the conversations opened in a period with their outcomes
 * and our replies, the survey responses answered in a period and the media reports published in one. The shared
 * formulas (shared/src/domain/evaluation/) fold what these return.
 */

/**
 * The latest purpose the interactions of `i`'s thread carry: the thread's purpose. `+p.occurred_at` keeps SQLite on
 * the thread's rows (`interactions_org_thread`): ordered by the bare column it walked the org's whole time index
 * for each thread (8 s instead of 40 ms for a quarter of 20,000 interactions). `+p.purpose` likewise: bare, it
 * made SQLite walk `interactions_purpose`, every row of the org with a purpose, for each thread.
 */
const threadPurpose = sql`(SELECT p.purpose FROM interactions p WHERE p.org_id = i.org_id AND p.thread_key = i.thread_key
  AND p.deleted = 0 AND +p.purpose IS NOT NULL ORDER BY +p.occurred_at DESC, p.id DESC LIMIT 1)`;

/**
 * `i` (from `openedThreadsFrom`) is the first interaction (by time, then id) of a thread opened in the filter's
 * period, and the filter keeps it: the filter reads that first interaction, except `purpose` (the thread's) and
 * `userId` (a thread is the user's when they logged any of its messages, as `threads.get` lets them see it).
 */
function openedThreadWhere(
  orgId: string,
  filter: MetricsFilter,
  cursor: { at: number; id: string } | null = null,
): SQL {
  const { purpose, userId, ...rest } = filter;
  const parts = [
    filterWhere(orgId, rest),
    openedBetween(orgId, Date.parse(filter.from), Date.parse(filter.to), cursor),
  ];
  if (userId?.length)
    parts.push(sql`EXISTS (SELECT 1 FROM interactions m WHERE m.org_id = i.org_id AND m.thread_key = i.thread_key
      AND m.deleted = 0 AND m.user_id IN (${inList(userId)}))`);
  if (purpose !== undefined)
    parts.push(purpose === null ? sql`${threadPurpose} IS NULL` : sql`${threadPurpose} = ${purpose}`);
  return sql.join(parts, sql` AND `);
}

/** The thread's resolve and reopen events as a JSON array of `[event, at]`, in the order they took effect. */
const outcomesJson = sql`(SELECT json_group_array(json_array(o.event, o.at) ORDER BY o.at, o.seq) FROM thread_outcomes o
  WHERE o.org_id = i.org_id AND o.thread_key = i.thread_key)`;

/**
 * When we replied in the thread, a JSON array of instants: our outbound messages and the live events (either
 * direction), as a reply is in pairing (docs/metrics.md "Pairing"); automated and internal ones are no reply.
 */
const repliesJson = sql`(SELECT json_group_array(r.occurred_at) FROM interactions r
  WHERE r.org_id = i.org_id AND r.thread_key = i.thread_key AND r.deleted = 0 AND r.automated = 0 AND r.internal = 0
    AND (r.direction = 'outbound' OR r.channel IN (${inList(liveChannels)})))`;

/** A thread as the resolution figures read it: its first interaction, outcomes and replies (JSON). */
export interface ResolutionThreadRow {
  id: string;
  opened_at: number;
  /** JSON `[["resolved" | "reopened", at], …]`. */
  outcomes: string;
  /** JSON `[at, …]`. */
  replies: string;
}

/**
 * A thread marked resolved at least once. First-contact resolution and resolution time count only threads resolved
 * by the period's end, so they need no other: the threads (few) are listed once and each opened thread is
 * looked up in them, instead of reading the outcomes and replies of every thread (docs/metrics.md "Goals"). On
 * `t` (the thread's first-row entry), not `i`: so the look-up comes before the interaction's row is read (1M
 * interactions, 11,952 partner threads opened in 90 days, none resolved: 36–42 ms instead of 128–155 ms). Listed by
 * their first message's id, which `thread_firsts_org_first` holds beside the time, not by thread key, which it does
 * not: a thread of the period not resolved costs no read of its `thread_firsts` row (51,100 threads opened: 48 ms
 * to 5 ms), each resolved thread of the org one seek more.
 */
const everResolved = (orgId: string) =>
  sql`t.first_id IN (SELECT f.first_id FROM thread_outcomes o
    JOIN thread_firsts f ON f.org_id = o.org_id AND f.thread_key = o.thread_key
    WHERE o.org_id = ${orgId} AND o.event = 'resolved')`;

/**
 * Every thread opened in the filter's period that the filter keeps, with its outcomes and replies; with
 * `resolvedOnly`, only those marked resolved at some time (a superset of those resolved by any instant).
 */
export function resolutionThreadRows(
  db: DbOrTx,
  orgId: string,
  filter: MetricsFilter,
  opts: { resolvedOnly?: boolean } = {},
): Promise<ResolutionThreadRow[]> {
  return db.all<ResolutionThreadRow>(resolutionThreadsSql(orgId, filter, opts));
}

/** The statement of {@link resolutionThreadRows}. */
export function resolutionThreadsSql(orgId: string, filter: MetricsFilter, opts: { resolvedOnly?: boolean }): SQL {
  const where = openedThreadWhere(orgId, filter);
  return sql`
    SELECT i.id, i.occurred_at AS opened_at, ${outcomesJson} AS outcomes, ${repliesJson} AS replies
    FROM ${openedThreadsFrom} WHERE ${opts.resolvedOnly ? sql`${where} AND ${everResolved(orgId)}` : where}`;
}

/** What `metrics.threads` lists: the filter's threads, in the given states as of `asOfMs` (all when none given). */
export interface ThreadScope {
  orgId: string;
  filter: MetricsFilter;
  states?: readonly ThreadStatus[] | undefined;
  asOfMs: number;
}

/**
 * The thread's state as of `asOfMs` in SQL: the last event at or before it (of two at one instant, the one recorded
 * later), null for none (open), as the shared `threadResolutionAt` decides it over `outcomesJson`.
 */
const lastOutcomeAt = (asOfMs: number) => sql`(SELECT o.event FROM thread_outcomes o
  WHERE o.org_id = i.org_id AND o.thread_key = i.thread_key AND o.at <= ${int(asOfMs)} ORDER BY o.at DESC, o.seq DESC LIMIT 1)`;

function threadScopeWhere(s: ThreadScope, cursor: { at: number; id: string } | null = null): SQL {
  const where = openedThreadWhere(s.orgId, s.filter, cursor);
  if (!s.states?.length) return where;
  const last = lastOutcomeAt(s.asOfMs);
  const states = s.states.map((state) => (state === 'open' ? sql`${last} IS NULL` : sql`${last} = ${state}`));
  return sql`${where} AND (${sql.join(states, sql` OR `)})`;
}

/** A thread as `metrics.threads` lists it: its first interaction with names, its purpose, outcomes and replies. */
export interface ThreadRow extends ResolutionThreadRow {
  thread_key: string;
  purpose: string | null;
  channel: Channel;
  stakeholder_id: string | null;
  stakeholder_name: string | null;
  stakeholder_type: StakeholderType;
  user_id: string;
  user_name: string | null;
  title: string | null;
  url: string | null;
}

/** How many threads `metrics.threads` lists (all pages). */
export async function countThreads(db: DbOrTx, scope: ThreadScope): Promise<number> {
  const [{ n } = { n: 0 }] = await db.all<{ n: number }>(
    sql`SELECT count(*) AS n FROM ${openedThreadsFrom} WHERE ${threadScopeWhere(scope)}`,
  );
  return Number(n);
}

/** Up to `limit` threads, newest opened first, after the keyset `cursor` (`(opened_at, id)` of the last row). */
export function threadPage(
  db: DbOrTx,
  scope: ThreadScope,
  cursor: { at: number; id: string } | null,
  limit: number,
): Promise<ThreadRow[]> {
  return db.all<ThreadRow>(sql`
    SELECT i.id, i.occurred_at AS opened_at, ${outcomesJson} AS outcomes, ${repliesJson} AS replies, i.thread_key,
      ${threadPurpose} AS purpose, i.channel, i.stakeholder_id, s.name AS stakeholder_name, i.stakeholder_type,
      i.user_id, u.name AS user_name, i.title, i.url
    FROM ${openedThreadsFrom}
    LEFT JOIN stakeholders s ON s.id = i.stakeholder_id AND s.org_id = i.org_id
    LEFT JOIN users u ON u.id = i.user_id AND u.org_id = i.org_id
    WHERE ${threadScopeWhere(scope, cursor)} ORDER BY t.first_at DESC, t.first_id DESC LIMIT ${int(limit)}`);
}

/**
 * Which evaluation records a figure is over: those dated in `[fromMs, toMs)`, recorded by `userId` (staff: their
 * own), of these stakeholders, of stakeholders of these tiers.
 */
export interface RecordScope {
  orgId: string;
  fromMs: number;
  toMs: number;
  userId?: readonly string[] | undefined;
  stakeholderId?: readonly string[] | undefined;
  tier?: readonly string[] | undefined;
}

/** The WHERE of a record scope over the table `alias` (not deleted), whose date and stakeholder columns are named. */
function recordScopeParts(alias: string, dateColumn: string, stakeholderColumn: string, s: RecordScope): SQL[] {
  const col = (name: string) => sql.raw(`${alias}.${name}`);
  const parts = [
    sql`${col('org_id')} = ${s.orgId}`,
    sql`${col('deleted')} = 0`,
    sql`${col(dateColumn)} >= ${int(s.fromMs)}`,
    sql`${col(dateColumn)} < ${int(s.toMs)}`,
  ];
  if (s.userId?.length) parts.push(sql`${col('user_id')} IN (${inList(s.userId)})`);
  if (s.stakeholderId?.length) parts.push(sql`${col(stakeholderColumn)} IN (${inList(s.stakeholderId)})`);
  if (s.tier?.length)
    parts.push(
      sql`${col(stakeholderColumn)} IN (SELECT t.id FROM stakeholders t WHERE t.org_id = ${s.orgId} AND t.tier IN (${inList(s.tier)}))`,
    );
  return parts;
}

/** A survey response as the survey figures read it. */
export interface SurveyScoreRow {
  instrument: SurveyInstrument;
  score: number;
  scale: number | null;
  stakeholder_type: StakeholderType;
  dimension: string | null;
}

/** Survey responses answered in the scope's period, of these stakeholder types and this dimension (null: any). */
export function surveyScoreRows(
  db: DbOrTx,
  scope: RecordScope & { stakeholderType?: readonly StakeholderType[] | undefined; dimension: string | null },
): Promise<SurveyScoreRow[]> {
  const parts = recordScopeParts('r', 'answered_at', 'stakeholder_id', scope);
  if (scope.stakeholderType?.length) parts.push(sql`r.stakeholder_type IN (${inList(scope.stakeholderType)})`);
  if (scope.dimension !== null) parts.push(sql`r.dimension = ${scope.dimension}`);
  return db.all<SurveyScoreRow>(sql`
    SELECT r.instrument, r.score, r.scale, r.stakeholder_type, r.dimension FROM survey_responses r
    WHERE ${sql.join(parts, sql` AND `)}`);
}

/** A media report as the coverage figures read it. */
export interface CoverageItemRow {
  outlet_stakeholder_id: string;
  tone: CoverageTone | null;
  reach: number | null;
  event_tag: string | null;
  published_at: number;
  clarified_at: number | null;
}

/** Media reports published in the scope's period (the scope's stakeholders are the outlets). */
export function coverageItemRows(db: DbOrTx, scope: RecordScope): Promise<CoverageItemRow[]> {
  const parts = recordScopeParts('c', 'published_at', 'outlet_stakeholder_id', scope);
  return db.all<CoverageItemRow>(sql`
    SELECT c.outlet_stakeholder_id, c.tone, c.reach, c.event_tag, c.published_at, c.clarified_at FROM media_coverage c
    WHERE ${sql.join(parts, sql` AND `)}`);
}
