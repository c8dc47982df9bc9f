import { describe, expect, it } from 'vitest';
import { lastWholePeriod, periodOfKey } from './periods';

const at = (iso: string) => Date.parse(iso);

describe('report periods', () => {
  it('a weekly schedule covers the last whole ISO week in the org zone', () => {
    // Monday 2026-03-16 01:00 in Shanghai is still Sunday in UTC: the week before is W11 there.
    expect(lastWholePeriod('weekly', at('2026-03-15T17:00:00Z'), 'Asia/Shanghai')).toEqual({
      key: '2026-W11',
      from: '2026-03-09T00:00:00+08:00',
      to: '2026-03-16T00:00:00+08:00',
    });
    expect(lastWholePeriod('weekly', at('2026-03-15T17:00:00Z'), 'UTC').key).toBe('2026-W10');
  });

  it('a monthly schedule covers the last whole month, across a year', () => {
    expect(lastWholePeriod('monthly', at('2026-01-05T00:00:00Z'), 'Europe/Berlin')).toEqual({
      key: '2025-12',
      from: '2025-12-01T00:00:00+01:00',
      to: '2026-01-01T00:00:00+01:00',
    });
  });

  it('a key names the same period the schedule would', () => {
    const p = lastWholePeriod('weekly', at('2027-01-04T12:00:00Z'), 'Asia/Shanghai');
    expect(p.key).toBe('2026-W53');
    expect(periodOfKey(p.key, 'Asia/Shanghai')).toEqual(p);
    expect(periodOfKey('2026-03', 'UTC')?.to).toBe('2026-04-01T00:00:00Z');
  });

  it('a key that names no period is refused', () => {
    expect(periodOfKey('2025-W53', 'UTC')).toBeNull();
    expect(periodOfKey('2026-13', 'UTC')).toBeNull();
    expect(periodOfKey('last week', 'UTC')).toBeNull();
  });
});
