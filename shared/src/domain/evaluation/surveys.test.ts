import { describe, expect, it } from 'vitest';
import {
  csatMean,
  type GroupableSurveyScore,
  netPromoterScore,
  satisfactionRate,
  score100Mean,
  surveyFigures,
  surveyFiguresBy,
} from './surveys';

const csat = (score: number, scale?: number) => ({ instrument: 'csat' as const, score, scale });
const nps = (score: number) => ({ instrument: 'nps' as const, score });
const s100 = (score: number) => ({ instrument: 'score100' as const, score });

describe('CSAT', () => {
  const fivePoint = [csat(5), csat(4), csat(3), csat(5, 5), csat(2)];

  it('mean = Σ scores ÷ responses, on the default 5-point scale', () => {
    expect(csatMean(fivePoint)).toEqual({ value: 19 / 5, n: 5, scale: 5 });
  });

  it('satisfaction rate counts the top two boxes: 4–5 of 5', () => {
    expect(satisfactionRate(fivePoint)).toEqual({ value: 3 / 5, numerator: 3, denominator: 5 });
  });

  it('on a 7-point scale the top two boxes are 6–7', () => {
    const seven = [csat(7, 7), csat(6, 7), csat(5, 7), csat(3, 7)];
    expect(csatMean(seven)).toEqual({ value: 21 / 4, n: 4, scale: 7 });
    expect(satisfactionRate(seven)).toEqual({ value: 0.5, numerator: 2, denominator: 4 });
  });

  it('counts satisfaction across scales but refuses to average them', () => {
    const mixed = [csat(5), csat(4), csat(5, 7), csat(6, 7)];
    // 5 and 4 of 5 are top-two; of 7, only 6 is.
    expect(satisfactionRate(mixed)).toEqual({ value: 3 / 4, numerator: 3, denominator: 4 });
    expect(() => csatMean(mixed)).toThrow('CSAT responses on different scales (1–5, 1–7) cannot be averaged');
  });

  it('ignores other instruments and is null without CSAT responses', () => {
    expect(csatMean([nps(9), s100(80)])).toEqual({ value: null, n: 0, scale: null });
    expect(satisfactionRate([])).toEqual({ value: null, numerator: 0, denominator: 0 });
    expect(csatMean([csat(4), nps(0)])).toEqual({ value: 4, n: 1, scale: 5 });
  });
});

describe('netPromoterScore', () => {
  it('is % promoters (9–10) − % detractors (0–6)', () => {
    const r = [nps(10), nps(9), nps(8), nps(7), nps(6), nps(0), nps(10), csat(1)];
    // 3 promoters, 2 passives, 2 detractors of 7: (3 − 2) ÷ 7 × 100.
    expect(netPromoterScore(r)).toEqual({ value: 100 / 7, promoters: 3, passives: 2, detractors: 2, n: 7 });
  });

  it('runs from −100 to 100 and is null without NPS responses', () => {
    expect(netPromoterScore([nps(0), nps(6)]).value).toBe(-100);
    expect(netPromoterScore([nps(9), nps(10)]).value).toBe(100);
    expect(netPromoterScore([nps(7), nps(8)]).value).toBe(0);
    expect(netPromoterScore([])).toEqual({ value: null, promoters: 0, passives: 0, detractors: 0, n: 0 });
  });
});

describe('score100Mean', () => {
  it('averages 0–100 scores, fractions included', () => {
    expect(score100Mean([s100(80), s100(90), s100(70.5), csat(5)])).toEqual({ value: 240.5 / 3, n: 3 });
    expect(score100Mean([])).toEqual({ value: null, n: 0 });
  });
});

describe('surveyFiguresBy', () => {
  const r = (over: Partial<GroupableSurveyScore>): GroupableSurveyScore => ({
    instrument: 'csat',
    score: 5,
    stakeholderType: 'customer',
    ...over,
  });
  // All anonymous: no response names a stakeholder, and every figure is still computed.
  const responses = [
    r({ score: 5, dimension: 'delivery' }),
    r({ score: 3, dimension: 'support' }),
    r({ score: 4, dimension: 'delivery', stakeholderType: 'partner' }),
    r({ instrument: 'nps', score: 10, dimension: 'support' }),
    r({ score: 2 }),
  ];

  it('groups per dimension (null for none) then computes every figure', () => {
    const groups = surveyFiguresBy(responses, 'dimension');
    expect(groups.map((g) => g.key)).toEqual(['delivery', 'support', null]);
    expect(groups[0]!.value.csat).toEqual({ value: 4.5, n: 2, scale: 5 });
    expect(groups[0]!.value.satisfaction).toEqual({ value: 1, numerator: 2, denominator: 2 });
    expect(groups[1]!.value.satisfaction).toEqual({ value: 0, numerator: 0, denominator: 1 });
    expect(groups[1]!.value.nps).toEqual({ value: 100, promoters: 1, passives: 0, detractors: 0, n: 1 });
    expect(groups[2]!.value.csat).toEqual({ value: 2, n: 1, scale: 5 });
  });

  it('groups per stakeholder type', () => {
    const groups = surveyFiguresBy(responses, 'stakeholderType');
    expect(groups.map((g) => [g.key, g.value.csat.n, g.value.nps.n])).toEqual([
      ['customer', 3, 1],
      ['partner', 1, 0],
    ]);
    expect(groups[0]!.value).toEqual(surveyFigures(responses.filter((x) => x.stakeholderType === 'customer')));
  });

  it('is empty for no responses', () => {
    expect(surveyFiguresBy([], 'dimension')).toEqual([]);
  });
});
