import { describe, expect, it } from 'vitest';
import { defaultPlan } from './default-plan';
import { classifyWait, dueSoon } from './on-time';
import { openWait, type Wait } from './pairing';

const at = (local: string) => Date.parse(`${local}+08:00`);
const cal = defaultPlan.calendar;

/** A customer email wait that started Mon 10:00 with a 4-working-hour SLA (deadline Mon 14:00). */
function wait(over: Partial<Wait> = {}): Wait {
  return {
    ...openWait({
      id: 'a',
      threadKey: 'gmail:t',
      stakeholderId: 's1',
      stakeholderType: 'customer',
      channel: 'email',
      userId: 'u1',
      startMs: at('2026-03-09T10:00'),
      slaLimit: { value: 4, unit: 'working_hours' },
      deadlineMs: at('2026-03-09T14:00'),
      firstInConversation: true,
    }),
    ...over,
  };
}
const replied = (local: string) => wait({ replyId: 'r', replyAtMs: at(local), repliedBy: 'u1' });

describe('classifyWait', () => {
  const later = at('2026-03-20T00:00');
  it('is on time when replied at or before the deadline, late after it', () => {
    expect(classifyWait(replied('2026-03-09T13:00'), later)).toBe('on_time');
    expect(classifyWait(replied('2026-03-09T14:00'), later)).toBe('on_time');
    expect(classifyWait(wait({ replyId: 'r', replyAtMs: at('2026-03-09T14:00') + 1 }), later)).toBe('late');
  });

  it('counts an unanswered wait past its deadline as late, inside it as pending', () => {
    expect(classifyWait(wait(), at('2026-03-09T13:59'))).toBe('pending');
    expect(classifyWait(wait(), at('2026-03-09T14:00'))).toBe('pending');
    expect(classifyWait(wait(), at('2026-03-09T14:00') + 1)).toBe('late');
  });

  it('treats a closed wait as closed, even past its deadline', () => {
    const closed = wait({ closedAtMs: at('2026-03-10T10:00'), closeReason: 'out of office reply' });
    expect(classifyWait(closed, later)).toBe('closed');
  });

  it('evaluates as of the given instant: later replies and closures have not happened yet', () => {
    expect(classifyWait(replied('2026-03-09T16:00'), at('2026-03-09T12:00'))).toBe('pending');
    expect(classifyWait(replied('2026-03-09T16:00'), at('2026-03-09T15:00'))).toBe('late');
    expect(classifyWait(wait({ closedAtMs: at('2026-03-10T10:00') }), at('2026-03-09T15:00'))).toBe('late');
  });

  it('without an SLA rule: on time once answered, pending until then', () => {
    expect(
      classifyWait(wait({ slaLimit: null, deadlineMs: null, replyAtMs: at('2026-03-12T10:00'), replyId: 'r' }), later),
    ).toBe('on_time');
    expect(classifyWait(wait({ slaLimit: null, deadlineMs: null }), later)).toBe('pending');
  });
});

describe('dueSoon', () => {
  it('flags pending waits whose deadline is within the working-hour window', () => {
    expect(dueSoon(wait(), at('2026-03-09T12:00'), cal, 2)).toBe(true);
    expect(dueSoon(wait(), at('2026-03-09T11:59'), cal, 2)).toBe(false);
    expect(dueSoon(wait(), at('2026-03-09T14:00'), cal, 2)).toBe(true);
  });

  it('counts working hours, not calendar hours, to the deadline', () => {
    // Deadline Mon 10:00; at Fri 17:30 only 1.5 working hours remain (Fri 0.5 h + Mon 1 h).
    const w = wait({ startMs: at('2026-03-13T15:00'), deadlineMs: at('2026-03-16T10:00') });
    expect(dueSoon(w, at('2026-03-13T17:30'), cal, 2)).toBe(true);
    expect(dueSoon(w, at('2026-03-13T16:30'), cal, 2)).toBe(false);
  });

  it('is false for late, answered, closed or deadline-less waits, and when switched off', () => {
    expect(dueSoon(wait(), at('2026-03-09T15:00'), cal, 2)).toBe(false);
    expect(dueSoon(replied('2026-03-09T11:00'), at('2026-03-09T13:00'), cal, 2)).toBe(false);
    expect(dueSoon(wait({ closedAtMs: at('2026-03-09T11:00') }), at('2026-03-09T13:00'), cal, 2)).toBe(false);
    expect(dueSoon(wait({ deadlineMs: null, slaLimit: null }), at('2026-03-09T13:00'), cal, 2)).toBe(false);
    expect(dueSoon(wait(), at('2026-03-09T13:00'), cal, 0)).toBe(false);
  });

  it('flags a calendar-time deadline with no working time left before it', () => {
    const social = wait({
      channel: 'social',
      startMs: at('2026-03-14T09:00'),
      deadlineMs: at('2026-03-15T09:00'),
      slaLimit: { value: 24, unit: 'hours' },
    });
    expect(dueSoon(social, at('2026-03-14T12:00'), cal, 2)).toBe(true);
  });
});
