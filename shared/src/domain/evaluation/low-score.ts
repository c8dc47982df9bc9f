import { DEFAULT_CSAT_SCALE } from '../../schemas/survey';
import type { SurveyScore } from './surveys';

/** A score at or below its instrument's threshold is low: CSAT on the 5-point scale, NPS on 0–10, score100 on 0–100. */
export type LowScoreThresholds = { csat: number; nps: number; score100: number };

/** The plan's default low-score thresholds (`plan.evaluation.lowScore`). */
export const DEFAULT_LOW_SCORE: Readonly<LowScoreThresholds> = { csat: 2, nps: 6, score100: 60 };

/**
 * A CSAT score on its declared 1–`scale` scale mapped linearly onto 1–5 (1 stays 1, the top stays 5), so that one
 * threshold serves every scale: 3 of 7 is 1 + 2 × 4 ÷ 6 ≈ 2.33.
 */
export function csatOnFivePoints(score: number, scale: number = DEFAULT_CSAT_SCALE): number {
  return 1 + ((score - 1) * 4) / (scale - 1);
}

/** A response scores low when it is at or below its instrument's threshold (CSAT compared on the 5-point scale). */
export function isLowScore(response: SurveyScore, thresholds: LowScoreThresholds): boolean {
  if (response.instrument === 'csat') return csatOnFivePoints(response.score, response.scale) <= thresholds.csat;
  if (response.instrument === 'nps') return response.score <= thresholds.nps;
  return response.score <= thresholds.score100;
}
