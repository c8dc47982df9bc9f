import { describe, expect, it } from 'vitest';
import { countOverdueItems, defaultPlan } from '@comms-log/shared/domain';
import type { InteractionData } from '@comms-log/shared';
import {
  computeLocalOverdue,
  groupItems,
  withoutActedOn,
  type FollowupActionRow,
  type LocalOverdueInput,
} from './local';
import type { LocalFollowup, LocalInteraction, LocalStakeholder } from '../outbox/local-db';

const at = (local: string) => Date.parse(`${local}+08:00`);
const iso = (local: string) => new Date(at(local)).toISOString();
const NOW = at('2026-03-11T15:00:00'); // Wednesday, Shanghai

/** Created (and last changed) on 1 March: a stakeholder we never contacted is due by the end of the month. */
function stakeholder(id: string, type: LocalStakeholder['type'], name: string): LocalStakeholder {
  return {
    id,
    name,
    type,
    tier: 'standard',
    organization: null,
    ownerUserId: null,
    cadenceOverride: null,
    active: true,
    identities: [],
    createdAt: iso('2026-03-01T09:00:00'),
    updatedAt: iso('2026-03-01T09:00:00'),
    identityKeys: [],
    nameLower: name.toLowerCase(),
    pending: false,
  };
}

function interaction(
  p: Partial<InteractionData> & Pick<InteractionData, 'id' | 'direction' | 'occurredAt' | 'stakeholderId'>,
  server: Partial<LocalInteraction> | null,
): LocalInteraction {
  const base: InteractionData = {
    source: 'gmail',
    externalId: p.id,
    threadKey: `gmail:${p.stakeholderId}`,
    channel: 'email',
    stakeholderType: 'customer',
    author: { name: 'x', handle: null },
    title: 'Order 1182',
    snippet: null,
    url: 'https://mail.google.com/mail/u/0/#inbox/1',
    durationMin: null,
    note: null,
    automated: false,
    internal: false,
    purpose: null,
    ...p,
  };
  return server === null
    ? { ...base, loggedAt: p.occurredAt, pending: true }
    : {
        ...base,
        userId: 'u1',
        deleted: false,
        createdAt: p.occurredAt,
        updatedAt: p.occurredAt,
        waitStart: false,
        repliedAt: null,
        onTime: null,
        loggedAt: p.occurredAt,
        pending: false,
        ...server,
      };
}

const customerEmail = interaction(
  { id: 'I1', direction: 'inbound', occurredAt: iso('2026-03-09T10:00:00'), stakeholderId: 'C1' },
  { waitStart: true, onTime: 'pending' },
);
const partnerEmail = interaction(
  {
    id: 'I2',
    direction: 'outbound',
    occurredAt: iso('2026-01-30T10:00:00'),
    stakeholderId: 'P1',
    stakeholderType: 'partner',
  },
  {},
);
const reminder: LocalFollowup = {
  id: 'F1',
  dueAt: iso('2026-03-10T09:00:00'),
  note: 'Send the quote',
  stakeholderId: 'C1',
  threadKey: null,
  url: null,
  status: 'open',
  snoozedUntil: null,
  userId: 'u1',
  deleted: false,
  updatedAt: iso('2026-03-01T09:00:00'),
  seq: 3,
  pending: false,
};

function input(over: Partial<LocalOverdueInput> = {}): LocalOverdueInput {
  return {
    plan: defaultPlan,
    asOfMs: NOW,
    forUserId: 'u1',
    me: 'u1',
    interactions: [customerEmail, partnerEmail],
    stakeholders: [stakeholder('C1', 'customer', 'Marcus Reid'), stakeholder('P1', 'partner', 'Kestrel Payments')],
    followups: [reminder],
    actions: [],
    ...over,
  };
}

function action(
  p: Partial<FollowupActionRow> & Pick<FollowupActionRow, 'type' | 'targetKind' | 'targetId'>,
): FollowupActionRow {
  return {
    key: `${p.type}:${p.targetId}`,
    untilMs: null,
    reason: null,
    userId: 'u1',
    queuedAtMs: NOW - 1000,
    state: 'pending',
    error: null,
    attempts: 0,
    ...p,
  };
}

const keys = (r: ReturnType<typeof computeLocalOverdue>) => r.items.map((i) => `${i.kind}:${i.id}:${i.state}`);

describe('computeLocalOverdue', () => {
  it("runs a never-contacted stakeholder's cadence from its creation, as the server does, not from its last change", () => {
    // Created on 1 January, renamed on 1 March, never contacted: a customer (30 days) was due by 31 January.
    const quiet = {
      ...stakeholder('N1', 'customer', 'Quiet Co'),
      ownerUserId: 'u1',
      createdAt: iso('2026-01-01T00:00:00'),
    };
    const r = computeLocalOverdue(input({ interactions: [], followups: [], stakeholders: [quiet] }));
    expect(keys(r)).toEqual(['cadence:N1:overdue']);
    const c = r.items[0]!;
    if (c.kind !== 'cadence') throw new Error('expected cadence');
    expect(c.dueBy).toBe(iso('2026-01-31T00:00:00'));
    expect(c.lastContactAt).toBeNull();
    expect(c.daysSince).toBeNull();

    // Cached before the server sent createdAt: only the last change can stand in, so it is not due yet.
    const { createdAt: _, ...cachedBefore } = quiet;
    expect(keys(computeLocalOverdue(input({ interactions: [], followups: [], stakeholders: [cachedBefore] })))).toEqual(
      [],
    );
  });

  it('lists the late customer email, the partner past cadence and the reminder due, in their groups', () => {
    const r = computeLocalOverdue(input());
    expect(keys(r)).toEqual(['wait:I1:late', 'cadence:P1:overdue', 'reminder:F1:due']);
    const g = groupItems(r.items);
    expect(g.awaiting.map((i) => i.id)).toEqual(['I1']);
    expect(g.cold.map((i) => i.id)).toEqual(['P1']);
    expect(g.reminders.map((i) => i.id)).toEqual(['F1']);
    expect(r.counts).toEqual({ late: 1, dueSoon: 0, cadenceOverdue: 1, cadenceDue: 0, reminders: 1 });
    const w = r.items[0]!;
    expect(w.kind === 'wait' && w.sla).toEqual({ value: 4, unit: 'working_hours' });
    // Mon 10:00 -> Wed 15:00: 8 + 9 + 6 working hours.
    expect(w.kind === 'wait' && w.waitedWorkMs).toBe(23 * 3_600_000);
    const c = r.items[1]!;
    expect(c.kind === 'cadence' && c.daysSince).toBe(40);
  });

  it('a call logged in the outbox (not yet synced, no server user id) answers the wait and resets the cadence', () => {
    const call = interaction(
      {
        id: 'I3',
        source: 'manual',
        externalId: null,
        threadKey: 'manual:I3',
        channel: 'phone',
        direction: 'outbound',
        occurredAt: iso('2026-03-11T14:00:00'),
        stakeholderId: 'C1',
        url: null,
      },
      null,
    );
    const meeting = interaction(
      {
        id: 'I4',
        source: 'manual',
        externalId: null,
        threadKey: 'manual:I4',
        channel: 'video',
        direction: 'outbound',
        occurredAt: iso('2026-03-11T14:30:00'),
        stakeholderId: 'P1',
        stakeholderType: 'partner',
        url: null,
      },
      null,
    );
    expect(keys(computeLocalOverdue(input({ interactions: [customerEmail, partnerEmail, call, meeting] })))).toEqual([
      'reminder:F1:due',
    ]);
  });

  it('"no reply needed" queued offline removes the wait; refused by the server, it comes back', () => {
    const close = action({ type: 'close', targetKind: 'wait', targetId: 'I1', reason: 'they said thanks' });
    expect(keys(computeLocalOverdue(input({ actions: [close] })))).toEqual(['cadence:P1:overdue', 'reminder:F1:due']);
    expect(keys(computeLocalOverdue(input({ actions: [{ ...close, state: 'sent' }] })))).not.toContain('wait:I1:late');
    expect(keys(computeLocalOverdue(input({ actions: [{ ...close, state: 'rejected' }] })))).toContain('wait:I1:late');
  });

  it('a snooze hides the item until its time', () => {
    const snooze = (targetKind: FollowupActionRow['targetKind'], targetId: string, untilMs: number) =>
      action({ type: 'snooze', targetKind, targetId, untilMs, key: `snooze:${targetKind}:${targetId}` });
    const hidden = computeLocalOverdue(
      input({
        actions: [
          snooze('wait', 'I1', NOW + 3_600_000),
          snooze('cadence', 'P1', NOW + 3_600_000),
          snooze('followup', 'F1', NOW + 60_000),
        ],
      }),
    );
    expect(hidden.items).toEqual([]);
    const later = computeLocalOverdue(
      input({ asOfMs: NOW + 2 * 3_600_000, actions: [snooze('wait', 'I1', NOW + 3_600_000)] }),
    );
    expect(keys(later)[0]).toBe('wait:I1:late');
  });

  it('a reminder done (outbox upsert or queued completion) leaves the list', () => {
    expect(
      keys(computeLocalOverdue(input({ followups: [{ ...reminder, status: 'done', pending: true }] }))),
    ).not.toContain('reminder:F1:due');
    expect(
      keys(
        computeLocalOverdue(input({ actions: [action({ type: 'complete', targetKind: 'followup', targetId: 'F1' })] })),
      ),
    ).not.toContain('reminder:F1:due');
    const snoozedRow = { ...reminder, snoozedUntil: new Date(NOW + 60_000).toISOString(), pending: true };
    expect(keys(computeLocalOverdue(input({ followups: [snoozedRow] })))).not.toContain('reminder:F1:due');
  });

  it("takes the server's word for replies and closures the local copy cannot see", () => {
    // A colleague answered: staff do not pull colleagues' rows, but the derived repliedAt says so.
    const answered = { ...customerEmail, repliedAt: iso('2026-03-09T11:00:00'), onTime: 'on_time' as const };
    expect(keys(computeLocalOverdue(input({ interactions: [answered, partnerEmail] })))).not.toContain('wait:I1:late');
    const closed = { ...customerEmail, onTime: 'closed' as const };
    expect(keys(computeLocalOverdue(input({ interactions: [closed, partnerEmail] })))).not.toContain('wait:I1:late');
  });

  it("shows only the user's own waits and reminders, and everyone's for the team", () => {
    const theirs = { ...customerEmail, userId: 'u2' };
    const theirReminder = { ...reminder, userId: 'u2' };
    const mine = computeLocalOverdue(input({ interactions: [theirs, partnerEmail], followups: [theirReminder] }));
    expect(keys(mine)).toEqual(['cadence:P1:overdue']);
    const team = computeLocalOverdue(
      input({ forUserId: null, interactions: [theirs, partnerEmail], followups: [theirReminder] }),
    );
    expect(keys(team)).toEqual(['wait:I1:late', 'cadence:P1:overdue', 'reminder:F1:due']);
  });
});

describe('withoutActedOn', () => {
  it("hides from the server's list what queued actions settle, and recounts", () => {
    const server = computeLocalOverdue(input());
    const actions = [
      action({ type: 'close', targetKind: 'wait', targetId: 'I1' }),
      action({ type: 'snooze', targetKind: 'followup', targetId: 'F1', untilMs: NOW + 1000 }),
      action({ type: 'snooze', targetKind: 'cadence', targetId: 'P1', untilMs: NOW - 1000 }),
    ];
    const r = withoutActedOn(server, actions, NOW);
    expect(keys(r)).toEqual(['cadence:P1:overdue']);
    expect(r.counts).toEqual(countOverdueItems(r.items));
    expect(r.counts.late).toBe(0);
  });
});
