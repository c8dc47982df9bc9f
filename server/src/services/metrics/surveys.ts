import type { GroupableSurveyScore, MetricsFilter } from '@comms-log/shared';
import { surveyScoreRows } from '../../db/queries/evaluation-metrics';
import type { ServiceCtx } from '../service-ctx';
import { recordScopeOf, scopeFilter } from './scope';

/**
 * The survey responses answered in the filter's period (`recordScopeOf`) of its stakeholder types, as the shared
 * survey formulas take them, of one `dimension` (null: any).
 */
export async function surveyScores(
  ctx: ServiceCtx,
  filter: MetricsFilter,
  dimension: string | null,
): Promise<GroupableSurveyScore[]> {
  const { stakeholderType } = scopeFilter(ctx.user, filter);
  const rows = await surveyScoreRows(ctx.db, { ...recordScopeOf(ctx, filter), stakeholderType, dimension });
  return rows.map((r) => ({
    instrument: r.instrument,
    score: r.score,
    scale: r.scale ?? undefined,
    stakeholderType: r.stakeholder_type,
    dimension: r.dimension ?? undefined,
  }));
}
