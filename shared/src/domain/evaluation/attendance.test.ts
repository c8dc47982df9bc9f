import { describe, expect, it } from 'vitest';
import { attendanceRate, type MeetingAttendance } from './attendance';

const at = (local: string) => Date.parse(`${local}+08:00`);
const march = { fromMs: at('2026-03-01T00:00'), toMs: at('2026-04-01T00:00') };
const meeting = (day: string, invited: number, attended: number, series?: string): MeetingAttendance => ({
  invited,
  attended,
  series,
  heldAtMs: at(`${day}T10:00`),
});

describe('attendanceRate', () => {
  it('is Σ attended ÷ Σ invited, in total and per series', () => {
    const meetings = [
      meeting('2026-03-02', 20, 18, 'weekly-cross-dept'),
      meeting('2026-03-09', 20, 16, 'weekly-cross-dept'),
      meeting('2026-03-10', 4, 2),
      meeting('2026-03-16', 10, 10, 'weekly-cross-dept'),
      meeting('2026-02-23', 20, 0, 'weekly-cross-dept'), // before the period
    ];
    const r = attendanceRate(meetings, march);
    expect(r.total).toEqual({ value: 46 / 54, numerator: 46, denominator: 54, meetings: 4 });
    expect(r.bySeries).toEqual([
      { key: 'weekly-cross-dept', value: { value: 44 / 50, numerator: 44, denominator: 50, meetings: 3 } },
      { key: null, value: { value: 0.5, numerator: 2, denominator: 4, meetings: 1 } },
    ]);
  });

  it('is null when nobody was invited or no meeting was held', () => {
    expect(attendanceRate([meeting('2026-03-02', 0, 0, 's')], march).total).toEqual({
      value: null,
      numerator: 0,
      denominator: 0,
      meetings: 1,
    });
    expect(attendanceRate([], march)).toEqual({
      total: { value: null, numerator: 0, denominator: 0, meetings: 0 },
      bySeries: [],
    });
  });
});
