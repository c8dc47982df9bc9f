import { expect, it } from 'vitest';
import type { DrilldownItem } from '@comms-log/shared';
import { groupUnknown } from './unknown-threads';

const item = (threadKey: string, occurredAt: string, title: string | null = null): DrilldownItem => ({
  id: `${threadKey}-${occurredAt}`,
  occurredAt,
  source: 'gmail',
  channel: 'email',
  direction: 'inbound',
  threadKey,
  title,
  url: null,
  stakeholderId: null,
  stakeholderName: null,
  stakeholderType: 'other',
  userId: 'u1',
  userName: null,
  waitStart: false,
  repliedAt: null,
  responseMs: null,
  responseWorkMs: null,
  deadlineAt: null,
  status: null,
});

it('groups unknown interactions by thread, busiest first, keeping the latest time and a title', () => {
  const groups = groupUnknown([
    item('a', '2026-03-01T00:00:00Z'),
    item('b', '2026-03-02T00:00:00Z', 'Hello'),
    item('a', '2026-03-05T00:00:00Z', 'Quote'),
    item('a', '2026-03-03T00:00:00Z'),
  ]);
  expect(groups.map((g) => [g.threadKey, g.count, g.lastAt, g.title])).toEqual([
    ['a', 3, '2026-03-05T00:00:00Z', 'Quote'],
    ['b', 1, '2026-03-02T00:00:00Z', 'Hello'],
  ]);
});
