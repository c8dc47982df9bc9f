import { describe, expect, it } from 'vitest';
import { type ActivityOccurrenceStatus, executionRate } from './execution';

const at = (local: string) => Date.parse(`${local}+08:00`);
const zone = 'Asia/Shanghai';
const march = { fromMs: at('2026-03-01T00:00'), toMs: at('2026-04-01T00:00') };
const activity = (
  day: string,
  status: ActivityOccurrenceStatus['status'],
  heldAt: string | null = null,
): ActivityOccurrenceStatus => ({
  startAtMs: at(`${day}T14:00`),
  endAtMs: at(`${day}T15:00`),
  status,
  heldAtMs: heldAt === null ? null : at(heldAt),
});

describe('executionRate', () => {
  const activities = [
    activity('2026-03-03', 'held', '2026-03-03T14:05'), // held on its date
    activity('2026-03-05', 'held', '2026-03-05T22:00'), // later that day: still by its date
    activity('2026-03-10', 'held', '2026-03-11T09:00'), // the next day: late
    activity('2026-03-12', 'held'), // held, time unknown: counts as by its date
    activity('2026-03-17', 'not_held'),
    activity('2026-03-19', 'planned'), // never marked, its date passed: not held
    activity('2026-03-24', 'cancelled'),
    activity('2026-03-30', 'planned'),
    activity('2026-04-02', 'held', '2026-04-02T14:00'), // next period
  ];

  it('is held by their date ÷ planned in the period, cancelled ones left out', () => {
    expect(executionRate(activities, march, zone)).toEqual({
      rate: { value: 3 / 7, numerator: 3, denominator: 7 },
      late: 1,
      notHeld: 3,
      upcoming: 0,
      cancelled: 1,
    });
  });

  it('does not count activities whose date has not passed yet', () => {
    // As of 20 March: the one of the 30th is upcoming; the one of the 19th has had its day.
    expect(executionRate(activities, march, zone, at('2026-03-20T12:00'))).toEqual({
      rate: { value: 3 / 6, numerator: 3, denominator: 6 },
      late: 1,
      notHeld: 2,
      upcoming: 1,
      cancelled: 1,
    });
  });

  it('is null for an empty period and rejects an unknown zone', () => {
    const empty = { fromMs: at('2026-05-01T00:00'), toMs: at('2026-06-01T00:00') };
    expect(executionRate(activities, empty, zone).rate).toEqual({ value: null, numerator: 0, denominator: 0 });
    expect(() => executionRate(activities, march, 'Mars/Olympus')).toThrow('unknown time zone "Mars/Olympus"');
  });
});
