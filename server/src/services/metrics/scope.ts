import { TRPCError } from '@trpc/server';
import type { MetricsFilter, Plan } from '@comms-log/shared';
import type { RecordScope } from '../../db/queries/evaluation-metrics';
import { currentPlan } from '../plans';
import { isManager, nowOf, type ServiceCtx, type ServiceUser } from '../service-ctx';

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

export const STAFF_OWN_FIGURES = 'Staff see only their own figures.';

/**
 * Staff see only their own figures: a user filter naming anyone but the caller (a colleague, someone of another org,
 * or `null` for nobody) is refused with FORBIDDEN rather than answered with the caller's own figures under it.
 */
export function assertOwnFilter(user: ServiceUser, userIds: readonly (string | null)[] | undefined): void {
  if (isManager(user) || !userIds?.some((id) => id !== user.id)) return;
  throw new TRPCError({ code: 'FORBIDDEN', message: STAFF_OWN_FIGURES });
}

/** Staff see only their own interactions: the user filter is the caller (naming anyone else is refused). */
export function scopeFilter(user: ServiceUser, filter: MetricsFilter): MetricsFilter {
  if (isManager(user)) return filter;
  assertOwnFilter(user, filter.userId);
  return { ...filter, userId: [user.id] };
}

/** The instant a figure is evaluated as of: `asOf`, or the service's clock. */
export const asOfMs = (ctx: ServiceCtx, asOf: string | undefined | null): number =>
  asOf ? Date.parse(asOf) : nowOf(ctx);

/**
 * The evaluation records (survey responses, media reports) a filter reads: dated in its period, of its
 * stakeholders and tiers, recorded by its users (staff: by themselves). Records have no channel, direction or
 * purpose: those parts of the filter do not apply.
 */
export function recordScopeOf(ctx: ServiceCtx, filter: MetricsFilter): RecordScope {
  const f = scopeFilter(ctx.user, filter);
  return {
    orgId: ctx.user.orgId,
    fromMs: Date.parse(f.from),
    toMs: Date.parse(f.to),
    userId: f.userId,
    stakeholderId: f.stakeholderId,
    tier: f.tier,
  };
}
