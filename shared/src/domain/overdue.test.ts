import { describe, expect, it } from 'vitest';
import { overdueResultSchema } from '../schemas/overdue';
import { defaultPlan } from './default-plan';
import {
  computeOverdue,
  type ComputeOverdueInput,
  type OverdueFollowup,
  type OverdueInteraction,
  type OverdueStakeholder,
} from './overdue';

const H = 3_600_000;
const at = (local: string) => Date.parse(`${local}+08:00`);
const utc = (local: string) => new Date(at(local)).toISOString();

let n = 0;
function msg(
  direction: 'inbound' | 'outbound',
  local: string,
  over: Partial<OverdueInteraction> = {},
): OverdueInteraction {
  n++;
  return {
    id: `i${n}`,
    threadKey: `gmail:${n}`,
    stakeholderId: 's1',
    stakeholderType: 'customer',
    channel: 'email',
    direction,
    occurredAtMs: at(local),
    userId: 'u1',
    ...over,
  };
}
function stakeholder(id: string, over: Partial<OverdueStakeholder> = {}): OverdueStakeholder {
  return {
    id,
    name: `Name ${id}`,
    type: 'customer',
    tier: 'standard',
    ownerUserId: null,
    cadenceOverride: null,
    active: true,
    createdAtMs: at('2026-01-01T09:00'),
    ...over,
  };
}
function followup(id: string, dueLocal: string, over: Partial<OverdueFollowup> = {}): OverdueFollowup {
  return {
    id,
    userId: 'u1',
    dueAtMs: at(dueLocal),
    note: `note ${id}`,
    status: 'open',
    snoozedUntilMs: null,
    stakeholderId: null,
    url: null,
    ...over,
  };
}

/** Asia/Shanghai, Mon–Fri 09:00–18:00; customer email SLA 4 working hours; due soon = 2 working hours. */
function scenario(): Omit<ComputeOverdueInput, 'asOfMs' | 'forUserId'> {
  const interactions: OverdueInteraction[] = [
    // W1: u1's, Mon 09:00, deadline Mon 13:00 -> late.
    msg('inbound', '2026-03-09T09:00', {
      id: 'w1',
      threadKey: 'gmail:t1',
      title: 'Invoice question',
      url: 'https://mail.google.com/#inbox/t1',
    }),
    // W2: u1's, Tue 10:00, deadline Tue 14:00 -> due soon at 12:00 (2 working hours left).
    msg('inbound', '2026-03-10T10:00', { id: 'w2', threadKey: 'gmail:t2' }),
    // W3: u2's, stakeholder s2 -> late, only in u2's and the team's list.
    msg('inbound', '2026-03-09T10:00', { id: 'w3', threadKey: 'gmail:t3', stakeholderId: 's2', userId: 'u2' }),
    // W4: answered by a colleague -> not listed.
    msg('inbound', '2026-03-09T11:00', { id: 'w4', threadKey: 'gmail:t4' }),
    msg('outbound', '2026-03-09T12:00', { id: 'w4r', threadKey: 'gmail:t4', userId: 'u2' }),
    // W5: closed "no reply needed" -> never listed.
    msg('inbound', '2026-03-09T09:30', {
      id: 'w5',
      threadKey: 'gmail:t5',
      closure: { atMs: at('2026-03-09T09:40'), reason: 'thanks only', byUserId: 'u1' },
    }),
    // W6: late but snoozed by u1 until Tue 13:00.
    msg('inbound', '2026-03-09T09:15', { id: 'w6', threadKey: 'gmail:t6' }),
    // W7: pending with plenty of time (social, 24 h) -> not listed.
    msg('inbound', '2026-03-10T11:00', { id: 'w7', threadKey: 'weibo:t7', channel: 'social' }),
    // W8: automated -> no wait.
    msg('inbound', '2026-03-09T09:00', { id: 'w8', threadKey: 'gmail:t8', automated: true }),
    // Deleted rows are ignored.
    msg('inbound', '2026-03-09T09:00', { id: 'w9', threadKey: 'gmail:t9', deleted: true }),
    // s3 (unowned): u1 logged an unanswered-then-closed inbound from them in February.
    msg('inbound', '2026-02-10T10:00', {
      id: 'x3',
      threadKey: 'gmail:s3',
      stakeholderId: 's3',
      closure: { atMs: at('2026-02-10T11:00'), reason: 'fyi', byUserId: 'u1' },
    }),
    // s4 (partner, u1's): last outbound 24 days ago -> due.
    msg('outbound', '2026-02-14T12:00', {
      id: 'x4',
      threadKey: 'gmail:s4',
      stakeholderId: 's4',
      stakeholderType: 'partner',
    }),
  ];
  const stakeholders: OverdueStakeholder[] = [
    stakeholder('s1', { ownerUserId: 'u1' }), // contacted Mon (w4r) -> ok
    stakeholder('s2', { ownerUserId: 'u2', createdAtMs: at('2025-12-01T09:00') }), // never contacted -> overdue
    stakeholder('s3'), // unowned, never contacted, u1 interacted -> overdue
    stakeholder('s4', { type: 'partner', ownerUserId: 'u1' }),
    stakeholder('s5', { ownerUserId: 'u1', active: false }),
    stakeholder('s6', { ownerUserId: 'u1' }), // overdue but snoozed
    stakeholder('s7', { type: 'media', ownerUserId: 'u1' }), // no cadence rule for standard media
    stakeholder('s8'), // unowned, nobody from u1 -> only the team's list
  ];
  const followups: OverdueFollowup[] = [
    followup('f1', '2026-03-10T20:00'), // later today, local
    followup('f2', '2026-03-11T09:00'), // tomorrow
    followup('f3', '2026-03-09T09:00', { snoozedUntilMs: at('2026-03-10T15:00') }),
    followup('f4', '2026-03-09T09:00', { status: 'done' }),
    followup('f5', '2026-03-09T16:00', { userId: 'u2', stakeholderId: 's2' }),
  ];
  const snoozes: ComputeOverdueInput['snoozes'] = [
    { kind: 'wait', id: 'w6', untilMs: at('2026-03-10T13:00'), userId: 'u1' },
    { kind: 'cadence', id: 's6', untilMs: at('2026-03-11T00:00'), userId: 'u1' },
  ];
  return { plan: defaultPlan, interactions, stakeholders, followups, snoozes };
}

const summary = (r: ReturnType<typeof computeOverdue>) => r.items.map((i) => `${i.kind}:${i.id}:${i.state}`);

describe('computeOverdue', () => {
  it("lists a user's late and due-soon waits, cadence and reminders, most urgent first", () => {
    const r = computeOverdue({ ...scenario(), asOfMs: at('2026-03-10T12:00'), forUserId: 'u1' });
    expect(summary(r)).toEqual([
      'wait:w1:late',
      'cadence:s3:overdue',
      'reminder:f1:due',
      'wait:w2:due_soon',
      'cadence:s4:due',
    ]);
    expect(r.counts).toEqual({ late: 1, dueSoon: 1, cadenceOverdue: 1, cadenceDue: 1, reminders: 1 });
    expect(() => overdueResultSchema.parse(r)).not.toThrow();
  });

  it('fills wait items with times, the SLA and what the list shows', () => {
    const r = computeOverdue({ ...scenario(), asOfMs: at('2026-03-10T12:00'), forUserId: 'u1' });
    expect(r.items[0]).toEqual({
      kind: 'wait',
      id: 'w1',
      state: 'late',
      userId: 'u1',
      stakeholderId: 's1',
      stakeholderName: 'Name s1',
      stakeholderType: 'customer',
      channel: 'email',
      threadKey: 'gmail:t1',
      title: 'Invoice question',
      url: 'https://mail.google.com/#inbox/t1',
      since: utc('2026-03-09T09:00'),
      deadline: utc('2026-03-09T13:00'),
      waitedMs: 27 * H,
      waitedWorkMs: 12 * H,
      sla: { value: 4, unit: 'working_hours' },
    });
  });

  it('fills cadence items from the worst rule', () => {
    const r = computeOverdue({ ...scenario(), asOfMs: at('2026-03-10T12:00'), forUserId: 'u1' });
    const s4 = r.items.find((i) => i.id === 's4');
    expect(s4).toEqual({
      kind: 'cadence',
      id: 's4',
      state: 'due',
      stakeholderId: 's4',
      stakeholderName: 'Name s4',
      stakeholderType: 'partner',
      ownerUserId: 'u1',
      lastContactAt: utc('2026-02-14T12:00'),
      daysSince: 24,
      dueBy: utc('2026-03-16T12:00'),
      idealDays: 21,
      maxDays: 30,
    });
    const s3 = r.items.find((i) => i.id === 's3');
    expect(s3).toMatchObject({ lastContactAt: null, daysSince: null, dueBy: utc('2026-01-31T09:00') });
  });

  it("shows the whole team's items, with everyone's snoozes applied", () => {
    const r = computeOverdue({ ...scenario(), asOfMs: at('2026-03-10T12:00'), forUserId: null });
    expect(summary(r)).toEqual([
      'wait:w1:late',
      'wait:w3:late',
      'cadence:s2:overdue',
      'cadence:s3:overdue',
      'cadence:s8:overdue',
      'reminder:f5:due',
      'reminder:f1:due',
      'wait:w2:due_soon',
      'cadence:s4:due',
    ]);
    expect(r.counts).toEqual({ late: 2, dueSoon: 1, cadenceOverdue: 3, cadenceDue: 1, reminders: 2 });
  });

  it("applies only the user's own snoozes in their list", () => {
    const r = computeOverdue({ ...scenario(), asOfMs: at('2026-03-10T12:00'), forUserId: 'u2' });
    expect(summary(r)).toEqual(['wait:w3:late', 'cadence:s2:overdue', 'reminder:f5:due']);
    const othersSnooze = scenario();
    othersSnooze.snoozes = [{ kind: 'wait', id: 'w3', untilMs: at('2026-03-12T00:00'), userId: 'u1' }];
    expect(summary(computeOverdue({ ...othersSnooze, asOfMs: at('2026-03-10T12:00'), forUserId: 'u2' }))).toContain(
      'wait:w3:late',
    );
  });

  it('hides snoozed items until their time, then shows them again', () => {
    const before = computeOverdue({ ...scenario(), asOfMs: at('2026-03-10T12:59'), forUserId: 'u1' });
    expect(summary(before)).not.toContain('wait:w6:late');
    const after = computeOverdue({ ...scenario(), asOfMs: at('2026-03-10T13:30'), forUserId: 'u1' });
    expect(summary(after).slice(0, 2)).toEqual(['wait:w1:late', 'wait:w6:late']);
    const reminderBack = computeOverdue({ ...scenario(), asOfMs: at('2026-03-10T15:00'), forUserId: 'u1' });
    expect(summary(reminderBack)).toContain('reminder:f3:due');
    const cadenceBack = computeOverdue({ ...scenario(), asOfMs: at('2026-03-11T00:00') + 1, forUserId: 'u1' });
    expect(summary(cadenceBack)).toContain('cadence:s6:overdue');
  });

  it('counts reminders due by the end of the local day in the calendar zone', () => {
    // 23:30 Shanghai is still Tuesday: f2 (Wed 09:00) is not due; at 00:00 Wednesday it is.
    expect(summary(computeOverdue({ ...scenario(), asOfMs: at('2026-03-10T23:30'), forUserId: 'u1' }))).not.toContain(
      'reminder:f2:due',
    );
    expect(summary(computeOverdue({ ...scenario(), asOfMs: at('2026-03-11T00:00'), forUserId: 'u1' }))).toContain(
      'reminder:f2:due',
    );
  });

  it('never lists answered, closed, automated, deleted or comfortably pending waits', () => {
    const ids = computeOverdue({ ...scenario(), asOfMs: at('2026-03-10T13:30'), forUserId: null }).items.map(
      (i) => i.id,
    );
    for (const id of ['w4', 'w5', 'w7', 'w8', 'w9']) expect(ids).not.toContain(id);
  });

  it('accepts waits paired elsewhere', () => {
    const base = scenario();
    const r = computeOverdue({ ...base, waits: [], asOfMs: at('2026-03-10T12:00'), forUserId: 'u1' });
    expect(r.counts.late).toBe(0);
    expect(r.counts.cadenceOverdue).toBe(1);
  });

  it('handles 5,000 stakeholders, 50k interactions and 5,000 reminders quickly', () => {
    const interactions: OverdueInteraction[] = [];
    const stakeholders: OverdueStakeholder[] = [];
    const followups: OverdueFollowup[] = [];
    const base = at('2026-01-05T09:00');
    for (let s = 0; s < 5_000; s++) {
      stakeholders.push(stakeholder(`s${s}`, { ownerUserId: `u${s % 20}` }));
      followups.push(followup(`f${s}`, '2026-03-09T09:00', { userId: `u${s % 20}` }));
      for (let k = 0; k < 10; k++) {
        interactions.push(
          msg(k % 3 === 2 ? 'outbound' : 'inbound', '2026-01-05T09:00', {
            threadKey: `t${s}`,
            stakeholderId: `s${s}`,
            userId: `u${s % 20}`,
            occurredAtMs: base + (s % 60) * 24 * H + k * 37 * 60_000,
          }),
        );
      }
    }
    const began = performance.now();
    const r = computeOverdue({
      plan: defaultPlan,
      asOfMs: at('2026-03-10T12:00'),
      forUserId: null,
      interactions,
      stakeholders,
      followups,
      snoozes: [],
    });
    expect(performance.now() - began).toBeLessThan(3000);
    expect(r.counts.reminders).toBe(5_000);
    expect(r.counts.late).toBeGreaterThan(1_000);
  });
});
