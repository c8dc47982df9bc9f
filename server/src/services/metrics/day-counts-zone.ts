import type { DbOrTx } from '../../db/client';
import { dayCountsZone, occurredRowsOn, rebuildDayCounts, replaceZoneOffsets } from '../../db/queries/day-counts';
import type { ZoneOffset } from '../../db/queries/metrics';
import { zoneOffsets } from './time-keys';

/*
 * The zone of the day counts (docs/metrics.md "Roll-ups"): the triggers on `interactions` find a row's local day
 * from the org's offsets, computed here from the plan's calendar zone. A new zone replaces the offsets; a small org's
 * days are counted again in the plan's own transaction, a larger one's afterwards in chunks (./day-counts-recount.ts),
 * its offsets labelled as recounting meanwhile so that every read counts the raw rows.
 */

/** Up to this many interactions an org's days are counted again in the plan's transaction (~50 ms). */
const IN_PLACE_ROWS = 5_000;

/** The label of offsets whose day counts are still to be counted again in `zone`. */
export const recountingLabel = (zone: string): string => `${zone} (recounting)`;

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

/** Puts the org's day counts in `zone` unless they are in it already, counting them all again at once. */
export async function setDayCountsZone(db: DbOrTx, orgId: string, zone: string): Promise<void> {
  if ((await dayCountsZone(db, orgId)) === zone) return;
  await replaceZoneOffsets(db, orgId, zone, spanOffsets(zone));
  await rebuildDayCounts(db, orgId);
}

/**
 * A plan saved in `zone` (in its transaction): the org's day counts follow it at once when it holds at most
 * IN_PLACE_ROWS interactions; else its offsets are replaced, labelled as recounting, and the counts are counted again
 * after the transaction, in chunks (`recountDayCounts`). Until then reads count the raw rows (the counts are not in
 * the plan's zone).
 */
export async function moveDayCountsZone(db: DbOrTx, orgId: string, zone: string): Promise<void> {
  if ((await dayCountsZone(db, orgId)) === zone) return;
  if ((await occurredRowsOn(db, orgId, 0, IN_PLACE_ROWS)) === null) return setDayCountsZone(db, orgId, zone);
  await replaceZoneOffsets(db, orgId, recountingLabel(zone), spanOffsets(zone));
}
