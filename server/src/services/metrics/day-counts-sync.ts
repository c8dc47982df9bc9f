import type { DbOrTx } from '../../db/client';
import { dayCountsZone, orgIds } from '../../db/queries/day-counts';
import { currentPlan } from '../plans';
import { recountingLabel, setDayCountsZone } from './day-counts-zone';

/**
 * At start: every org's day counts in its plan's zone (after the migration that made them, they are by UTC day;
 * after a restore, they may be in an older zone), except those being counted again in it, which the server's sweep
 * finishes in chunks (./day-counts-recount.ts).
 */
export async function syncDayCountsZones(db: DbOrTx): Promise<void> {
  for (const id of await orgIds(db)) {
    const zone = (await currentPlan(db, id)).plan.calendar.timeZone;
    if ((await dayCountsZone(db, id)) !== recountingLabel(zone)) await setDayCountsZone(db, id, zone);
  }
}
