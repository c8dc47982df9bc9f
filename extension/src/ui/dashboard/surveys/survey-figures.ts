import {
  csatMean,
  DEFAULT_CSAT_SCALE,
  groupThenApply,
  netPromoterScore,
  satisfactionRate,
  score100Mean,
  type CsatMean,
  type GroupableSurveyScore,
  type Mean,
  type Nps,
  type Ratio,
  type SurveyInstrument,
  type SurveyResponse,
} from '@comms-log/shared';

/** What the tab's figures read of a listed response. */
export type ListedScore = Pick<SurveyResponse, 'instrument' | 'score' | 'scale' | 'stakeholderType' | 'dimension'>;

/** The survey figures of a set of responses, each with its n (docs/metrics.md "Goals"). */
export interface SurveyFigureSet {
  /** One CSAT mean per scale in use, the most used first: scores on 1–5 and 1–7 cannot be averaged together. */
  csat: CsatMean[];
  satisfaction: Ratio;
  nps: Nps;
  score100: Mean;
  responses: number;
}

/** A listed response as the shared figures read it (they take absent values, the list gives nulls). */
const toScore = (r: ListedScore): GroupableSurveyScore => ({
  instrument: r.instrument,
  score: r.score,
  stakeholderType: r.stakeholderType,
  ...(r.scale !== null ? { scale: r.scale } : {}),
  ...(r.dimension !== null ? { dimension: r.dimension } : {}),
});

/** The shared survey figures over `responses`, the CSAT mean per scale. */
export function surveyFigureSet(responses: readonly ListedScore[]): SurveyFigureSet {
  const scores = responses.map(toScore);
  const csat = scores.filter((r) => r.instrument === 'csat');
  const perScale = groupThenApply(csat, (r) => r.scale ?? DEFAULT_CSAT_SCALE, csatMean).map((g) => g.value);
  return {
    csat: perScale.sort((a, b) => b.n - a.n || (a.scale ?? 0) - (b.scale ?? 0)),
    satisfaction: satisfactionRate(scores),
    nps: netPromoterScore(scores),
    score100: score100Mean(scores),
    responses: responses.length,
  };
}

/** {@link surveyFigureSet} per dimension (null: none given) or stakeholder type, by name, the null group last. */
export function surveyFigureRows(
  responses: readonly ListedScore[],
  by: 'dimension' | 'stakeholderType',
): { key: string | null; figures: SurveyFigureSet }[] {
  const rows = groupThenApply(
    responses,
    (r) => (by === 'dimension' ? r.dimension : r.stakeholderType),
    (g) => surveyFigureSet(g),
  );
  return rows
    .map((g) => ({ key: g.key, figures: g.value }))
    .sort((a, b) => (a.key === null ? 1 : b.key === null ? -1 : a.key.localeCompare(b.key)));
}

/**
 * How many responses of an instrument gave each score: every score of its scale (CSAT up to the largest scale in
 * use), the 0–100 scores in tens (100 with the nineties).
 */
export function scoreDistribution(
  responses: readonly ListedScore[],
  instrument: SurveyInstrument,
): { score: string; count: number }[] {
  const of = responses.filter((r) => r.instrument === instrument);
  if (instrument === 'score100') {
    const counts = Array.from({ length: 10 }, () => 0);
    for (const r of of) counts[Math.min(9, Math.floor(r.score / 10))]! += 1;
    return counts.map((count, i) => ({ score: `${i * 10}–${i === 9 ? 100 : i * 10 + 9}`, count }));
  }
  const min = instrument === 'nps' ? 0 : 1;
  const max = instrument === 'nps' ? 10 : Math.max(DEFAULT_CSAT_SCALE, ...of.map((r) => r.scale ?? 0));
  const counts = new Map<number, number>();
  for (const r of of) counts.set(r.score, (counts.get(r.score) ?? 0) + 1);
  return Array.from({ length: max - min + 1 }, (_, i) => ({ score: String(min + i), count: counts.get(min + i) ?? 0 }));
}

/** The dimensions named so far, for the form's suggestions: the plan's goals' and the responses', by name. */
export function knownDimensions(goalDimensions: readonly (string | null)[], responses: readonly ListedScore[]) {
  const all = [...goalDimensions, ...responses.map((r) => r.dimension)].filter((d): d is string => !!d);
  return [...new Set(all)].sort((a, b) => a.localeCompare(b));
}
