import type { Db, DbOrTx } from '../db/client';
import { cliCtx, record } from '../services/audit/record';
import { recomputeOrg } from '../services/derive';
import { currentPlan } from '../services/plans';

/** A progress line at each tenth of the org's interactions. */
const STEP_SHARE = 10;

/**
 * `org:update --recompute`: the org's response figures recomputed under the current plan the way the server's
 * `plan.recompute` does (docs/sync.md "Under load"): threads in chunks of about 300 interactions, each committed on
 * its own and read under the plan current in its transaction, pausing after each as long as it ran, so that a
 * running server's pushes take SQLite's write lock between chunks instead of waiting for the whole org. Prints a
 * line at each tenth done.
 */
export async function recomputeInChunks(db: Db, orgId: string): Promise<{ changed: number; total: number }> {
  let version = (await currentPlan(db, orgId)).version;
  const planOf = async (tx: DbOrTx) => {
    const current = await currentPlan(tx, orgId);
    version = current.version;
    return current.plan;
  };
  let shown = -1;
  const progress = (done: number, all: number) => {
    const step = all === 0 ? STEP_SHARE : Math.floor((done / all) * STEP_SHARE);
    if (step === shown) return;
    shown = step;
    console.log(
      `  ${done.toLocaleString('en')} of ${all.toLocaleString('en')} interactions recomputed (${step * 10}%)`,
    );
  };
  const result = await recomputeOrg(db, orgId, planOf, { dryRun: false, shareEventLoop: true, progress });
  await record(cliCtx(db, orgId), { action: 'plan.recompute', target: String(version), detail: { ...result } });
  return result;
}
