import { describe, expect, it } from 'vitest';
import { liveChannels } from '../schemas/common';
import type { Plan } from '../schemas/plan';
import { defaultPlan } from './default-plan';
import { isLiveChannel, pairWaits, segmentGapMs, type PairingEvent } from './pairing';

const H = 3_600_000;
const DAY = 24 * H;
const at = (local: string) => Date.parse(`${local}+08:00`);

let seq = 0;
/** An event in Asia/Shanghai local time; defaults: customer email thread t1, stakeholder s1, logged by u1. */
function ev(direction: 'inbound' | 'outbound', local: string, over: Partial<PairingEvent> = {}): PairingEvent {
  seq++;
  return {
    id: over.id ?? `m${seq}`,
    threadKey: 'gmail:t1',
    stakeholderId: 's1',
    stakeholderType: 'customer',
    channel: 'email',
    direction,
    occurredAtMs: at(local),
    userId: 'u1',
    ...over,
  };
}

describe('pairWaits: basic pairing', () => {
  it('pairs an inbound with the next outbound in the thread and measures both clocks', () => {
    const waits = pairWaits(
      [
        ev('inbound', '2026-03-09T10:00', { id: 'in' }),
        ev('outbound', '2026-03-09T13:00', { id: 'out', userId: 'u2' }),
      ],
      defaultPlan,
    );
    expect(waits).toHaveLength(1);
    const [w] = waits;
    expect(w).toMatchObject({
      startId: 'in',
      messageIds: ['in'],
      userId: 'u1',
      replyId: 'out',
      repliedBy: 'u2',
      startMs: at('2026-03-09T10:00'),
      replyAtMs: at('2026-03-09T13:00'),
      responseMs: 3 * H,
      responseWorkMs: 3 * H,
      slaLimit: { value: 4, unit: 'working_hours' },
      deadlineMs: at('2026-03-09T14:00'),
      firstInConversation: true,
      closedAtMs: null,
    });
  });

  it('measures working time across a weekend', () => {
    const [w] = pairWaits([ev('inbound', '2026-03-13T17:00'), ev('outbound', '2026-03-16T11:00')], defaultPlan);
    expect(w!.responseMs).toBe(66 * H);
    expect(w!.responseWorkMs).toBe(3 * H);
    expect(w!.deadlineMs).toBe(at('2026-03-16T12:00'));
  });

  it('leaves an unanswered wait open', () => {
    const [w] = pairWaits([ev('inbound', '2026-03-10T09:00')], defaultPlan);
    expect(w).toMatchObject({
      replyId: null,
      replyAtMs: null,
      repliedBy: null,
      responseMs: null,
      responseWorkMs: null,
    });
    expect(w!.deadlineMs).toBe(at('2026-03-10T13:00'));
  });

  it('makes consecutive inbound messages one wait, clocked from the oldest', () => {
    const waits = pairWaits(
      [
        ev('inbound', '2026-03-13T17:00', { id: 'a' }),
        ev('inbound', '2026-03-13T17:30', { id: 'b' }),
        ev('inbound', '2026-03-14T08:00', { id: 'c' }),
        ev('outbound', '2026-03-16T11:00', { id: 'r' }),
      ],
      defaultPlan,
    );
    expect(waits).toHaveLength(1);
    expect(waits[0]).toMatchObject({
      startId: 'a',
      messageIds: ['a', 'b', 'c'],
      replyId: 'r',
      responseWorkMs: 3 * H,
      responseMs: 66 * H,
    });
  });

  it('reopens a wait when a later inbound arrives in an answered thread', () => {
    const waits = pairWaits(
      [
        ev('inbound', '2026-03-09T10:00', { id: 'a' }),
        ev('outbound', '2026-03-09T11:00', { id: 'r1' }),
        ev('inbound', '2026-03-09T15:00', { id: 'b' }),
        ev('outbound', '2026-03-10T10:00', { id: 'r2' }),
        ev('inbound', '2026-03-10T11:00', { id: 'c' }),
      ],
      defaultPlan,
    );
    expect(waits.map((w) => [w.startId, w.replyId, w.responseWorkMs, w.firstInConversation])).toEqual([
      ['a', 'r1', 1 * H, true],
      ['b', 'r2', 4 * H, false],
      ['c', null, null, false],
    ]);
  });

  it('ignores outbound messages with nothing to answer and a second reply', () => {
    const waits = pairWaits(
      [
        ev('outbound', '2026-03-09T09:00', { id: 'hello' }),
        ev('inbound', '2026-03-09T10:00', { id: 'a' }),
        ev('outbound', '2026-03-09T10:30', { id: 'r1' }),
        ev('outbound', '2026-03-09T10:40', { id: 'r2' }),
      ],
      defaultPlan,
    );
    expect(waits).toHaveLength(1);
    expect(waits[0]).toMatchObject({ startId: 'a', replyId: 'r1', firstInConversation: true });
  });

  it('sorts its input by time and keeps input order at the same instant', () => {
    const waits = pairWaits(
      [
        ev('outbound', '2026-03-09T12:00', { id: 'r' }),
        ev('inbound', '2026-03-09T10:00', { id: 'a' }),
        ev('inbound', '2026-03-09T11:00', { id: 'b' }),
      ],
      defaultPlan,
    );
    expect(waits[0]).toMatchObject({ startId: 'a', messageIds: ['a', 'b'], replyId: 'r' });
    const same = pairWaits(
      [ev('inbound', '2026-03-09T10:00', { id: 'x' }), ev('outbound', '2026-03-09T10:00', { id: 'y' })],
      defaultPlan,
    );
    expect(same[0]).toMatchObject({ replyId: 'y', responseMs: 0 });
    const reversed = pairWaits(
      [ev('outbound', '2026-03-09T10:00', { id: 'y' }), ev('inbound', '2026-03-09T10:00', { id: 'x' })],
      defaultPlan,
    );
    expect(reversed[0]).toMatchObject({ replyId: null });
  });

  it('keeps threads apart', () => {
    const waits = pairWaits(
      [
        ev('inbound', '2026-03-09T10:00', { id: 'a', threadKey: 'gmail:t1' }),
        ev('outbound', '2026-03-09T11:00', { id: 'r', threadKey: 'gmail:t2' }),
      ],
      defaultPlan,
    );
    expect(waits[0]!.replyId).toBeNull();
  });

  it('resolves the SLA by stakeholder type and channel, or none', () => {
    const social = pairWaits(
      [ev('inbound', '2026-03-14T22:00', { channel: 'social', threadKey: 'weibo:1' })],
      defaultPlan,
    );
    expect(social[0]).toMatchObject({ slaLimit: { value: 24, unit: 'hours' }, deadlineMs: at('2026-03-15T22:00') });
    const partner = pairWaits([ev('inbound', '2026-03-13T17:00', { stakeholderType: 'partner' })], defaultPlan);
    expect(partner[0]).toMatchObject({
      slaLimit: { value: 1, unit: 'working_days' },
      deadlineMs: at('2026-03-16T17:00'),
    });
    const none = pairWaits([ev('inbound', '2026-03-09T10:00')], { ...defaultPlan, sla: [] });
    expect(none[0]).toMatchObject({ slaLimit: null, deadlineMs: null });
  });
});

describe('pairWaits: what is not a wait or a reply', () => {
  it('automated and internal inbound messages start no wait', () => {
    expect(pairWaits([ev('inbound', '2026-03-09T10:00', { automated: true })], defaultPlan)).toEqual([]);
    expect(pairWaits([ev('inbound', '2026-03-09T10:00', { internal: true })], defaultPlan)).toEqual([]);
  });

  it('forwards/internal notes and automated outbound messages do not answer', () => {
    const waits = pairWaits(
      [
        ev('inbound', '2026-03-09T10:00', { id: 'a' }),
        ev('outbound', '2026-03-09T10:05', { id: 'fwd', internal: true }),
        ev('outbound', '2026-03-09T10:06', { id: 'auto', automated: true }),
        ev('outbound', '2026-03-09T12:00', { id: 'r' }),
      ],
      defaultPlan,
    );
    expect(waits).toHaveLength(1);
    expect(waits[0]).toMatchObject({ replyId: 'r', responseMs: 2 * H });
  });

  it('an automated inbound does not join or split a wait', () => {
    const waits = pairWaits(
      [
        ev('inbound', '2026-03-09T10:00', { id: 'a' }),
        ev('inbound', '2026-03-09T10:01', { id: 'bounce', automated: true }),
        ev('outbound', '2026-03-09T11:00'),
      ],
      defaultPlan,
    );
    expect(waits[0]!.messageIds).toEqual(['a']);
  });
});

describe('pairWaits: live conversations answer across channels', () => {
  it('keeps its live-channel list in step with the schemas', () => {
    expect(
      ['email', 'social', 'project', 'im', 'phone', 'video', 'in_person'].filter((c) => isLiveChannel(c as never)),
    ).toEqual([...liveChannels]);
  });

  it('a logged call with the same stakeholder answers a Weibo DM wait', () => {
    const waits = pairWaits(
      [
        ev('inbound', '2026-03-09T10:00', {
          id: 'dm',
          channel: 'social',
          threadKey: 'weibo:dm:9',
          stakeholderId: 'sW',
        }),
        ev('outbound', '2026-03-09T15:00', {
          id: 'call',
          channel: 'phone',
          threadKey: 'manual:01',
          stakeholderId: 'sW',
          userId: 'u3',
        }),
      ],
      defaultPlan,
    );
    expect(waits).toHaveLength(1);
    expect(waits[0]).toMatchObject({
      startId: 'dm',
      channel: 'social',
      replyId: 'call',
      repliedBy: 'u3',
      responseMs: 5 * H,
      responseWorkMs: 5 * H,
    });
  });

  it('a meeting answers every open wait of that stakeholder, whatever the thread', () => {
    const waits = pairWaits(
      [
        ev('inbound', '2026-03-09T10:00', { id: 'e1', threadKey: 'gmail:a' }),
        ev('inbound', '2026-03-09T11:00', { id: 'e2', threadKey: 'gmail:b' }),
        ev('inbound', '2026-03-09T11:30', { id: 'other', threadKey: 'gmail:c', stakeholderId: 's2' }),
        ev('outbound', '2026-03-09T14:00', { id: 'meet', channel: 'in_person', threadKey: 'manual:02' }),
      ],
      defaultPlan,
    );
    expect(waits.map((w) => [w.startId, w.replyId])).toEqual([
      ['e1', 'meet'],
      ['e2', 'meet'],
      ['other', null],
    ]);
  });

  it('an inbound call answers earlier waits (two-way) but starts no wait of its own', () => {
    const waits = pairWaits(
      [
        ev('inbound', '2026-03-09T10:00', { id: 'mail' }),
        ev('inbound', '2026-03-09T10:30', { id: 'call', channel: 'phone', threadKey: 'manual:03', userId: 'u4' }),
        ev('inbound', '2026-03-09T16:00', { id: 'missed', channel: 'video', threadKey: 'manual:04' }),
      ],
      defaultPlan,
    );
    expect(waits).toHaveLength(1);
    expect(waits[0]).toMatchObject({ startId: 'mail', replyId: 'call', repliedBy: 'u4', responseMs: 30 * 60_000 });
  });

  it('a call before the inbound, with another stakeholder, or marked internal does not answer', () => {
    const waits = pairWaits(
      [
        ev('outbound', '2026-03-09T09:00', { channel: 'phone', threadKey: 'manual:05' }),
        ev('inbound', '2026-03-09T10:00', { id: 'mail' }),
        ev('outbound', '2026-03-09T11:00', { channel: 'phone', threadKey: 'manual:06', stakeholderId: 's9' }),
        ev('outbound', '2026-03-09T12:00', { channel: 'video', threadKey: 'manual:07', internal: true }),
        ev('outbound', '2026-03-09T13:00', { channel: 'phone', threadKey: 'manual:08', stakeholderId: null }),
      ],
      defaultPlan,
    );
    expect(waits[0]!.replyId).toBeNull();
  });
});

describe('pairWaits: conversations and the segment gap', () => {
  it('starts a new conversation after an email thread is silent longer than 5 days', () => {
    const waits = pairWaits(
      [
        ev('inbound', '2026-03-02T10:00', { id: 'a' }),
        ev('outbound', '2026-03-02T11:00'),
        ev('inbound', '2026-03-06T10:00', { id: 'b' }), // 4 days later: same conversation
        ev('outbound', '2026-03-06T11:00'),
        ev('inbound', '2026-03-11T11:01', { id: 'c' }), // 5 days + 1 minute after the last message: new conversation
        ev('outbound', '2026-03-11T12:00'),
        ev('inbound', '2026-03-11T15:00', { id: 'd' }),
      ],
      defaultPlan,
    );
    expect(waits.map((w) => [w.startId, w.firstInConversation])).toEqual([
      ['a', true],
      ['b', false],
      ['c', true],
      ['d', false],
    ]);
  });

  it('uses 2 days for social, the plan for other channels, and 5 days as the fallback', () => {
    const social = pairWaits(
      [
        ev('inbound', '2026-03-02T10:00', { channel: 'social' }),
        ev('outbound', '2026-03-02T11:00', { channel: 'social' }),
        ev('inbound', '2026-03-04T12:00', { channel: 'social' }),
      ],
      defaultPlan,
    );
    expect(social.map((w) => w.firstInConversation)).toEqual([true, true]);
    const plan: Plan = { ...defaultPlan, segmentGapDays: { email: 1 } };
    expect(segmentGapMs(plan, 'email')).toBe(1 * DAY);
    expect(segmentGapMs(plan, 'social')).toBe(2 * DAY);
    expect(segmentGapMs(plan, 'project')).toBe(5 * DAY);
    const email = pairWaits(
      [ev('inbound', '2026-03-02T10:00'), ev('outbound', '2026-03-02T11:00'), ev('inbound', '2026-03-04T10:00')],
      plan,
    );
    expect(email.map((w) => w.firstInConversation)).toEqual([true, true]);
    const sameEmail = pairWaits(
      [ev('inbound', '2026-03-02T10:00'), ev('outbound', '2026-03-02T11:00'), ev('inbound', '2026-03-04T10:00')],
      defaultPlan,
    );
    expect(sameEmail.map((w) => w.firstInConversation)).toEqual([true, false]);
  });

  it('keeps an unanswered wait open across a gap, joined by the new inbound', () => {
    const waits = pairWaits(
      [
        ev('inbound', '2026-03-02T10:00', { id: 'a' }),
        ev('inbound', '2026-03-12T10:00', { id: 'b' }),
        ev('outbound', '2026-03-12T11:00', { id: 'r' }),
        ev('inbound', '2026-03-12T12:00', { id: 'c' }),
      ],
      defaultPlan,
    );
    expect(waits.map((w) => [w.startId, w.messageIds, w.replyId, w.firstInConversation])).toEqual([
      ['a', ['a', 'b'], 'r', true],
      ['c', ['c'], null, false],
    ]);
  });
});

describe('pairWaits: "no reply needed"', () => {
  const closure = { atMs: at('2026-03-09T11:00'), reason: 'thank-you note', byUserId: 'u7' };

  it('ends the wait without a reply, and a later outbound does not answer it', () => {
    const waits = pairWaits(
      [ev('inbound', '2026-03-09T10:00', { id: 'a', closure }), ev('outbound', '2026-03-09T12:00', { id: 'r' })],
      defaultPlan,
    );
    expect(waits).toHaveLength(1);
    expect(waits[0]).toMatchObject({
      closedAtMs: closure.atMs,
      closeReason: 'thank-you note',
      closedBy: 'u7',
      replyId: null,
      responseMs: null,
      responseWorkMs: null,
    });
  });

  it('lets the next inbound start a new wait', () => {
    const waits = pairWaits(
      [
        ev('inbound', '2026-03-09T10:00', { id: 'a', closure }),
        ev('inbound', '2026-03-09T15:00', { id: 'b' }),
        ev('outbound', '2026-03-09T16:00', { id: 'r' }),
      ],
      defaultPlan,
    );
    expect(waits.map((w) => [w.startId, w.closedAtMs, w.replyId])).toEqual([
      ['a', closure.atMs, null],
      ['b', null, 'r'],
    ]);
  });

  it('is ignored when a reply came first, and closes the whole block from any of its messages', () => {
    const late = { ...closure, atMs: at('2026-03-09T18:00') };
    const answered = pairWaits(
      [ev('inbound', '2026-03-09T10:00', { closure: late }), ev('outbound', '2026-03-09T12:00', { id: 'r' })],
      defaultPlan,
    );
    expect(answered[0]).toMatchObject({ replyId: 'r', closedAtMs: null });
    const block = pairWaits(
      [
        ev('inbound', '2026-03-09T09:00', { id: 'a' }),
        ev('inbound', '2026-03-09T10:00', { id: 'b', closure }),
        ev('outbound', '2026-03-09T12:00'),
      ],
      defaultPlan,
    );
    expect(block).toHaveLength(1);
    expect(block[0]).toMatchObject({ startId: 'a', messageIds: ['a', 'b'], closedAtMs: closure.atMs, replyId: null });
  });

  it('never closes before the message itself arrived', () => {
    const early = { ...closure, atMs: at('2026-03-09T08:00') };
    const [w] = pairWaits([ev('inbound', '2026-03-09T10:00', { closure: early })], defaultPlan);
    expect(w!.closedAtMs).toBe(at('2026-03-09T10:00'));
  });
});

describe('pairWaits: scale', () => {
  it('pairs 100k events across 10k threads quickly', () => {
    const events: PairingEvent[] = [];
    const base = at('2026-01-05T09:00');
    for (let i = 0; i < 100_000; i++) {
      const thread = i % 10_000;
      const step = Math.floor(i / 10_000);
      events.push({
        id: `e${i}`,
        threadKey: `gmail:${thread}`,
        stakeholderId: `s${thread % 2_000}`,
        stakeholderType: 'customer',
        channel: i % 97 === 0 ? 'phone' : 'email',
        direction: step % 3 === 2 ? 'outbound' : 'inbound',
        occurredAtMs: base + step * 7 * H + thread * 61_000,
        userId: `u${thread % 50}`,
      });
    }
    const began = performance.now();
    const waits = pairWaits(events, defaultPlan);
    const elapsed = performance.now() - began;
    expect(waits.length).toBeGreaterThan(20_000);
    expect(waits.filter((w) => w.replyId !== null).length).toBeGreaterThan(10_000);
    expect(elapsed).toBeLessThan(3000);
  });
});
