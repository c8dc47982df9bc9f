import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import {
  dayCountsZone,
  occurredBounds,
  occurredRowsOn,
  recountDayRange,
  relabelZoneOffsets,
} from '../../db/queries/day-counts';
import { recountingLabel } from './day-counts-zone';

/*
 * The day counts of an org whose plan moved to another zone, counted again after the plan's transaction
 * (docs/metrics.md "Roll-ups"): local days in chunks of about RECOUNT_ROWS interactions, each counted again in a
 * transaction of its own, pausing after each as long as it ran, so that pushes and reads are served between them.
 * Until the last chunk the org's offsets say "recounting", so every read counts the raw rows; then they say the zone.
 */

const DAY_MS = 86_400_000;
const RECOUNT_ROWS = 5_000;
const PAUSE_MAX_MS = 50;

/** How often the server looks for orgs whose day counts wait to be counted again. */
const SWEEP_MS = 2_000;

/**
 * Count the org's days again in `zone`, chunk by chunk; stops (false) when its offsets no longer say "recounting
 * in `zone`" (another zone was saved meanwhile: its own recount follows). A chunk is the whole days from its first
 * up to about `chunkRows` interactions further (found along the (org, time) index); `afterChunk` runs between chunks.
 */
export async function recountDayCounts(
  db: Db,
  orgId: string,
  zone: string,
  opts: { chunkRows?: number; afterChunk?: () => Promise<void> } = {},
): Promise<boolean> {
  const label = recountingLabel(zone);
  const bounds = await occurredBounds(db, orgId);
  // A local day is within a day of the UTC one.
  const first = Math.floor((bounds.first ?? 0) / DAY_MS) - 1;
  const last = Math.floor((bounds.last ?? 0) / DAY_MS) + 1;
  for (let from = first; from <= last; ) {
    const started = performance.now();
    const next = await occurredRowsOn(db, orgId, from * DAY_MS, opts.chunkRows ?? RECOUNT_ROWS);
    const days = { fromDay: from, toDay: next === null ? last + 1 : Math.max(from + 1, Math.floor(next / DAY_MS)) };
    const stillOurs = await db.transaction(async (tx) => {
      if ((await dayCountsZone(tx, orgId)) !== label) return false;
      await recountDayRange(tx, orgId, days, { below: from === first, above: days.toDay > last });
      return true;
    });
    if (!stillOurs) return false;
    from = days.toDay;
    await new Promise((r) => setTimeout(r, Math.min(PAUSE_MAX_MS, performance.now() - started)));
    await opts.afterChunk?.();
  }
  return db.transaction((tx) => relabelZoneOffsets(tx, orgId, label, zone));
}

/** The orgs whose day counts wait to be counted again, and the zone of each. */
async function recountsDue(db: Db): Promise<{ orgId: string; zone: string }[]> {
  const rows = await db.all<{ org_id: string; z: string }>(
    sql`SELECT DISTINCT org_id, time_zone AS z FROM org_zone_offsets WHERE time_zone LIKE '% (recounting)'`,
  );
  return rows.map((r) => ({ orgId: r.org_id, zone: r.z.slice(0, -' (recounting)'.length) }));
}

/** Every SWEEP_MS, count again the day counts of the orgs that wait for it, one after another; returns stop. */
export function startDayCountRecounts(db: Db, logError = (m: string, e: unknown) => console.error(m, e)): () => void {
  let running = false;
  const sweep = async () => {
    if (running) return;
    running = true;
    try {
      for (const { orgId, zone } of await recountsDue(db)) await recountDayCounts(db, orgId, zone);
    } catch (e) {
      logError('counting the day counts again failed; the next sweep tries again', e);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void sweep(), SWEEP_MS);
  timer.unref();
  return () => clearInterval(timer);
}
