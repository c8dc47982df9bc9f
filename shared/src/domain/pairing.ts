import type { Channel, StakeholderType } from '../schemas/common';
import type { DurationSpec, Plan } from '../schemas/plan';
import { deadlineFor, resolveSla } from './sla';
import { workingMsBetween } from './working-time';

const DAY_MS = 86_400_000;
/**
 * Same list as `liveChannels` in the schemas, kept here as a type-checked literal so that importing the domain
 * does not pull zod into the extension's background bundle.
 */
const liveChannelSet: ReadonlySet<Channel> = new Set<Channel>(['phone', 'video', 'in_person']);

/** "No reply needed": set on an inbound message of a wait that staff closed without replying. */
export type WaitClosure = { atMs: number; reason: string; byUserId: string };

/** One message or logged event, as response pairing needs it. Times are epoch ms. */
export type PairingEvent = {
  id: string;
  threadKey: string;
  stakeholderId: string | null;
  stakeholderType: StakeholderType;
  channel: Channel;
  direction: 'inbound' | 'outbound';
  occurredAtMs: number;
  /** Who logged it; for an outbound message, who sent it. */
  userId: string;
  /** Auto-submitted, or from a no-reply/list address: neither a wait nor a reply. */
  automated?: boolean;
  /** Internal note, forward, or an internal-only thread: neither a wait nor a reply. */
  internal?: boolean;
  closure?: WaitClosure | null;
};

/**
 * A wait block: from the oldest unanswered reply-eligible inbound message of a thread to the reply that
 * answered it (or its "no reply needed" closure, or still open).
 */
export type Wait = {
  /** The inbound message that started the clock. */
  startId: string;
  /** Every inbound message of the block, oldest first (starts with `startId`). */
  messageIds: string[];
  threadKey: string;
  stakeholderId: string | null;
  stakeholderType: StakeholderType;
  channel: Channel;
  /** Who the wait is assigned to: the user who logged the starting inbound. */
  userId: string;
  startMs: number;
  replyId: string | null;
  replyAtMs: number | null;
  /** Credited with the reply: the user who sent (or logged) it. */
  repliedBy: string | null;
  closedAtMs: number | null;
  closeReason: string | null;
  closedBy: string | null;
  /** Calendar ms from start to reply; null unless replied. */
  responseMs: number | null;
  /** Working ms from start to reply; null unless replied. */
  responseWorkMs: number | null;
  slaLimit: DurationSpec | null;
  deadlineMs: number | null;
  /** The first wait of a conversation segment: its response is the conversation's first response time. */
  firstInConversation: boolean;
};

/** The message a wait starts at, and what the plan gives it. */
export type WaitStart = Pick<
  Wait,
  | 'threadKey'
  | 'stakeholderId'
  | 'stakeholderType'
  | 'channel'
  | 'userId'
  | 'startMs'
  | 'slaLimit'
  | 'deadlineMs'
  | 'firstInConversation'
> & {
  id: string;
};

/** A wait that `start` opens, not yet answered or closed. */
export function openWait(start: WaitStart): Wait {
  return {
    startId: start.id,
    messageIds: [start.id],
    threadKey: start.threadKey,
    stakeholderId: start.stakeholderId,
    stakeholderType: start.stakeholderType,
    channel: start.channel,
    userId: start.userId,
    startMs: start.startMs,
    replyId: null,
    replyAtMs: null,
    repliedBy: null,
    closedAtMs: null,
    closeReason: null,
    closedBy: null,
    responseMs: null,
    responseWorkMs: null,
    slaLimit: start.slaLimit,
    deadlineMs: start.deadlineMs,
    firstInConversation: start.firstInConversation,
  };
}

const defaultSegmentGapDays: Partial<Record<Channel, number>> = { email: 5, social: 2 };

/**
 * How long a thread may stay silent before its next message starts a new conversation: the plan's
 * `segmentGapDays` for the channel, else 5 days for email and 2 for social, else 5 days.
 */
export function segmentGapMs(plan: Plan, channel: Channel): number {
  return (plan.segmentGapDays?.[channel] ?? defaultSegmentGapDays[channel] ?? 5) * DAY_MS;
}

/** Calls, video and face-to-face meetings: conversations held live, which answer waits across channels. */
export function isLiveChannel(channel: Channel): boolean {
  return liveChannelSet.has(channel);
}

/** Not automated and not internal: the only events that can start a wait or answer one. */
export function isReplyEligible(e: Pick<PairingEvent, 'automated' | 'internal'>): boolean {
  return !e.automated && !e.internal;
}

type ThreadState = { open: Wait | null; lastActivityMs: number | null; segmentHasWait: boolean };
type TimelineItem = { atMs: number; seq: number; event: PairingEvent; closure: WaitClosure | null };

/**
 * Pairs inbound messages with the replies that answered them (docs/metrics.md "Pairing"), returning every wait in
 * order of its start.
 *
 * - Only reply-eligible events (not `automated`, not `internal`) take part: forwards, internal notes and
 *   auto-replies neither start waits nor answer them, and do not count as thread activity.
 * - The clock starts at the oldest unanswered inbound of a thread; later inbound messages before a reply join
 *   that wait (`messageIds`), and one reply answers it. A later inbound in an answered thread opens a new wait.
 * - A reply is an outbound message in the same thread, or a live event (channel phone / video / in_person,
 *   either direction: a conversation held live is two-way) in the same thread or with the same stakeholder in
 *   any thread — so a logged call answers a Weibo DM from that stakeholder.
 * - A live event never starts a wait, even inbound (a missed call logged as inbound phone): it only answers
 *   earlier waits. Calls that need calling back are reminders, not waits.
 * - A thread silent for longer than {@link segmentGapMs} starts a new conversation; the first wait of each
 *   conversation has `firstInConversation`. An unanswered wait stays open across the gap (a backlog must not
 *   be hidden): a new inbound joins it and no new "first" wait starts in that conversation.
 * - A closure ("no reply needed") on any message of an open wait ends it at `closure.atMs` (never before the
 *   message itself) without a reply; a reply before that time wins and the closure is ignored. After a
 *   closure the next inbound starts a new wait.
 * - Events at the same instant keep their input order; a closure comes after events at its instant.
 *
 * Sorts once and walks once: O(n log n) for n events.
 */
export function pairWaits(events: readonly PairingEvent[], plan: Plan): Wait[] {
  const cal = plan.calendar;
  const timeline: TimelineItem[] = [];
  for (let i = 0; i < events.length; i++) {
    const event = events[i]!;
    timeline.push({ atMs: event.occurredAtMs, seq: i, event, closure: null });
  }
  for (let i = 0; i < events.length; i++) {
    const event = events[i]!;
    if (event.closure && event.direction === 'inbound') {
      timeline.push({
        atMs: Math.max(event.closure.atMs, event.occurredAtMs),
        seq: events.length + i,
        event,
        closure: event.closure,
      });
    }
  }
  timeline.sort((a, b) => a.atMs - b.atMs || a.seq - b.seq);

  const threads = new Map<string, ThreadState>();
  const openByStakeholder = new Map<string, Set<Wait>>();
  const waitByMessage = new Map<string, Wait>();
  const slaCache = new Map<string, DurationSpec | null>();
  const waits: Wait[] = [];

  const threadOf = (key: string): ThreadState => {
    let t = threads.get(key);
    if (!t) {
      t = { open: null, lastActivityMs: null, segmentHasWait: false };
      threads.set(key, t);
    }
    return t;
  };
  const settle = (w: Wait) => {
    const t = threads.get(w.threadKey);
    if (t && t.open === w) t.open = null;
    if (w.stakeholderId !== null) openByStakeholder.get(w.stakeholderId)?.delete(w);
  };
  const answer = (w: Wait, reply: PairingEvent) => {
    w.replyId = reply.id;
    w.replyAtMs = reply.occurredAtMs;
    w.repliedBy = reply.userId;
    w.responseMs = reply.occurredAtMs - w.startMs;
    w.responseWorkMs = workingMsBetween(w.startMs, reply.occurredAtMs, cal);
    settle(w);
  };

  for (const item of timeline) {
    const e = item.event;
    if (item.closure) {
      const w = waitByMessage.get(e.id);
      if (w && w.replyAtMs === null && w.closedAtMs === null) {
        w.closedAtMs = item.atMs;
        w.closeReason = item.closure.reason;
        w.closedBy = item.closure.byUserId;
        settle(w);
      }
      continue;
    }
    if (!isReplyEligible(e)) continue;

    const thread = threadOf(e.threadKey);
    if (thread.lastActivityMs !== null && e.occurredAtMs - thread.lastActivityMs > segmentGapMs(plan, e.channel)) {
      thread.segmentHasWait = false;
    }
    thread.lastActivityMs = e.occurredAtMs;

    if (isLiveChannel(e.channel)) {
      if (thread.open) answer(thread.open, e);
      if (e.stakeholderId !== null) {
        const open = openByStakeholder.get(e.stakeholderId);
        if (open) for (const w of [...open]) answer(w, e);
      }
      continue;
    }

    if (e.direction === 'outbound') {
      if (thread.open) answer(thread.open, e);
      continue;
    }

    if (thread.open) {
      thread.open.messageIds.push(e.id);
      waitByMessage.set(e.id, thread.open);
      thread.segmentHasWait = true;
      continue;
    }

    const slaKey = `${e.stakeholderType}\u0000${e.channel}`;
    let slaLimit = slaCache.get(slaKey);
    if (slaLimit === undefined) {
      slaLimit = resolveSla(plan, e.stakeholderType, e.channel);
      slaCache.set(slaKey, slaLimit);
    }
    const w = openWait({
      id: e.id,
      threadKey: e.threadKey,
      stakeholderId: e.stakeholderId,
      stakeholderType: e.stakeholderType,
      channel: e.channel,
      userId: e.userId,
      startMs: e.occurredAtMs,
      slaLimit,
      deadlineMs: slaLimit ? deadlineFor(e.occurredAtMs, slaLimit, cal) : null,
      firstInConversation: !thread.segmentHasWait,
    });
    thread.segmentHasWait = true;
    thread.open = w;
    waitByMessage.set(e.id, w);
    if (e.stakeholderId !== null) {
      let open = openByStakeholder.get(e.stakeholderId);
      if (!open) {
        open = new Set();
        openByStakeholder.set(e.stakeholderId, open);
      }
      open.add(w);
    }
    waits.push(w);
  }
  return waits;
}
