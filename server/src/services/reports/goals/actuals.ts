import type { Goal, MetricsFilter, WorkCalendar } from '@comms-log/shared';
import type { ReportFigures } from '../figures';
import { type Actual, mediaActual, resolutionActual, surveyActual } from './evaluation-actuals';
import { executionActual } from './execution-actuals';

const H = 3_600_000;

/** Response and coverage goals: the figures of `metrics.responseTimes` and `metrics.coverage`. */
async function waitsOrCoverageActual(
  metric: Extract<Goal['metric'], 'on_time_rate' | 'mean_response_hours' | 'median_response_hours' | 'coverage'>,
  f: MetricsFilter,
  figures: ReportFigures,
  asOf: string,
): Promise<Actual> {
  if (metric === 'coverage') {
    const scope = { stakeholderType: f.stakeholderType, tier: f.tier, stakeholderId: f.stakeholderId };
    const rows = (await figures.coverage(asOf, scope)).rows;
    const active = rows.reduce((s, r) => s + r.active, 0);
    const covered = rows.reduce((s, r) => s + r.covered, 0);
    return { actual: active > 0 ? covered / active : null, count: active };
  }
  const stats = (await figures.response(f, [], 'working', asOf)).total;
  if (metric === 'on_time_rate') return { actual: stats.onTimeRate, count: stats.onTime + stats.late };
  const ms = metric === 'mean_response_hours' ? stats.meanMs : stats.medianMs;
  return { actual: ms === null ? null : ms / H, count: stats.answered };
}

/** Whether a goal's actual is a response figure (`waitsOrCoverageActual`'s, read on the working basis). */
export const isResponseGoal = (goal: Goal): boolean =>
  goal.metric === 'on_time_rate' || goal.metric === 'mean_response_hours' || goal.metric === 'median_response_hours';

/** What a counting goal counts over its scope `f` (null for other goals): posts are what we publish (outbound);
 * meetings count whoever logged them. */
export function countFilterOf(goal: Goal, f: MetricsFilter): MetricsFilter | null {
  if (goal.metric === 'outbound_posts') return { ...f, direction: 'outbound' };
  return goal.metric === 'meetings' ? f : null;
}

/** A goal's actual value over the goal's scope `f` of the period, as of `asOf` (docs/metrics.md "Goals"). */
export async function actualOf(
  goal: Goal,
  f: MetricsFilter,
  figures: ReportFigures,
  asOf: string,
  cal: WorkCalendar,
): Promise<Actual> {
  const { metric } = goal;
  switch (metric) {
    case 'on_time_rate':
    case 'mean_response_hours':
    case 'median_response_hours':
    case 'coverage':
      return waitsOrCoverageActual(metric, f, figures, asOf);
    case 'outbound_posts':
    case 'meetings': {
      const total = await figures.count(countFilterOf(goal, f)!);
      return { actual: total, count: total };
    }
    case 'complaint_resolution_rate':
    case 'first_contact_resolution_rate':
    case 'resolution_working_days': {
      const period = { fromMs: Date.parse(f.from), toMs: Date.parse(f.to) };
      // The rate is over every thread opened; first contact and resolution time over the resolved ones only.
      const threads = await figures.threads(f, asOf, metric !== 'complaint_resolution_rate');
      return resolutionActual(metric, threads, period, cal);
    }
    case 'csat_mean':
    case 'satisfaction_rate':
    case 'nps':
    case 'score100_mean':
      return surveyActual(metric, await figures.surveys(f, goal.scope.dimension));
    case 'positive_coverage_share':
    case 'negative_clarified_rate':
    case 'coverage_items':
      return mediaActual(metric, await figures.mediaCoverage(f), Date.parse(asOf));
    case 'delivery_on_time_rate':
    case 'interaction_rate':
    case 'attendance_rate':
    case 'execution_rate':
    case 'cost_share':
      return executionActual(metric, f, figures, asOf, { zone: cal.timeZone, series: goal.scope.series ?? null });
  }
}
