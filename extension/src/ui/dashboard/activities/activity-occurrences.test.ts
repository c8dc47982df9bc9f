import { describe, expect, it } from 'vitest';
import type { Activity } from '@comms-log/shared';
import { activityOccurrences } from './activity-occurrences';

const activity = (a: Partial<Activity> & Pick<Activity, 'id' | 'startAt' | 'endAt'>): Activity => ({
  title: a.id,
  stakeholderType: null,
  stakeholderIds: [],
  channel: 'in_person',
  ownerUserId: 'u-me',
  milestones: [],
  recurrence: 'none',
  status: 'planned',
  heldInteractionId: null,
  invited: null,
  attended: null,
  heldAt: null,
  createdBy: 'u-me',
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  ...a,
});

// March 2026 in Shanghai.
const march = { from: '2026-02-28T16:00:00.000Z', to: '2026-03-31T16:00:00.000Z' };

describe('the period’s activities', () => {
  it('expands a weekly meeting into its March dates, by date, and rates execution over the due ones', () => {
    const weekly = activity({
      id: 'W',
      startAt: '2026-02-23T02:00:00Z', // Mondays 10:00 in Shanghai
      endAt: '2026-02-23T03:00:00Z',
      recurrence: 'weekly',
    });
    const review = activity({
      id: 'R',
      startAt: '2026-03-05T02:00:00Z',
      endAt: '2026-03-05T03:00:00Z',
      status: 'held',
      heldAt: '2026-03-05T02:30:00Z',
    });
    const { occurrences, execution } = activityOccurrences(
      [weekly, review],
      march,
      'Asia/Shanghai',
      Date.parse('2026-03-20T04:00:00Z'),
    );
    expect(occurrences.map((o) => `${o.activity.id}@${new Date(o.startMs).toISOString().slice(5, 10)}`)).toEqual([
      'W@03-02',
      'R@03-05',
      'W@03-09',
      'W@03-16',
      'W@03-23',
      'W@03-30',
    ]);
    // Due by 20 March: three weekly meetings still planned (not held) and the review held on its day.
    expect(execution.rate).toEqual({ value: 0.25, numerator: 1, denominator: 4 });
    expect(execution.upcoming).toBe(2);
  });
});
