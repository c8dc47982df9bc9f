import {
  csatMean,
  DEFAULT_CSAT_SCALE,
  firstContactResolution,
  groupThenApply,
  negativeClarifiedRate,
  netPromoterScore,
  positiveShare,
  resolutionRate,
  resolutionTimes,
  satisfactionRate,
  score100Mean,
  type CoverageItem,
  type CsatMean,
  type GoalMetric,
  type Period,
  type Ratio,
  type ResolutionThread,
  type SurveyScore,
  type WorkCalendar,
} from '@comms-log/shared';

/*
 * The actuals of the evaluation goals (docs/metrics.md "Goals"), each folded by its shared formula
 * (shared/src/domain/evaluation/) over the records the report read for the goal's scope.
 */

export interface Actual {
  actual: number | null;
  /** The n behind the actual. */
  count: number;
}

export type ResolutionMetric = Extract<
  GoalMetric,
  'complaint_resolution_rate' | 'first_contact_resolution_rate' | 'resolution_working_days'
>;
export type SurveyMetric = Extract<GoalMetric, 'csat_mean' | 'satisfaction_rate' | 'nps' | 'score100_mean'>;
export type MediaMetric = Extract<GoalMetric, 'positive_coverage_share' | 'negative_clarified_rate' | 'coverage_items'>;

/** A figure with an n (a mean, an NPS) or a rate over its denominator, as a goal's actual. */
const ofMean = (m: { value: number | null; n: number }): Actual => ({ actual: m.value, count: m.n });
const ofRatio = (r: Ratio): Actual => ({ actual: r.value, count: r.denominator });

/** Resolution rate and first-contact resolution over threads opened in the period; the median in working days. */
export function resolutionActual(
  metric: ResolutionMetric,
  threads: readonly ResolutionThread[],
  period: Period,
  cal: WorkCalendar,
): Actual {
  if (metric === 'resolution_working_days') {
    const times = resolutionTimes(threads, period, cal);
    return { actual: times.medianWorkingDays, count: times.n };
  }
  return ofRatio(
    metric === 'complaint_resolution_rate' ? resolutionRate(threads, period) : firstContactResolution(threads, period),
  );
}

/**
 * A CSAT mean means something on one scale only (`csatMean` refuses a mix): over the responses on the scale most
 * of them use (a tie goes to the default 1–5 scale, then the smaller scale).
 */
function csatMeanOfMainScale(responses: readonly SurveyScore[]): CsatMean {
  const byScale = groupThenApply(
    responses.filter((r) => r.instrument === 'csat'),
    (r) => r.scale ?? DEFAULT_CSAT_SCALE,
    (group) => group,
  );
  const isDefault = (scale: number) => (scale === DEFAULT_CSAT_SCALE ? 1 : 0);
  const [main] = byScale.sort(
    (a, b) => b.value.length - a.value.length || isDefault(b.key) - isDefault(a.key) || a.key - b.key,
  );
  return csatMean(main?.value ?? []);
}

/** CSAT mean, satisfaction rate, NPS or 0–100 mean over the responses answered in the period. */
export function surveyActual(metric: SurveyMetric, responses: readonly SurveyScore[]): Actual {
  if (metric === 'csat_mean') return ofMean(csatMeanOfMainScale(responses));
  if (metric === 'satisfaction_rate') return ofRatio(satisfactionRate(responses));
  return ofMean(metric === 'nps' ? netPromoterScore(responses) : score100Mean(responses));
}

/** Positive share, negative clarified rate (clarified by `asOfMs`) or the number of reports published in the period. */
export function mediaActual(metric: MediaMetric, items: readonly CoverageItem[], asOfMs: number): Actual {
  if (metric === 'coverage_items') return { actual: items.length, count: items.length };
  return ofRatio(metric === 'positive_coverage_share' ? positiveShare(items) : negativeClarifiedRate(items, asOfMs));
}
