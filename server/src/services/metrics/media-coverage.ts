import type { CoverageItem, MetricsFilter } from '@comms-log/shared';
import { coverageItemRows } from '../../db/queries/evaluation-metrics';
import type { ServiceCtx } from '../service-ctx';
import { recordScopeOf } from './scope';

/**
 * The media reports published in the filter's period (`recordScopeOf`: its stakeholders are the outlets), as the
 * shared coverage formulas take them. Outlets are media: the filter's stakeholder types do not apply.
 */
export async function coverageItems(ctx: ServiceCtx, filter: MetricsFilter): Promise<CoverageItem[]> {
  const rows = await coverageItemRows(ctx.db, recordScopeOf(ctx, filter));
  return rows.map((r) => ({
    outletStakeholderId: r.outlet_stakeholder_id,
    tone: r.tone,
    reach: r.reach,
    eventTag: r.event_tag,
    publishedAtMs: r.published_at,
    clarifiedAtMs: r.clarified_at,
  }));
}
