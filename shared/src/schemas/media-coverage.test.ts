import { describe, expect, it } from 'vitest';
import { mediaCoverageInputSchema } from './media-coverage';

const report = (over: Record<string, unknown>) => ({
  id: '01JQ6Z7YV3K4M5N6P7Q8R9S0TV',
  outletStakeholderId: 's-xinhua',
  title: 'Launch covered',
  url: 'https://example.com/a',
  publishedAt: '2026-03-10T09:00:00+08:00',
  tone: 'negative',
  ...over,
});
const messages = (input: unknown) =>
  mediaCoverageInputSchema.safeParse(input).error?.issues.map((i) => i.message) ?? [];

describe('mediaCoverageInputSchema', () => {
  it('accepts a clarification of a negative report at or after its publication', () => {
    expect(messages(report({ clarifiedAt: '2026-03-10T09:00:00+08:00' }))).toEqual([]);
    expect(messages(report({ tone: null, reach: 0, eventTag: 'launch' }))).toEqual([]);
  });

  it('rejects a clarification before publication, or of a report that is not negative', () => {
    expect(messages(report({ clarifiedAt: '2026-03-10T08:59:00+08:00' }))).toEqual([
      'The clarification date is before the publication date',
    ]);
    expect(messages(report({ tone: 'neutral', clarifiedAt: '2026-03-11T09:00:00+08:00' }))).toEqual([
      'Only a negative report is clarified',
    ]);
  });

  it('rejects a negative or fractional reach and unknown fields', () => {
    expect(messages(report({ reach: -1 }))).toEqual(['reach cannot be negative']);
    expect(messages(report({ reach: 1.5 }))).toEqual(['reach must be a whole number']);
    expect(mediaCoverageInputSchema.safeParse(report({ sentiment: 'bad' })).success).toBe(false);
    expect(messages(report({ url: 'javascript:alert(1)' }))).toEqual(['must be a web link (https://…)']);
  });
});
