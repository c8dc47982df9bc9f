import { sql, type SQL } from 'drizzle-orm';
import { liveChannels, type Channel, type StakeholderType, type cadenceListInputSchema } from '@comms-log/shared';
import type { z } from 'zod';
import type { DbOrTx } from '../client';
import { inList, int } from '../sql-values';
import { stakeholdersTouchedSql } from './followups';

/*
 * What cadence (docs/metrics.md "Cadence") reads from the database, the same for the follow-ups list and the
 * dashboard's coverage and cadence list: the stakeholders with the fields their rules need, and each one's last
 * contact of ours per channel.
 */

export interface CadenceStakeholderRow {
  id: string;
  name: string;
  type: StakeholderType;
  tier: string;
  ownerUserId: string | null;
  cadenceOverride: { idealDays: number; maxDays: number } | null;
  createdAtMs: number;
}

/** A stakeholder's last contact of ours in one channel. */
export interface LastContact {
  stakeholderId: string;
  channel: Channel;
  atMs: number;
}

export interface CadenceInputs {
  people: CadenceStakeholderRow[];
  contacts: LastContact[];
}

/**
 * `SELECT json_group_array(json_array(<columns>)) <from>`: the rows as arrays, read as one JSON text, since libSQL
 * turning thousands of rows into objects (and the garbage it leaves) costs more than SQLite writing JSON and
 * JSON.parse reading it (`selectArrays` in db/client.ts, for queries built with drizzle's `sql`).
 */
async function packedRows<Row extends unknown[]>(db: DbOrTx, columns: SQL, from: SQL): Promise<Row[]> {
  const got = await db.get<{ rows: string | null }>(
    sql`SELECT json_group_array(json_array(${columns})) AS rows ${from}`,
  );
  return typeof got?.rows === 'string' ? (JSON.parse(got.rows) as Row[]) : [];
}

/** The stakeholders `s` that `where` selects (the caller scopes it to the org), with what cadence needs. */
async function selectCadenceStakeholders(db: DbOrTx, where: SQL): Promise<CadenceStakeholderRow[]> {
  const rows = await packedRows<
    [string, string, StakeholderType, string, string | null, number | null, number | null, number]
  >(
    db,
    sql`s.id, s.name, s.type, s.tier, s.owner_user_id, s.cadence_ideal_days, s.cadence_max_days, s.created_at`,
    sql`FROM stakeholders s WHERE ${where}`,
  );
  return rows.map(([id, name, type, tier, ownerUserId, idealDays, maxDays, createdAtMs]) => ({
    id,
    name,
    type,
    tier,
    ownerUserId,
    cadenceOverride: idealDays !== null && maxDays !== null ? { idealDays, maxDays } : null,
    createdAtMs,
  }));
}

/**
 * The last contact of ours of stakeholder `s` in channel `c` up to `atMs`, from the interactions: an outbound
 * message, a live event, or an inbound wait answered by then (an unanswered inbound is not our contact); deleted,
 * automated and internal rows never count. One backward seek in `interactions_stakeholder_channel` that stops at
 * the latest row of ours.
 */
const seekLastContact = (orgId: string, s: SQL, c: SQL, atMs: number) => sql`(SELECT i.occurred_at FROM interactions i
  WHERE i.org_id = ${orgId} AND i.stakeholder_id = ${s} AND i.channel = ${c}
    AND i.deleted = 0 AND i.automated = 0 AND i.internal = 0 AND i.occurred_at <= ${int(atMs)}
    AND (i.direction = 'outbound' OR i.channel IN (${inList(liveChannels)}) OR (i.wait_start = 1 AND i.replied_at <= ${int(atMs)}))
  ORDER BY i.occurred_at DESC LIMIT 1)`;

/**
 * Each stakeholder's last contact of ours per channel up to `atMs`, one row for each pair with one, since cadence
 * reads nothing else. `stakeholderIds` is what goes inside `IN (…)`: a list of ids or a subquery. Read from
 * `last_contacts` (kept by triggers: only the pairs with a contact ever, 6,332 of 14,000 in bench:team's org), whose
 * `at` is the answer once `atMs` is past the instant it counts from; for a pair where it is not (an instant in the
 * past, or a reply written later than `atMs`), the seek in the interactions answers, as it did for every pair before.
 */
async function lastContactsOfOurs(
  db: DbOrTx,
  orgId: string,
  stakeholderIds: SQL,
  atMs: number,
): Promise<LastContact[]> {
  const rows = await packedRows<[string, Channel, number]>(
    db,
    sql`c.stakeholder_id, c.channel, c.at`,
    sql`FROM (SELECT lc.stakeholder_id, lc.channel, CASE WHEN lc.counts_from <= ${int(atMs)} THEN lc.at
        ELSE ${seekLastContact(orgId, sql`lc.stakeholder_id`, sql`lc.channel`, atMs)} END AS at
      FROM last_contacts lc WHERE lc.org_id = ${orgId} AND lc.stakeholder_id IN (${stakeholderIds})) c
    WHERE c.at IS NOT NULL`,
  );
  return rows.map(([stakeholderId, channel, at]) => ({ stakeholderId, channel, atMs: at }));
}

/** Which stakeholders a cadence figure covers (the cadence list's filters). */
export type CadenceScope = Pick<
  z.output<typeof cadenceListInputSchema>,
  'stakeholderType' | 'tier' | 'stakeholderId' | 'ownerUserId'
>;

/**
 * The cadence inputs of the active stakeholders in `scope` (`ownedBy`: only that user's), as of `atMs`: the people
 * first, then (when there are any) their contacts, selected by the same WHERE as a subquery.
 */
export async function cadenceInputsOfScope(
  db: DbOrTx,
  orgId: string,
  scope: CadenceScope & { ownedBy: string | null },
  atMs: number,
): Promise<CadenceInputs> {
  const parts: SQL[] = [sql`s.org_id = ${orgId}`, sql`s.active = 1`];
  if (scope.ownedBy !== null) parts.push(sql`s.owner_user_id = ${scope.ownedBy}`);
  if (scope.stakeholderType?.length) parts.push(sql`s.type IN (${inList(scope.stakeholderType)})`);
  if (scope.tier?.length) parts.push(sql`s.tier IN (${inList(scope.tier)})`);
  if (scope.stakeholderId?.length) parts.push(sql`s.id IN (${inList(scope.stakeholderId)})`);
  if (scope.ownerUserId?.length) {
    const owners = scope.ownerUserId.filter((o): o is string => o !== null);
    const either: SQL[] = [];
    if (owners.length) either.push(sql`s.owner_user_id IN (${inList(owners)})`);
    if (owners.length < scope.ownerUserId.length) either.push(sql`s.owner_user_id IS NULL`);
    parts.push(sql`(${sql.join(either, sql` OR `)})`);
  }
  const where = sql.join(parts, sql` AND `);
  const people = await selectCadenceStakeholders(db, where);
  if (people.length === 0) return { people, contacts: [] };
  const contacts = await lastContactsOfOurs(db, orgId, sql`SELECT s.id FROM stakeholders s WHERE ${where}`, atMs);
  return { people, contacts };
}

/**
 * The cadence inputs of a follow-ups list as of `atMs`: every active stakeholder for the team's list (`forUserId`
 * null), else the owner's and the unowned ones they dealt with; then their contacts, by id.
 */
export async function cadenceInputsOfListOwner(
  db: DbOrTx,
  orgId: string,
  forUserId: string | null,
  atMs: number,
): Promise<CadenceInputs> {
  const people = await selectCadenceStakeholders(
    db,
    sql`s.org_id = ${orgId} AND s.active = 1
      ${forUserId === null ? sql`` : sql`AND (s.owner_user_id = ${forUserId} OR (s.owner_user_id IS NULL AND s.id IN (${stakeholdersTouchedSql(orgId, forUserId)})))`}`,
  );
  if (people.length === 0) return { people, contacts: [] };
  const contacts = await lastContactsOfOurs(db, orgId, inList(people.map((p) => p.id)), atMs);
  return { people, contacts };
}

/**
 * Each stakeholder's last message from them and last of ours up to `atMs` (automated and internal ones aside). Each
 * is one backward walk of `interactions_org_stakeholder` that stops at the first row of that direction, instead of
 * grouping the stakeholders' whole histories (1.7–2.4 s for a page of 50 at 1,000,000 interactions; docs/metrics.md
 * "Cadence").
 */
export async function lastInboundOutbound(
  db: DbOrTx,
  orgId: string,
  stakeholderIds: readonly string[],
  atMs: number,
): Promise<Map<string, { lastIn: number | null; lastOut: number | null }>> {
  const latest = (direction: 'inbound' | 'outbound') => sql`(SELECT i.occurred_at FROM interactions i
      WHERE i.org_id = ${orgId} AND i.stakeholder_id = s.value AND i.direction = ${direction}
        AND i.deleted = 0 AND i.automated = 0 AND i.internal = 0 AND i.occurred_at <= ${int(atMs)}
      ORDER BY i.occurred_at DESC LIMIT 1)`;
  const rows = await db.all<{ stakeholder_id: string; last_in: number | null; last_out: number | null }>(sql`
      SELECT s.value AS stakeholder_id, ${latest('inbound')} AS last_in, ${latest('outbound')} AS last_out
      FROM json_each(${JSON.stringify(stakeholderIds)}) s`);
  const out = new Map<string, { lastIn: number | null; lastOut: number | null }>();
  for (const r of rows)
    if (r.last_in !== null || r.last_out !== null)
      out.set(r.stakeholder_id, { lastIn: r.last_in, lastOut: r.last_out });
  return out;
}
