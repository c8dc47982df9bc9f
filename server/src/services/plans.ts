import { TRPCError } from '@trpc/server';
import { and, count, desc, eq, inArray } from 'drizzle-orm';
import { defaultPlan, planSchema, type Plan } from '@comms-log/shared';
import type { DbOrTx } from '../db/client';
import { interactions, plans } from '../db/schema';
import { toIso } from '../iso';
import { recomputeOrg } from './derive';
import { nowOf, type ServiceCtx } from './service-ctx';

export interface StoredPlanRow {
  version: number;
  createdAt: number;
  plan: Plan;
}

/** The org's default plan: the shared default, on the org's time zone. */
export function seedPlan(timeZone: string): Plan {
  return { ...defaultPlan, calendar: { ...defaultPlan.calendar, timeZone } };
}

/** The org's current plan (highest version). Every org gets one at creation. */
export async function currentPlan(db: DbOrTx, orgId: string): Promise<StoredPlanRow> {
  const [row] = await db
    .select({ version: plans.version, createdAt: plans.createdAt, plan: plans.plan })
    .from(plans)
    .where(eq(plans.orgId, orgId))
    .orderBy(desc(plans.version))
    .limit(1);
  if (!row) throw new Error(`org ${orgId} has no plan`);
  // Stored plans were validated on the way in; parse again so defaults added to the schema later apply.
  return { version: row.version, createdAt: row.createdAt, plan: planSchema.parse(row.plan) };
}

/** Store `plan` as the org's next version. */
export async function savePlan(
  db: DbOrTx,
  orgId: string,
  plan: Plan,
  userId: string | null,
  now = Date.now(),
): Promise<StoredPlanRow> {
  const [latest] = await db
    .select({ version: plans.version })
    .from(plans)
    .where(eq(plans.orgId, orgId))
    .orderBy(desc(plans.version))
    .limit(1);
  const version = (latest?.version ?? 0) + 1;
  await db.insert(plans).values({ orgId, version, plan, createdAt: now, createdBy: userId });
  return { version, createdAt: now, plan };
}

/** A stored plan as the API gives it (`storedPlanSchema`). */
const toStored = (p: StoredPlanRow) => ({ version: p.version, updatedAt: toIso(p.createdAt), plan: p.plan });

export async function getPlan(ctx: ServiceCtx) {
  return toStored(await currentPlan(ctx.db, ctx.user.orgId));
}

/**
 * Store a new version of the plan. Stored response figures are NOT recomputed (docs/metrics.md "Working time":
 * never silently); see `previewRecompute` and `recomputeUnderPlan`.
 */
export async function updatePlan(ctx: ServiceCtx, input: Plan) {
  const now = nowOf(ctx);
  const orgId = ctx.user.orgId;
  return toStored(
    await ctx.db.transaction(async (tx) => {
      await keepUsedPurposes(tx, orgId, (await currentPlan(tx, orgId)).plan, input);
      return savePlan(tx, orgId, input, ctx.user.id, now);
    }),
  );
}

/**
 * A purpose that stored interactions carry stays in the plan (retired, not removed), so that history keeps its
 * label: BAD_REQUEST naming the purposes `next` drops that are in use.
 */
async function keepUsedPurposes(db: DbOrTx, orgId: string, current: Plan, next: Plan): Promise<void> {
  const kept = new Set(next.purposes.map((p) => p.id));
  const dropped = current.purposes.map((p) => p.id).filter((id) => !kept.has(id));
  if (!dropped.length) return;
  const used = await db
    .select({ purpose: interactions.purpose, n: count() })
    .from(interactions)
    .where(and(eq(interactions.orgId, orgId), inArray(interactions.purpose, dropped)))
    .groupBy(interactions.purpose);
  if (!used.length) return;
  const list = used.map((u) => `${u.purpose} (${u.n} interactions)`).join(', ');
  throw new TRPCError({
    code: 'BAD_REQUEST',
    message: `purposes: interactions carry ${list}: a purpose in use cannot be removed; retire it instead (retired: true).`,
  });
}

/** How many interactions' response figures the current plan would change. */
export async function previewRecompute(ctx: ServiceCtx) {
  const { plan, version } = await currentPlan(ctx.db, ctx.user.orgId);
  const { changed, total } = await recomputeOrg(ctx.db, ctx.user.orgId, plan, { dryRun: true });
  return { version, changed, total };
}

/** Recompute every stored response figure of the org under the current plan. */
export function recomputeUnderPlan(ctx: ServiceCtx) {
  const now = nowOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const { plan, version } = await currentPlan(tx, ctx.user.orgId);
    const { changed, total } = await recomputeOrg(tx, ctx.user.orgId, plan, { dryRun: false }, now);
    return { version, changed, total };
  });
}
