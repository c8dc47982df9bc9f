import { sql, type SQL } from 'drizzle-orm';
import { liveChannels, type Channel, type StakeholderType } from '@comms-log/shared';
import type { DbOrTx } from '../db/client';
import { inList, int } from '../db/sql-values';

/*
 * What cadence (docs/metrics.md "Cadence") reads from the database, the same for the follow-ups list and the dashboard's
 * coverage and cadence list: the stakeholders with the fields their rules need, and each one's last contact of ours
 * per channel.
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

/** The stakeholders `s` that `where` selects (the caller scopes it to the org), with what cadence needs. */
export async function selectCadenceStakeholders(db: DbOrTx, where: SQL): Promise<CadenceStakeholderRow[]> {
  const rows = await db.all<{
    id: string;
    name: string;
    type: StakeholderType;
    tier: string;
    owner_user_id: string | null;
    cadence_ideal_days: number | null;
    cadence_max_days: number | null;
    created_at: number;
  }>(
    sql`SELECT s.id, s.name, s.type, s.tier, s.owner_user_id, s.cadence_ideal_days, s.cadence_max_days, s.created_at FROM stakeholders s WHERE ${where}`,
  );
  return rows.map((p) => ({
    id: p.id,
    name: p.name,
    type: p.type,
    tier: p.tier,
    ownerUserId: p.owner_user_id,
    cadenceOverride:
      p.cadence_ideal_days !== null && p.cadence_max_days !== null
        ? { idealDays: p.cadence_ideal_days, maxDays: p.cadence_max_days }
        : null,
    createdAtMs: p.created_at,
  }));
}

/**
 * Each stakeholder's last contact of ours per channel up to `atMs`, condensed in SQL to one row each, since cadence
 * reads nothing else: an outbound message, a live event, or an inbound wait answered by then (an unanswered inbound
 * is not our contact). Deleted, automated and internal rows never count. `stakeholderIds` is what goes inside
 * `IN (…)`: a list of ids or a subquery.
 */
export async function lastContactsOfOurs(
  db: DbOrTx,
  orgId: string,
  stakeholderIds: SQL,
  atMs: number,
): Promise<{ stakeholderId: string; channel: Channel; atMs: number }[]> {
  const rows = await db.all<{ stakeholder_id: string; channel: Channel; at: number }>(sql`
    SELECT i.stakeholder_id, i.channel, max(i.occurred_at) AS at
    FROM interactions i
    WHERE i.org_id = ${orgId} AND i.stakeholder_id IN (${stakeholderIds})
      AND i.deleted = 0 AND i.automated = 0 AND i.internal = 0 AND i.occurred_at <= ${int(atMs)}
      AND (i.direction = 'outbound' OR i.channel IN (${inList(liveChannels)}) OR (i.wait_start = 1 AND i.replied_at <= ${int(atMs)}))
    GROUP BY i.stakeholder_id, i.channel`);
  return rows.map((r) => ({ stakeholderId: r.stakeholder_id, channel: r.channel, atMs: r.at }));
}
