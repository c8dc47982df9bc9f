import type { SiteHealthEntry, SiteHealthReportInput } from '@comms-log/shared';
import { siteHealthOfOrg, upsertSiteFailure } from '../../db/queries/site-health';
import { nowOf, type ServiceCtx } from '../service-ctx';

/**
 * One browser's running totals of pages its adapters could not read. Any user may report their own browser's;
 * the org is the token's. Answers how many counters were stored.
 */
export async function reportSiteHealth(ctx: ServiceCtx, input: SiteHealthReportInput): Promise<{ stored: number }> {
  const row = { orgId: ctx.user.orgId, clientId: input.clientId, userId: ctx.user.id, reportedAt: nowOf(ctx) };
  for (const failure of input.failures) await upsertSiteFailure(ctx.db, row, failure);
  return { stored: input.failures.length };
}

/** Which site broke since when: the org's failures per site, adapter version and missing field. */
export function listSiteHealth(ctx: ServiceCtx): Promise<SiteHealthEntry[]> {
  return siteHealthOfOrg(ctx.db, ctx.user.orgId);
}
