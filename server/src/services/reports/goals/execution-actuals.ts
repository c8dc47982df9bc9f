import { DateTime } from 'luxon';
import {
  attendanceRate,
  costShare,
  deliveryOnTimeRate,
  executionRate,
  interactionRate,
  type GoalMetric,
  type MetricsFilter,
  type Period,
} from '@comms-log/shared';
import type { ReportFigures } from '../figures';
import type { Actual } from './evaluation-actuals';

/*
 * The actuals of the execution and reach goals (docs/metrics.md "Goals"): on-time delivery, the interaction rate of
 * our posts, meeting attendance, the execution of planned activities and the cost share, each folded by its shared
 * formula (shared/src/domain/evaluation/) over the goal's scope of the period.
 */

export type ExecutionMetric = Extract<
  GoalMetric,
  'delivery_on_time_rate' | 'interaction_rate' | 'attendance_rate' | 'execution_rate' | 'cost_share'
>;

/** The calendar months (YYYY-MM, in the org's zone) the period touches. */
function monthsOf(period: Period, zone: string): { from: string; to: string } {
  const month = (ms: number) => DateTime.fromMillis(ms, { zone }).toFormat('yyyy-MM');
  return { from: month(period.fromMs), to: month(period.toMs - 1) };
}

/** Cost ÷ revenue of the period's months; no data for staff, a month without revenue, or amounts in two currencies. */
async function costShareActual(figures: ReportFigures, period: Period, zone: string): Promise<Actual> {
  const months = monthsOf(period, zone);
  const records = await figures.costs(months);
  if (!records) return { actual: null, count: 0 };
  try {
    const share = costShare(records.costs, records.revenues, months);
    return { actual: share.value, count: records.costs.length };
  } catch {
    // Amounts in more than one currency cannot be compared: the figure has no value until they are converted.
    return { actual: null, count: records.costs.length };
  }
}

/** The actual of an execution or reach goal over its scope `f`, as of `asOf`. */
export async function executionActual(
  metric: ExecutionMetric,
  f: MetricsFilter,
  figures: ReportFigures,
  asOf: string,
  options: { zone: string; series: string | null },
): Promise<Actual> {
  const period = { fromMs: Date.parse(f.from), toMs: Date.parse(f.to) };
  const asOfMs = Date.parse(asOf);
  switch (metric) {
    case 'delivery_on_time_rate': {
      const { rate } = deliveryOnTimeRate(await figures.projectItems(f), period, asOfMs);
      return { actual: rate.value, count: rate.denominator };
    }
    case 'interaction_rate': {
      const rate = interactionRate(await figures.ownPosts(f), period);
      return { actual: rate.value, count: rate.posts };
    }
    case 'attendance_rate': {
      const { total } = attendanceRate(await figures.meetings(f, options.series), period);
      return { actual: total.value, count: total.meetings };
    }
    case 'execution_rate': {
      const { rate } = executionRate(await figures.activities(f, asOfMs), period, options.zone, asOfMs);
      return { actual: rate.value, count: rate.denominator };
    }
    case 'cost_share':
      return costShareActual(figures, period, options.zone);
  }
}
