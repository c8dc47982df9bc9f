import { describe, expect, it } from 'vitest';
import { checkSurvey, type SurveyValues } from './survey-check';

const values = (more: Partial<SurveyValues> = {}): SurveyValues => ({
  instrument: 'csat',
  score: '4',
  scale: '',
  stakeholderType: 'customer',
  dimension: '',
  answeredAt: '2026-03-10',
  comment: '',
  ...more,
});

describe('checkSurvey', () => {
  it('gives the fields of a right answer, leaving out what is blank', () => {
    expect(checkSurvey(values({ dimension: ' usability ' }))).toEqual({
      problems: [],
      fields: {
        instrument: 'csat',
        score: 4,
        stakeholderType: 'customer',
        dimension: 'usability',
        answeredAt: '2026-03-10',
      },
    });
    expect(checkSurvey(values({ scale: '7', score: '6' })).fields).toMatchObject({ scale: 7, score: 6 });
  });

  it('refuses a score outside its scale, and a fraction where only whole scores exist', () => {
    expect(checkSurvey(values({ score: '7' })).problems).toEqual([
      { kind: 'scoreRange', instrument: 'csat', score: 7, min: 1, max: 5 },
    ]);
    expect(checkSurvey(values({ score: '7', scale: '7' })).problems).toEqual([]);
    expect(checkSurvey(values({ instrument: 'nps', score: '8.5' })).problems).toEqual([
      { kind: 'scoreWhole', instrument: 'nps', score: 8.5 },
    ]);
    expect(checkSurvey(values({ instrument: 'score100', score: '87.5' })).problems).toEqual([]);
  });

  it('names every other mistake, and gives no fields while there is one', () => {
    const c = checkSurvey(
      values({ instrument: 'ces', scale: '12', stakeholderType: 'press', answeredAt: '10/03/2026', score: '' }),
    );
    expect(c.fields).toBeNull();
    expect(c.problems.map((p) => p.kind)).toEqual(['scale', 'instrument', 'type', 'date']);
    expect(checkSurvey(values({ instrument: 'nps', scale: '5' })).problems).toEqual([{ kind: 'scaleNotCsat' }]);
    expect(checkSurvey(values({ score: 'four' })).problems).toEqual([{ kind: 'scoreNotNumber', value: 'four' }]);
  });

  it('refuses a date after today when it knows today, and accepts a date-time with an offset', () => {
    expect(checkSurvey(values({ answeredAt: '2026-03-11' }), { today: '2026-03-10' }).problems).toEqual([
      { kind: 'dateFuture', value: '2026-03-11' },
    ]);
    expect(checkSurvey(values({ answeredAt: '2026-03-10T09:12:00+08:00' })).problems).toEqual([]);
  });
});
