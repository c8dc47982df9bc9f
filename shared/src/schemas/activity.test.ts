import { describe, expect, it } from 'vitest';
import { activityInputSchema } from './activity';

const messages = (schema: { safeParse: (v: unknown) => { error?: { issues: { message: string }[] } } }, v: unknown) =>
  schema.safeParse(v).error?.issues.map((i) => i.message) ?? [];

describe('activityInputSchema', () => {
  const activity = {
    id: '01JQ6Z7YV3K4M5N6P7Q8R9S0TV',
    title: 'Quarterly partner review',
    stakeholderType: 'partner',
    channel: 'video',
    ownerUserId: 'u1',
    startAt: '2026-03-10T14:00:00+08:00',
    endAt: '2026-03-10T15:00:00+08:00',
  };

  it('defaults to a one-off planned activity without milestones', () => {
    expect(activityInputSchema.parse(activity)).toMatchObject({
      stakeholderIds: [],
      milestones: [],
      recurrence: 'none',
      status: 'planned',
    });
  });

  it('cannot end before it starts', () => {
    expect(messages(activityInputSchema, { ...activity, endAt: '2026-03-10T13:59:00+08:00' })).toEqual([
      'An activity cannot end before it starts',
    ]);
    expect(messages(activityInputSchema, { ...activity, endAt: activity.startAt })).toEqual([]);
  });
});
