import { describe, expect, it } from 'vitest';
import { overdueActivityItem, type PlannedActivity } from './overdue-activities';

const at = (iso: string) => Date.parse(iso);

const review: PlannedActivity = {
  id: 'A1',
  ownerUserId: 'u1',
  title: 'Partner review',
  channel: 'video',
  startAtMs: at('2026-01-31T15:00:00+08:00'),
  endAtMs: at('2026-01-31T16:00:00+08:00'),
  recurrence: 'none',
};

describe('overdueActivityItem', () => {
  it('lists a one-off once the local day of its end is over, not before', () => {
    expect(overdueActivityItem(review, at('2026-01-31T23:59:00+08:00'), 'Asia/Shanghai')).toBeNull();
    expect(overdueActivityItem(review, at('2026-02-01T00:00:00+08:00'), 'Asia/Shanghai')).toMatchObject({
      kind: 'activity',
      id: 'A1',
      state: 'overdue',
      startAt: '2026-01-31T07:00:00.000Z',
    });
    // The day is the org's: at 00:30 in Shanghai it is still 31 January in London.
    expect(overdueActivityItem(review, at('2026-02-01T00:30:00+08:00'), 'Europe/London')).toBeNull();
  });

  it('dates a recurring one by its latest past occurrence, months clamped to their last day', () => {
    const monthly = { ...review, recurrence: 'monthly' as const };
    expect(overdueActivityItem(monthly, at('2026-03-15T09:00:00+08:00'), 'Asia/Shanghai')).toMatchObject({
      startAt: '2026-02-28T07:00:00.000Z',
      endAt: '2026-02-28T08:00:00.000Z',
    });
    expect(overdueActivityItem(monthly, at('2026-04-01T00:00:00+08:00'), 'Asia/Shanghai')).toMatchObject({
      startAt: '2026-03-31T07:00:00.000Z',
    });
  });
});
