import { describe, expect, it } from 'vitest';
import { surveyCsvHeader, surveyCsvRowSchema, surveyResponseInputSchema } from './survey';

const ID = '01JQ6Z7YV3K4M5N6P7Q8R9S0TV';
const response = (over: Record<string, unknown>) => ({
  id: ID,
  instrument: 'csat',
  score: 4,
  stakeholderType: 'customer',
  answeredAt: '2026-03-10',
  ...over,
});
const messages = (
  input: unknown,
  schema: { safeParse: (v: unknown) => { error?: { issues: { message: string }[] } } },
) => schema.safeParse(input).error?.issues.map((i) => i.message) ?? [];

describe('surveyResponseInputSchema', () => {
  it('accepts an anonymous answer on a date or a date-time', () => {
    expect(surveyResponseInputSchema.parse(response({})).stakeholderId).toBeUndefined();
    expect(surveyResponseInputSchema.safeParse(response({ answeredAt: '2026-03-10T09:12:00+08:00' })).success).toBe(
      true,
    );
    expect(messages(response({ answeredAt: '10/03/2026' }), surveyResponseInputSchema)).toEqual([
      'must be a date (YYYY-MM-DD) or a date-time with an offset (2026-03-10T09:12:00+08:00), from 1970-01-01T00:00:00Z to 2100-12-31T23:59:59Z',
    ]);
    expect(messages(response({ answeredAt: '9999-12-31' }), surveyResponseInputSchema)).toHaveLength(1);
  });

  it('keeps the score on the instrument’s scale', () => {
    expect(messages(response({ score: 7 }), surveyResponseInputSchema)).toEqual([
      'A CSAT score of 7 is outside its 1–5 scale',
    ]);
    expect(surveyResponseInputSchema.safeParse(response({ score: 7, scale: 7 })).success).toBe(true);
    expect(messages(response({ score: 0, scale: 7 }), surveyResponseInputSchema)).toEqual([
      'A CSAT score of 0 is outside its 1–7 scale',
    ]);
    expect(messages(response({ instrument: 'nps', score: 11 }), surveyResponseInputSchema)).toEqual([
      'An NPS score of 11 is outside its 0–10 scale',
    ]);
    expect(surveyResponseInputSchema.safeParse(response({ instrument: 'nps', score: 0 })).success).toBe(true);
    expect(surveyResponseInputSchema.safeParse(response({ instrument: 'score100', score: 72.5 })).success).toBe(true);
    expect(messages(response({ score: 3.5 }), surveyResponseInputSchema)).toEqual([
      'A CSAT score must be a whole number',
    ]);
  });

  it('takes a scale of 3–10 for CSAT only, and nothing unknown', () => {
    expect(messages(response({ scale: 11 }), surveyResponseInputSchema)).toEqual([
      'a CSAT scale runs from 1 to at most 10',
    ]);
    expect(messages(response({ instrument: 'nps', score: 9, scale: 10 }), surveyResponseInputSchema)).toEqual([
      'Only a CSAT response declares a scale: NPS is always 0–10 and a 0–100 score always 0–100',
    ]);
    expect(surveyResponseInputSchema.safeParse(response({ rating: 4 })).success).toBe(false);
    expect(messages(response({ dimension: 'x'.repeat(61) }), surveyResponseInputSchema)).toEqual([
      'a dimension can be at most 60 characters',
    ]);
  });
});

describe('surveyCsvRowSchema', () => {
  const row = (cells: string[]) => Object.fromEntries(surveyCsvHeader.map((h, i) => [h, cells[i] ?? '']));

  it('reads the cells, an empty one as absent', () => {
    expect(surveyCsvRowSchema.parse(row(['CSAT', ' 6 ', '7', '', 'customer', 'delivery', '2026-03-10', '']))).toEqual({
      instrument: 'csat',
      score: 6,
      scale: 7,
      stakeholder: undefined,
      stakeholderType: 'customer',
      dimension: 'delivery',
      answeredAt: '2026-03-10',
      comment: undefined,
    });
  });

  it('checks the score against the scale and says what is wrong', () => {
    expect(messages(row(['csat', '7', '', 'a@b.com', 'customer', '', '2026-03-10', '']), surveyCsvRowSchema)).toEqual([
      'A CSAT score of 7 is outside its 1–5 scale',
    ]);
    expect(messages(row(['nps', '', '', '', 'customer', '', '2026-03-10', '']), surveyCsvRowSchema)).toEqual([
      'give the score as a number',
    ]);
  });
});
