import type { MsRange } from '../../../db/queries/metrics';
import type { MetricsEnv } from '../../metrics/scope';
import type { ServiceCtx } from '../../service-ctx';
import { countFigures } from './counts';
import { executionFigures } from './execution';
import { FigureMemo, type FigureSource } from './memo';
import { recordFigures } from './records';
import { responseFigures } from './responses';

/*
 * The report's figures come from the same service functions as `metrics.*` (totals, responseTimes, coverage,
 * threads) with the same filter and `asOf`, so the report and the dashboard cannot disagree; all over one plan
 * (`env`). The goals read survey responses and media reports besides.
 */

/**
 * The metrics services, each call made once within one report (goals often share a scope with another figure).
 * Response figures whose period lies in `waitsRange` are split from one read of the org's waits in that range.
 */
export function reportFigures(ctx: ServiceCtx, env: MetricsEnv, waitsRange?: MsRange) {
  const source: FigureSource = { ctx, env, memo: new FigureMemo() };
  return {
    ...countFigures(source),
    ...responseFigures(source, waitsRange),
    ...recordFigures(source),
    ...executionFigures(source),
  };
}

export type ReportFigures = ReturnType<typeof reportFigures>;
