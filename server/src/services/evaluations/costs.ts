import { and, asc, eq, gte, lte } from 'drizzle-orm';
import type { CostEntry, CostEntryInput, CostListResult, Revenue, RevenueInput } from '@comms-log/shared';
import { costEntries, revenues, type CostEntryRow, type RevenueRow } from '../../db/tables/plan-execution';
import { TRPCError } from '@trpc/server';
import { toIso } from '../../iso';
import { nowOf, type ServiceCtx } from '../service-ctx';

/*
 * External-communication cost and the org's revenue (docs/metrics.md "Goals", cost share). The router lets
 * managers and admins only: no procedure staff can call reads these tables.
 */

const toCostEntry = (r: CostEntryRow): CostEntry => ({
  id: r.id,
  month: r.month,
  category: r.category,
  amount: r.amount,
  currency: r.currency,
  recordedBy: r.recordedBy,
  createdAt: toIso(r.createdAt),
});

const toRevenue = (r: RevenueRow): Revenue => ({
  month: r.month,
  amount: r.amount,
  currency: r.currency,
  updatedBy: r.updatedBy,
  updatedAt: toIso(r.updatedAt),
});

/** `evaluations.recordCost`: one cost entry; the same id again is a replay and changes nothing. */
export async function recordCost(ctx: ServiceCtx, input: CostEntryInput): Promise<CostEntry> {
  const [prev] = await ctx.db.select().from(costEntries).where(eq(costEntries.id, input.id));
  if (prev && prev.orgId !== ctx.user.orgId)
    throw new TRPCError({
      code: 'CONFLICT',
      message: 'this id is already used by another record; generate a new ULID',
    });
  if (prev) return toCostEntry(prev);
  const row: CostEntryRow = { ...input, orgId: ctx.user.orgId, recordedBy: ctx.user.id, createdAt: nowOf(ctx) };
  await ctx.db.insert(costEntries).values(row);
  return toCostEntry(row);
}

/** `evaluations.setRevenue`: the month's revenue, replacing any figure set before. */
export async function setRevenue(ctx: ServiceCtx, input: RevenueInput): Promise<Revenue> {
  const row: RevenueRow = { ...input, orgId: ctx.user.orgId, updatedBy: ctx.user.id, updatedAt: nowOf(ctx) };
  await ctx.db
    .insert(revenues)
    .values(row)
    .onConflictDoUpdate({
      target: [revenues.orgId, revenues.month],
      set: { amount: row.amount, currency: row.currency, updatedBy: row.updatedBy, updatedAt: row.updatedAt },
    });
  return toRevenue(row);
}

/** The org's cost entries and revenue of the months `from`–`to` (both included; open ends when absent). */
export async function costsAndRevenues(
  ctx: Pick<ServiceCtx, 'db' | 'user'>,
  range: { from?: string | undefined; to?: string | undefined },
): Promise<{ costs: CostEntryRow[]; revenues: RevenueRow[] }> {
  const orgId = ctx.user.orgId;
  const costs = await ctx.db
    .select()
    .from(costEntries)
    .where(
      and(
        eq(costEntries.orgId, orgId),
        range.from === undefined ? undefined : gte(costEntries.month, range.from),
        range.to === undefined ? undefined : lte(costEntries.month, range.to),
      ),
    )
    .orderBy(asc(costEntries.month), asc(costEntries.createdAt), asc(costEntries.id));
  const revs = await ctx.db
    .select()
    .from(revenues)
    .where(
      and(
        eq(revenues.orgId, orgId),
        range.from === undefined ? undefined : gte(revenues.month, range.from),
        range.to === undefined ? undefined : lte(revenues.month, range.to),
      ),
    )
    .orderBy(asc(revenues.month));
  return { costs, revenues: revs };
}

/** `evaluations.listCosts`: the months' cost entries and revenue. */
export async function listCosts(
  ctx: ServiceCtx,
  input: { from?: string | undefined; to?: string | undefined },
): Promise<CostListResult> {
  const { costs, revenues: revs } = await costsAndRevenues(ctx, input);
  return { costs: costs.map(toCostEntry), revenues: revs.map(toRevenue) };
}
