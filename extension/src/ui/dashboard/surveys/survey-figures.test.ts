import { describe, expect, it } from 'vitest';
import {
  knownDimensions,
  scoreDistribution,
  surveyFigureRows,
  surveyFigureSet,
  type ListedScore,
} from './survey-figures';

const r = (instrument: ListedScore['instrument'], score: number, more: Partial<ListedScore> = {}): ListedScore => ({
  instrument,
  score,
  scale: instrument === 'csat' ? 5 : null,
  stakeholderType: 'customer',
  dimension: null,
  ...more,
});

describe('surveyFigureSet', () => {
  it('gives each figure with its n, hand-computed', () => {
    const f = surveyFigureSet([r('csat', 5), r('csat', 4), r('csat', 2), r('nps', 10), r('nps', 8), r('nps', 3)]);
    expect(f.csat).toEqual([{ value: 11 / 3, n: 3, scale: 5 }]);
    expect(f.satisfaction).toEqual({ value: 2 / 3, numerator: 2, denominator: 3 });
    // 1 promoter, 1 passive, 1 detractor of 3: (1 − 1) ÷ 3 × 100 = 0.
    expect(f.nps).toMatchObject({ value: 0, n: 3, promoters: 1, detractors: 1 });
    expect(f.score100).toEqual({ value: null, n: 0 });
    expect(f.responses).toBe(6);
  });

  it('keeps a CSAT mean per scale rather than averaging 1–5 with 1–7, the most used first', () => {
    const f = surveyFigureSet([r('csat', 7, { scale: 7 }), r('csat', 4), r('csat', 6, { scale: 7 })]);
    expect(f.csat).toEqual([
      { value: 6.5, n: 2, scale: 7 },
      { value: 4, n: 1, scale: 5 },
    ]);
    // The top two boxes of each scale: 6–7 of 7, 4–5 of 5.
    expect(f.satisfaction.value).toBe(1);
  });

  it('has no figure over an empty period', () => {
    const f = surveyFigureSet([]);
    expect(f.csat).toEqual([]);
    expect(f.satisfaction.value).toBeNull();
    expect(f.nps.value).toBeNull();
  });
});

describe('surveyFigureRows', () => {
  it('groups by dimension by name, the responses without one last', () => {
    const rows = surveyFigureRows(
      [r('csat', 5), r('csat', 3, { dimension: 'usability' }), r('csat', 4, { dimension: 'delivery' })],
      'dimension',
    );
    expect(rows.map((x) => [x.key, x.figures.csat[0]?.value])).toEqual([
      ['delivery', 4],
      ['usability', 3],
      [null, 5],
    ]);
  });
});

describe('scoreDistribution', () => {
  it('counts every score of the scale, zeros included', () => {
    expect(scoreDistribution([r('csat', 5), r('csat', 5), r('csat', 2), r('nps', 9)], 'csat')).toEqual([
      { score: '1', count: 0 },
      { score: '2', count: 1 },
      { score: '3', count: 0 },
      { score: '4', count: 0 },
      { score: '5', count: 2 },
    ]);
    expect(scoreDistribution([r('nps', 0)], 'nps')).toHaveLength(11);
  });

  it('puts 0–100 scores in tens, 100 with the nineties', () => {
    const d = scoreDistribution([r('score100', 100), r('score100', 95), r('score100', 5)], 'score100');
    expect(d[0]).toEqual({ score: '0–9', count: 1 });
    expect(d[9]).toEqual({ score: '90–100', count: 2 });
  });
});

describe('knownDimensions', () => {
  it('merges the goals’ and the responses’ dimensions once each', () => {
    expect(knownDimensions(['usability', null], [r('csat', 4, { dimension: 'delivery' }), r('csat', 4)])).toEqual([
      'delivery',
      'usability',
    ]);
  });
});
