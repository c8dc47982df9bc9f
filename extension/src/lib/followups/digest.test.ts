import { describe, expect, it } from 'vitest';
import type { OverdueItem, WorkCalendar } from '@comms-log/shared';
import { digestDueOn, digestMessage, lateMessage, newlyLate } from './digest';

const cal: WorkCalendar = {
  timeZone: 'Europe/Berlin',
  workDays: [1, 2, 3, 4, 5],
  start: '08:30',
  end: '17:00',
  holidays: ['2026-04-06'],
  extraWorkDays: ['2026-04-11'],
};

describe('digestDueOn', () => {
  it('fires from the start of the working day in the calendar zone, once a day', () => {
    // Tuesday 2026-03-10, Berlin is UTC+1.
    expect(digestDueOn(Date.parse('2026-03-10T07:29:00Z'), cal, null)).toBeNull();
    expect(digestDueOn(Date.parse('2026-03-10T07:30:00Z'), cal, null)).toBe('2026-03-10');
    expect(digestDueOn(Date.parse('2026-03-10T07:31:00Z'), cal, '2026-03-10')).toBeNull();
    expect(digestDueOn(Date.parse('2026-03-11T07:31:00Z'), cal, '2026-03-10')).toBe('2026-03-11');
  });

  it('a browser opened mid-morning still gets it; after hours it waits for the next working day', () => {
    expect(digestDueOn(Date.parse('2026-03-10T10:00:00Z'), cal, '2026-03-09')).toBe('2026-03-10');
    expect(digestDueOn(Date.parse('2026-03-10T16:00:00Z'), cal, '2026-03-09')).toBeNull();
  });

  it('skips weekends and holidays, and honours extra working days', () => {
    expect(digestDueOn(Date.parse('2026-03-14T09:00:00Z'), cal, null)).toBeNull();
    // Easter Monday 2026-04-06 is a holiday (Berlin on summer time, UTC+2).
    expect(digestDueOn(Date.parse('2026-04-06T07:00:00Z'), cal, null)).toBeNull();
    expect(digestDueOn(Date.parse('2026-04-11T07:00:00Z'), cal, null)).toBe('2026-04-11');
    // 06:45 UTC is 08:45 on summer time: open.
    expect(digestDueOn(Date.parse('2026-04-07T06:45:00Z'), cal, null)).toBe('2026-04-07');
  });

  it('lists the counts', () => {
    const m = digestMessage('en', { late: 2, dueSoon: 1, cadenceOverdue: 3, cadenceDue: 1, reminders: 5 });
    expect(m.message).toBe('2 late, 1 due soon, 4 going cold, 5 reminders');
    expect(
      digestMessage('zh_CN', { late: 2, dueSoon: 1, cadenceOverdue: 3, cadenceDue: 1, reminders: 5 }).message,
    ).toContain('2 条已超时');
  });
});

const wait = (id: string, state: 'late' | 'due_soon', name = id): OverdueItem => ({
  kind: 'wait',
  id,
  state,
  userId: 'u1',
  stakeholderId: 's',
  stakeholderName: name,
  stakeholderType: 'customer',
  channel: 'email',
  threadKey: 't',
  title: null,
  url: null,
  since: '2026-03-10T00:00:00.000Z',
  deadline: '2026-03-10T04:00:00.000Z',
  waitedMs: 1,
  waitedWorkMs: 1,
  sla: { value: 4, unit: 'working_hours' },
});

describe('newlyLate', () => {
  it('records the first check without announcing the backlog', () => {
    expect(newlyLate(null, [wait('a', 'late')])).toEqual({ lateKeys: ['wait:a'], fresh: [] });
  });

  it('announces only what turned late since the last check', () => {
    const { lateKeys, fresh } = newlyLate(
      ['wait:a'],
      [wait('a', 'late'), wait('b', 'late', 'Marcus'), wait('c', 'due_soon')],
    );
    expect(lateKeys).toEqual(['wait:a', 'wait:b']);
    expect(fresh.map((i) => i.id)).toEqual(['b']);
    expect(lateMessage('en', fresh).title).toBe('Now late: Marcus');
    expect(lateMessage('en', [wait('x', 'late'), wait('y', 'late')]).title).toBe('2 follow-ups are now late');
  });
});
