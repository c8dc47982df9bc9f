import { describe, expect, it } from 'vitest';
import { defaultPlan } from '@comms-log/shared';
import { parseSpans, periodTextsOf, spansText, withPeriods } from './spans';

describe('working periods as text', () => {
  it('reads spans as people type them, and names what is not one', () => {
    expect(parseSpans('9:00-12:00，13:30–18:00')).toEqual({
      spans: [
        { start: '09:00', end: '12:00' },
        { start: '13:30', end: '18:00' },
      ],
    });
    expect(parseSpans('12-13')).toEqual({ bad: '12-13' });
    expect(parseSpans('  ')).toEqual({ spans: [] });
  });

  it('puts a lunch break and a short Friday into the calendar, and back into text', () => {
    const cal = { ...defaultPlan.calendar };
    const read = withPeriods(cal, { breaks: '12:00-13:30', weekdays: { '5': '09:00-12:00, 13:30-16:00', '6': '' } });
    if (!('calendar' in read)) throw new Error('expected a calendar');
    expect(read.calendar.breaks).toEqual([{ start: '12:00', end: '13:30' }]);
    expect(read.calendar.weekdays).toEqual({
      '5': [
        { start: '09:00', end: '12:00' },
        { start: '13:30', end: '16:00' },
      ],
    });
    expect(periodTextsOf(read.calendar)).toEqual({
      breaks: '12:00-13:30',
      weekdays: { '5': '09:00-12:00, 13:30-16:00' },
    });
    expect(spansText(undefined)).toBe('');
  });

  it('keeps a calendar without periods as it was, and reports bad text by field', () => {
    expect(withPeriods(defaultPlan.calendar, { breaks: '', weekdays: {} })).toEqual({
      calendar: defaultPlan.calendar,
    });
    expect(withPeriods(defaultPlan.calendar, { breaks: 'noon', weekdays: { '5': '9-4' } })).toEqual({
      bad: ['breaks: "noon"', 'weekdays › 5: "9-4"'],
    });
  });
});
