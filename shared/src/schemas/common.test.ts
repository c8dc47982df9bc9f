import { describe, expect, it } from 'vitest';
import { INSTANT_MAX, INSTANT_MIN, isoDateSchema, isoDateTimeSchema } from './common';

const messages = (input: string) => isoDateTimeSchema.safeParse(input).error?.issues.map((i) => i.message) ?? [];

describe('isoDateTimeSchema: the accepted instants', () => {
  it('accepts 1970-01-01T00:00:00Z to 2100-12-31T23:59:59Z, after the offset', () => {
    expect(isoDateTimeSchema.safeParse(INSTANT_MIN).success).toBe(true);
    expect(isoDateTimeSchema.safeParse(INSTANT_MAX).success).toBe(true);
    expect(isoDateTimeSchema.safeParse('1970-01-01T08:00:00+08:00').success).toBe(true);
    expect(isoDateTimeSchema.safeParse('2100-12-31T09:59:59-14:00').success).toBe(true);
  });

  it('refuses instants outside it with a message that gives the range', () => {
    const range = `must lie between ${INSTANT_MIN} and ${INSTANT_MAX}`;
    expect(messages('0000-01-01T00:00:00+14:00')).toEqual([range]);
    expect(messages('9999-12-31T23:59:59-14:00')).toEqual([range]);
    expect(messages('1970-01-01T07:59:59+08:00')).toEqual([range]);
    expect(messages('2100-12-31T23:59:59-00:01')).toEqual([range]);
    expect(messages('2101-01-01T00:00:00Z')).toEqual([range]);
  });

  it('still refuses what is not an instant with an offset', () => {
    expect(isoDateTimeSchema.safeParse('2026-03-10T09:12:00').success).toBe(false);
    expect(isoDateTimeSchema.safeParse('2026-02-30T09:12:00Z').success).toBe(false);
  });
});

describe('isoDateSchema', () => {
  it('accepts the dates of the accepted instants only', () => {
    expect(isoDateSchema.safeParse('1970-01-01').success).toBe(true);
    expect(isoDateSchema.safeParse('2100-12-31').success).toBe(true);
    expect(isoDateSchema.safeParse('0000-01-01').error?.issues[0]?.message).toBe(
      'must lie between 1970-01-01 and 2100-12-31',
    );
    expect(isoDateSchema.safeParse('2101-01-01').success).toBe(false);
  });
});
