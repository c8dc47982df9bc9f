import { describe, expect, it } from 'vitest';
import type { Plan } from '../schemas/plan';
import { defaultPlan } from './default-plan';
import { deadlineFor, durationSpecMs, isWorkingDuration, resolveSla } from './sla';

const H = 3_600_000;
const at = (iso: string) => Date.parse(iso);
const cal = defaultPlan.calendar;

describe('resolveSla', () => {
  it('prefers the exact type + channel rule', () => {
    expect(resolveSla(defaultPlan, 'customer', 'email')).toEqual({ value: 4, unit: 'working_hours' });
    expect(resolveSla(defaultPlan, 'customer', 'social')).toEqual({ value: 24, unit: 'hours' });
    expect(resolveSla(defaultPlan, 'customer', 'phone')).toEqual({ value: 15, unit: 'minutes' });
  });

  it("falls back to the type's any-channel rule", () => {
    expect(resolveSla(defaultPlan, 'customer', 'video')).toEqual({ value: 4, unit: 'working_hours' });
    expect(resolveSla(defaultPlan, 'partner', 'social')).toEqual({ value: 1, unit: 'working_days' });
  });

  it('finds the exact rule even when the fallback is listed first', () => {
    const plan: Plan = {
      ...defaultPlan,
      sla: [
        { stakeholderType: 'media', channel: null, limit: { value: 24, unit: 'hours' } },
        { stakeholderType: 'media', channel: 'email', limit: { value: 2, unit: 'hours' } },
      ],
    };
    expect(resolveSla(plan, 'media', 'email')).toEqual({ value: 2, unit: 'hours' });
    expect(resolveSla(plan, 'media', 'social')).toEqual({ value: 24, unit: 'hours' });
  });

  it('is null when the plan has no rule for the type', () => {
    expect(resolveSla({ ...defaultPlan, sla: [] }, 'customer', 'email')).toBeNull();
    const plan: Plan = {
      ...defaultPlan,
      sla: [{ stakeholderType: 'media', channel: 'email', limit: { value: 1, unit: 'hours' } }],
    };
    expect(resolveSla(plan, 'media', 'social')).toBeNull();
  });
});

describe('durationSpecMs', () => {
  it('converts each unit', () => {
    expect(durationSpecMs({ value: 15, unit: 'minutes' })).toBe(15 * 60_000);
    expect(durationSpecMs({ value: 24, unit: 'hours' })).toBe(24 * H);
    expect(durationSpecMs({ value: 4, unit: 'working_hours' })).toBe(4 * H);
    expect(durationSpecMs({ value: 2, unit: 'working_days' }, cal)).toBe(18 * H);
    expect(() => durationSpecMs({ value: 2, unit: 'working_days' })).toThrow(/calendar/);
    expect(isWorkingDuration({ value: 1, unit: 'hours' })).toBe(false);
    expect(isWorkingDuration({ value: 1, unit: 'working_days' })).toBe(true);
  });

  it('gives whole milliseconds, as instants are stored', () => {
    expect(durationSpecMs({ value: 1.0000001, unit: 'minutes' })).toBe(60_000);
    expect(durationSpecMs({ value: 1 / 3, unit: 'working_days' }, cal)).toBe(3 * H);
  });
});

describe('deadlineFor', () => {
  it('adds calendar units on the wall clock, even out of hours', () => {
    expect(deadlineFor(at('2026-03-13T17:00+08:00'), { value: 24, unit: 'hours' }, cal)).toBe(
      at('2026-03-14T17:00+08:00'),
    );
    expect(deadlineFor(at('2026-03-14T23:00+08:00'), { value: 15, unit: 'minutes' }, cal)).toBe(
      at('2026-03-14T23:15+08:00'),
    );
  });

  it('adds working units on the calendar', () => {
    expect(deadlineFor(at('2026-03-13T17:00+08:00'), { value: 4, unit: 'working_hours' }, cal)).toBe(
      at('2026-03-16T12:00+08:00'),
    );
    expect(deadlineFor(at('2026-03-13T17:00+08:00'), { value: 1, unit: 'working_days' }, cal)).toBe(
      at('2026-03-16T17:00+08:00'),
    );
    expect(deadlineFor(at('2026-03-14T10:00+08:00'), { value: 1, unit: 'working_days' }, cal)).toBe(
      at('2026-03-16T18:00+08:00'),
    );
  });

  it('says "no deadline" (null) for a working limit on a calendar without working time in reach', () => {
    const never = { ...cal, workDays: [], extraWorkDays: ['2020-01-04'] };
    expect(deadlineFor(at('2026-03-13T17:00+08:00'), { value: 4, unit: 'working_hours' }, never)).toBeNull();
    // Calendar units do not need the calendar.
    expect(deadlineFor(at('2026-03-13T17:00+08:00'), { value: 1, unit: 'hours' }, never)).toBe(
      at('2026-03-13T18:00+08:00'),
    );
  });

  it('keeps 24 calendar hours across a DST change at 23 h of offset difference', () => {
    const berlin = { ...cal, timeZone: 'Europe/Berlin' };
    // 24 elapsed hours from Saturday 12:00 CET is Sunday 13:00 CEST.
    expect(deadlineFor(at('2026-03-28T12:00+01:00'), { value: 24, unit: 'hours' }, berlin)).toBe(
      at('2026-03-29T13:00+02:00'),
    );
  });
});
