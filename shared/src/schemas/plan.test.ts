import { describe, expect, it } from 'vitest';
import { defaultPlan } from '../domain/default-plan';
import { durationSpecSchema, planSchema, workCalendarSchema } from './plan';

const issues = (r: { error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  r.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];

describe('workCalendarSchema: a calendar has working time', () => {
  it('refuses one without working days', () => {
    expect(issues(workCalendarSchema.safeParse({ ...defaultPlan.calendar, workDays: [] }))).toEqual([
      'workDays: the working calendar needs at least one working day (workDays: 1 = Monday … 7 = Sunday)',
    ]);
  });

  it('refuses empty working hours', () => {
    expect(issues(workCalendarSchema.safeParse({ ...defaultPlan.calendar, start: '09:00', end: '09:00' }))).toEqual([
      'end: working hours must end after they start: the working day has no working time',
    ]);
    expect(workCalendarSchema.safeParse({ ...defaultPlan.calendar, start: '00:00', end: '24:00' }).success).toBe(true);
  });
});

describe('durationSpecSchema: limits from one minute to one year', () => {
  it('refuses a limit under one minute', () => {
    expect(issues(durationSpecSchema.safeParse({ value: 1e-9, unit: 'hours' }))).toEqual([
      'value: a limit is at least one minute and at most 8784 hours (one year)',
    ]);
    expect(durationSpecSchema.safeParse({ value: 0.5, unit: 'minutes' }).success).toBe(false);
    expect(durationSpecSchema.safeParse({ value: 1, unit: 'minutes' }).success).toBe(true);
    expect(durationSpecSchema.safeParse({ value: 1 / 60, unit: 'working_hours' }).success).toBe(true);
  });

  it('refuses a limit over one year', () => {
    expect(durationSpecSchema.safeParse({ value: 366 * 24 * 60 + 1, unit: 'minutes' }).success).toBe(false);
    expect(durationSpecSchema.safeParse({ value: 8785, unit: 'working_hours' }).success).toBe(false);
    expect(issues(durationSpecSchema.safeParse({ value: 367, unit: 'working_days' }))).toEqual([
      'value: a limit in working days is at most 366 working days, and at least one minute',
    ]);
  });

  it('checks a working-day limit against the length of the calendar’s working day', () => {
    const sla = (value: number) => [
      { stakeholderType: 'customer', channel: null, limit: { value, unit: 'working_days' } },
    ];
    // Nine working hours a day: a minute is 1/540 of a working day.
    expect(planSchema.safeParse({ ...defaultPlan, sla: sla(1 / 540) }).success).toBe(true);
    expect(issues(planSchema.safeParse({ ...defaultPlan, sla: sla(1 / 600) }))).toEqual([
      'sla.0.limit.value: a limit in working days is at most 366 working days, and at least one minute',
    ]);
  });
});
