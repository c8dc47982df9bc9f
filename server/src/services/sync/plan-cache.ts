import type { Plan } from '@comms-log/shared';
import type { DbOrTx } from '../../db/client';
import { latestPlanVersion } from '../../db/queries/sync';
import { currentPlan } from '../plans';

/** Parsed plans by database, org and version: a stored version never changes, and parsing one costs more than the query. */
const parsedPlans = new WeakMap<object, Map<string, { version: number; plan: Plan }>>();

/** The org's current plan, read in `tx`; `db` (the database the transaction is on) keys the cache. */
export async function cachedOrgPlan(db: DbOrTx, tx: DbOrTx, orgId: string): Promise<Plan> {
  const version = await latestPlanVersion(tx, orgId);
  let byOrg = parsedPlans.get(db);
  const known = byOrg?.get(orgId);
  if (known && known.version === version) return known.plan;
  const current = await currentPlan(tx, orgId);
  if (!byOrg) {
    byOrg = new Map();
    parsedPlans.set(db, byOrg);
  }
  byOrg.set(orgId, { version: current.version, plan: current.plan });
  return current.plan;
}
