import type { MetricsFilter, Plan } from '@comms-log/shared';
import { currentPlan } from '../plans';
import { nowOf, type ServiceCtx, type ServiceUser } from '../service-ctx';

/*
 * What every dashboard figure starts from (docs/metrics.md): the org's plan (its calendar's time zone makes the days,
 * weeks and months), the caller's scope, and the instant figures are evaluated as of.
 */

/**
 * What several figures of one request share: the report computes a dozen over one plan, read once, so that all of
 * them (and its `meta.planVersion`) agree even when the plan changes meanwhile; a read (and parse) of the plan is
 * ~2 ms, a quarter of a report of the demo org if every figure read it again.
 */
export interface MetricsEnv {
  plan: Plan;
  planVersion: number;
}

export async function loadEnv(ctx: ServiceCtx): Promise<MetricsEnv> {
  const stored = await currentPlan(ctx.db, ctx.user.orgId);
  return { plan: stored.plan, planVersion: stored.version };
}

/** Staff see only their own interactions: the user filter is forced to the caller, whatever was asked. */
export function scopeFilter(user: ServiceUser, filter: MetricsFilter): MetricsFilter {
  return user.role === 'staff' ? { ...filter, userId: [user.id] } : filter;
}

/** The instant a figure is evaluated as of: `asOf`, or the service's clock. */
export const asOfMs = (ctx: ServiceCtx, asOf: string | undefined | null): number =>
  asOf ? Date.parse(asOf) : nowOf(ctx);
