import { and, desc, eq } from 'drizzle-orm';
import { defaultPlan, planSchema, type Plan } from '@comms-log/shared';
import type { DbOrTx } from '../db/client';
import { plans } from '../db/schema';

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

export async function planVersion(db: DbOrTx, orgId: string, version: number): Promise<Plan | null> {
  const [row] = await db
    .select({ plan: plans.plan })
    .from(plans)
    .where(and(eq(plans.orgId, orgId), eq(plans.version, version)));
  return row ? planSchema.parse(row.plan) : null;
}
