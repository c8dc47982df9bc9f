import { describe, expect, it } from 'vitest';
import { resolutionTimeProblem } from './outcome-time';

const first = Date.parse('2026-03-09T09:00:00+08:00');
const now = Date.parse('2026-03-12T09:00:00+08:00');

describe('resolutionTimeProblem', () => {
  it('allows now and any time back to the first message', () => {
    expect(resolutionTimeProblem(now, first, now)).toBeNull();
    expect(resolutionTimeProblem(first, first, now)).toBeNull();
  });

  it('refuses the future, a time before the first message, and no time at all', () => {
    expect(resolutionTimeProblem(now + 60_000, first, now)).toBe('future');
    expect(resolutionTimeProblem(first - 60_000, first, now)).toBe('before-first');
    expect(resolutionTimeProblem(Number.NaN, first, now)).toBe('missing');
  });

  it('leaves the first-message check to the server when no message is here', () => {
    expect(resolutionTimeProblem(0, null, now)).toBeNull();
  });
});
