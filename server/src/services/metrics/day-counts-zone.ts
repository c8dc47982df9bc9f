import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { dayCountsZone, rebuildDayCounts, replaceZoneOffsets } from '../../db/queries/day-counts';
import type { ZoneOffset } from '../../db/queries/metrics';
import { currentPlan } from '../plans';
import { zoneOffsets } from './time-keys';

/*
 * The zone of the day counts (docs/metrics.md "Roll-ups"): the triggers on `interactions` find a row's local day
 * from the org's offsets, computed here from the plan's calendar zone. A new zone replaces the offsets and counts
 * the org's days again, in the plan's own transaction.
 */

/** The instants the stored offsets are exact for; the dashboard reads the day counts only inside them. */
export const DAY_COUNTS_SPAN = { fromMs: Date.UTC(2000, 0, 1), toMs: Date.UTC(2050, 0, 1) };

const offsetsByZone = new Map<string, ZoneOffset[]>();

/** The zone's offsets over the span, the first from the epoch on (rows before the span get the span's first). */
function spanOffsets(zone: string): ZoneOffset[] {
  let offsets = offsetsByZone.get(zone);
  if (!offsets) {
    offsets = zoneOffsets(DAY_COUNTS_SPAN.fromMs, DAY_COUNTS_SPAN.toMs, zone);
    offsets[0] = { startMs: 0, offsetMs: offsets[0]!.offsetMs };
    offsetsByZone.set(zone, offsets);
  }
  return offsets;
}

/** Puts the org's day counts in `zone` unless they are in it already. */
export async function setDayCountsZone(db: DbOrTx, orgId: string, zone: string): Promise<void> {
  if ((await dayCountsZone(db, orgId)) === zone) return;
  await replaceZoneOffsets(db, orgId, zone, spanOffsets(zone));
  await rebuildDayCounts(db, orgId);
}

/**
 * At start: every org's day counts in its plan's zone (after the migration that made them, they are by UTC day;
 * after a restore, they may be in an older zone).
 */
export async function syncDayCountsZones(db: DbOrTx): Promise<void> {
  const orgs = await db.all<{ id: string }>(sql`SELECT id FROM orgs`);
  for (const { id } of orgs) await setDayCountsZone(db, id, (await currentPlan(db, id)).plan.calendar.timeZone);
}
