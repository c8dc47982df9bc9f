import type { MetricsFilter, ReportGoals, ReportLanguage } from '@comms-log/shared';
import { toIso } from '../../iso';
import type { MetricsEnv } from '../metrics/scope';
import { isManager, type ServiceCtx } from '../service-ctx';

/** The report's default instant: the end of the period, or `now` when the period is not over. */
export function reportAsOf(filter: MetricsFilter, asOf: string | undefined, now: number): number {
  return asOf ? Date.parse(asOf) : Math.min(Date.parse(filter.to), now);
}

/** What a report (and its goals alone) says of itself: period, instant, whose figures, which plan. */
export function reportMeta(
  ctx: ServiceCtx,
  env: MetricsEnv,
  report: { filter: MetricsFilter; language: ReportLanguage; asOf: string },
): ReportGoals['meta'] {
  return {
    language: report.language,
    from: toIso(Date.parse(report.filter.from)),
    to: toIso(Date.parse(report.filter.to)),
    asOf: report.asOf,
    scope: isManager(ctx.user) ? 'team' : 'own',
    planVersion: env.planVersion,
  };
}
