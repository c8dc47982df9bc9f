import type {
  CoverageResult,
  MetricsFilter,
  MetricsGroupBy,
  ResponseTimesResult,
  TotalsResult,
} from '@comms-log/shared';
import type { CadenceScope } from '../../db/queries/cadence';
import { metricsCoverage } from '../metrics/coverage';
import { metricsResponseTimes } from '../metrics/response-times';
import type { MetricsEnv } from '../metrics/scope';
import { metricsTotals } from '../metrics/totals';
import type { ServiceCtx } from '../service-ctx';

/*
 * The report's figures come from the same service functions as `metrics.*` (totals, responseTimes, coverage) with
 * the same filter and `asOf`, so the report and the dashboard cannot disagree; all over one plan (`env`).
 */

export type CoverageScope = Pick<CadenceScope, 'stakeholderType' | 'tier' | 'stakeholderId'>;

/** The metrics services, each call made once within one report (goals often share a scope with another figure). */
export function reportFigures(ctx: ServiceCtx, env: MetricsEnv) {
  const cache = new Map<string, Promise<unknown>>();
  const once = <T>(key: unknown[], run: () => Promise<T>): Promise<T> => {
    const k = JSON.stringify(key);
    const hit = cache.get(k) as Promise<T> | undefined;
    if (hit) return hit;
    const fresh = run();
    cache.set(k, fresh);
    return fresh;
  };
  return {
    totals: (filter: MetricsFilter, groupBy: MetricsGroupBy[]): Promise<TotalsResult> =>
      once(['t', filter, groupBy], () => metricsTotals(ctx, { filter, groupBy }, env)),
    response: (
      filter: MetricsFilter,
      groupBy: MetricsGroupBy[],
      basis: 'working' | 'calendar',
      asOf: string,
    ): Promise<ResponseTimesResult> =>
      once(['r', filter, groupBy, basis, asOf], () => metricsResponseTimes(ctx, { filter, groupBy, basis, asOf }, env)),
    coverage: (asOf: string, scope: CoverageScope): Promise<CoverageResult> =>
      once(['c', asOf, scope], () => metricsCoverage(ctx, { asOf, ...scope }, env)),
  };
}

export type ReportFigures = ReturnType<typeof reportFigures>;
