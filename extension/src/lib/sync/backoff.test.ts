import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff';

describe('backoffDelay', () => {
  it('doubles per failure up to the cap, with half the delay jittered', () => {
    expect(backoffDelay(1, 5000, 900_000, 0)).toBe(2500);
    expect(backoffDelay(1, 5000, 900_000, 0.999999)).toBe(5000);
    expect(backoffDelay(3, 5000, 900_000, 0)).toBe(10_000);
    expect(backoffDelay(30, 5000, 900_000, 0.5)).toBe(675_000);
  });
});
