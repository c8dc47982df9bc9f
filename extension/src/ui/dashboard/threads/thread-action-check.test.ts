import { describe, expect, it } from 'vitest';
import { checkThreadAction } from './thread-action-check';

const zone = 'Asia/Shanghai';
const now = Date.parse('2026-03-12T04:00:00Z'); // 12:00 in Shanghai
const opened: { openedAt: string; resolvedAt: string | null } = { openedAt: '2026-03-10T01:00:00Z', resolvedAt: null }; // 09:00 on the 10th

describe('checkThreadAction', () => {
  it('gives the instant typed in the plan’s zone', () => {
    expect(checkThreadAction(opened, 'resolve', { at: '2026-03-11T17:30', note: '' }, zone, now)).toEqual({
      problems: [],
      at: '2026-03-11T17:30:00+08:00',
    });
  });

  it('refuses a time to come, before the first message, or a reopening before the resolution', () => {
    const problems = (at: string, action: 'resolve' | 'reopen' = 'resolve', item = opened) =>
      checkThreadAction(item, action, { at, note: '' }, zone, now).problems;
    expect(problems('2026-03-12T12:01')).toEqual([{ kind: 'future' }]);
    expect(problems('2026-03-10T08:59')).toEqual([{ kind: 'beforeOpened', openedAt: opened.openedAt }]);
    expect(problems('')).toEqual([{ kind: 'invalid' }]);
    const resolved = { ...opened, resolvedAt: '2026-03-11T02:00:00Z' };
    expect(problems('2026-03-11T09:00', 'reopen', resolved)).toEqual([
      { kind: 'beforeResolved', resolvedAt: resolved.resolvedAt },
    ]);
    expect(problems('2026-03-11T10:00', 'reopen', resolved)).toEqual([]);
  });
});
