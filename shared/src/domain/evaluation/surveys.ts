import { DEFAULT_CSAT_SCALE, type SurveyResponseData } from '../../schemas/survey';
import { type Grouped, groupThenApply } from './group';
import { type Mean, mean, type Ratio, ratio } from './ratio';

/** What the survey figures read of a response. */
export type SurveyScore = Pick<SurveyResponseData, 'instrument' | 'score' | 'scale'>;

/** A CSAT mean and the scale it is on (null when there is no CSAT response). */
export type CsatMean = Mean & { scale: number | null };

const csatOnly = <T extends SurveyScore>(responses: readonly T[]) => responses.filter((r) => r.instrument === 'csat');

/**
 * CSAT mean = Σ CSAT scores ÷ CSAT responses, other instruments ignored.
 *
 * @throws RangeError when the responses are on different scales (a mean of 1–5 and 1–7 scores means nothing):
 *   group them by scale first ({@link groupThenApply}).
 */
export function csatMean(responses: readonly SurveyScore[]): CsatMean {
  const csat = csatOnly(responses);
  const scales = [...new Set(csat.map((r) => r.scale ?? DEFAULT_CSAT_SCALE))];
  if (scales.length > 1) {
    throw new RangeError(
      `CSAT responses on different scales (1–${scales.join(', 1–')}) cannot be averaged together: group them by scale`,
    );
  }
  return { ...mean(csat.map((r) => r.score)), scale: scales[0] ?? null };
}

/**
 * Satisfaction rate = CSAT responses in the top two boxes of their declared scale (score ≥ scale − 1: 4–5 of 5,
 * 6–7 of 7) ÷ CSAT responses. Responses on different scales can be counted together.
 */
export function satisfactionRate(responses: readonly SurveyScore[]): Ratio {
  const csat = csatOnly(responses);
  const satisfied = csat.filter((r) => r.score >= (r.scale ?? DEFAULT_CSAT_SCALE) - 1).length;
  return ratio(satisfied, csat.length);
}

/** A Net Promoter Score with its counts; `value` null when there is no NPS response. */
export type Nps = { value: number | null; promoters: number; passives: number; detractors: number; n: number };

/**
 * NPS = % promoters (9–10) − % detractors (0–6) over the NPS responses, from −100 to 100 (not rounded); 7–8 are
 * passives, counted in the total only.
 */
export function netPromoterScore(responses: readonly SurveyScore[]): Nps {
  let promoters = 0;
  let passives = 0;
  let detractors = 0;
  for (const r of responses) {
    if (r.instrument !== 'nps') continue;
    if (r.score >= 9) promoters++;
    else if (r.score >= 7) passives++;
    else detractors++;
  }
  const n = promoters + passives + detractors;
  return { value: n > 0 ? ((promoters - detractors) * 100) / n : null, promoters, passives, detractors, n };
}

/** Mean of the 0–100 scores = Σ score100 scores ÷ score100 responses. */
export function score100Mean(responses: readonly SurveyScore[]): Mean {
  return mean(responses.filter((r) => r.instrument === 'score100').map((r) => r.score));
}

/** Every survey figure over one set of responses. */
export type SurveyFigures = { csat: CsatMean; satisfaction: Ratio; nps: Nps; score100: Mean };

/** {@link csatMean}, {@link satisfactionRate}, {@link netPromoterScore} and {@link score100Mean} together. */
export function surveyFigures(responses: readonly SurveyScore[]): SurveyFigures {
  return {
    csat: csatMean(responses),
    satisfaction: satisfactionRate(responses),
    nps: netPromoterScore(responses),
    score100: score100Mean(responses),
  };
}

/** What grouping survey figures reads of a response. */
export type GroupableSurveyScore = SurveyScore & Pick<SurveyResponseData, 'stakeholderType' | 'dimension'>;

/**
 * {@link surveyFigures} per dimension (key null for responses without one) or per stakeholder type, in the order
 * each key first appears.
 */
export function surveyFiguresBy(
  responses: readonly GroupableSurveyScore[],
  by: 'dimension' | 'stakeholderType',
): Grouped<string | null, SurveyFigures>[] {
  return groupThenApply(
    responses,
    (r) => (by === 'dimension' ? (r.dimension ?? null) : r.stakeholderType),
    surveyFigures,
  );
}
