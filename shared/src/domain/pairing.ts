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

/** Per thread: its open wait, when it last had reply-eligible activity, and whether its conversation has a wait. */
type ThreadState = { open: Wait | null; lastActivityMs: number | null; segmentHasWait: boolean };
type TimelineItem = { atMs: number; seq: number; event: PairingEvent; closure: WaitClosure | null };

/** What one pairing walk keeps between events, passed to each step. */
type PairingState = {
  plan: Plan;
  threads: Map<string, ThreadState>;
  /** Open waits by stakeholder: a live event with the stakeholder answers them in any thread. */
  openByStakeholder: Map<string, Set<Wait>>;
  /** The wait each inbound belongs to, for closures set on any message of it. */
  waitByMessage: Map<string, Wait>;
  /** Resolved SLA by stakeholder type and channel: resolving walks the plan's rules. */
  slaCache: Map<string, DurationSpec | null>;
  waits: Wait[];
};

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
  const state: PairingState = {
    plan,
    threads: new Map(),
    openByStakeholder: new Map(),
    waitByMessage: new Map(),
    slaCache: new Map(),
    waits: [],
  };
  for (const item of timelineOf(events)) {
    if (item.closure) closeWait(state, item.event.id, item.atMs, item.closure);
    else if (isReplyEligible(item.event)) pairEvent(state, item.event);
  }
  return state.waits;
}

/**
 * Every event at its time, then every closure on an inbound at `max(closure.atMs, occurredAtMs)`, sorted by
 * time; `seq` keeps input order at equal times and puts closures after the events of their instant.
 */
function timelineOf(events: readonly PairingEvent[]): TimelineItem[] {
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
  return timeline;
}

/**
 * One reply-eligible event. A live event answers; otherwise, with a wait open in the thread an outbound answers
 * it and an inbound joins it, and without one an inbound starts a wait.
 */
function pairEvent(state: PairingState, e: PairingEvent): void {
  const thread = touchThread(state, e);
  if (isLiveChannel(e.channel)) answerLive(state, thread, e);
  else if (thread.open) {
    if (e.direction === 'outbound') answer(state, thread.open, e);
    else joinWait(state, thread, thread.open, e);
  } else if (e.direction === 'inbound') startWait(state, thread, e);
}

/** The event's thread, its activity moved to the event; a silence past the gap starts a new conversation. */
function touchThread(state: PairingState, e: PairingEvent): ThreadState {
  let thread = state.threads.get(e.threadKey);
  if (!thread) {
    thread = { open: null, lastActivityMs: null, segmentHasWait: false };
    state.threads.set(e.threadKey, thread);
  }
  if (thread.lastActivityMs !== null && e.occurredAtMs - thread.lastActivityMs > segmentGapMs(state.plan, e.channel)) {
    thread.segmentHasWait = false;
  }
  thread.lastActivityMs = e.occurredAtMs;
  return thread;
}

/** A live event answers its thread's open wait and every open wait of its stakeholder in any thread. */
function answerLive(state: PairingState, thread: ThreadState, e: PairingEvent): void {
  if (thread.open) answer(state, thread.open, e);
  if (e.stakeholderId === null) return;
  const open = state.openByStakeholder.get(e.stakeholderId);
  // Copied: answering removes the wait from this set.
  if (open) for (const w of [...open]) answer(state, w, e);
}

/** A later inbound before any reply joins the thread's open wait `w`. */
function joinWait(state: PairingState, thread: ThreadState, w: Wait, e: PairingEvent): void {
  w.messageIds.push(e.id);
  state.waitByMessage.set(e.id, w);
  thread.segmentHasWait = true;
}

/** An inbound in a thread with no open wait starts one, with the plan's SLA and deadline. */
function startWait(state: PairingState, thread: ThreadState, e: PairingEvent): void {
  const slaLimit = slaOf(state, e);
  const w = openWait({
    id: e.id,
    threadKey: e.threadKey,
    stakeholderId: e.stakeholderId,
    stakeholderType: e.stakeholderType,
    channel: e.channel,
    userId: e.userId,
    startMs: e.occurredAtMs,
    slaLimit,
    deadlineMs: slaLimit ? deadlineFor(e.occurredAtMs, slaLimit, state.plan.calendar) : null,
    firstInConversation: !thread.segmentHasWait,
  });
  thread.segmentHasWait = true;
  thread.open = w;
  state.waitByMessage.set(e.id, w);
  if (e.stakeholderId !== null) {
    let open = state.openByStakeholder.get(e.stakeholderId);
    if (!open) {
      open = new Set();
      state.openByStakeholder.set(e.stakeholderId, open);
    }
    open.add(w);
  }
  state.waits.push(w);
}

/** The plan's SLA for the event's stakeholder type and channel, resolved once per pair. */
function slaOf(state: PairingState, e: PairingEvent): DurationSpec | null {
  const key = `${e.stakeholderType}\u0000${e.channel}`;
  let slaLimit = state.slaCache.get(key);
  if (slaLimit === undefined) {
    slaLimit = resolveSla(state.plan, e.stakeholderType, e.channel);
    state.slaCache.set(key, slaLimit);
  }
  return slaLimit;
}

/** `reply` answers `w`: both clocks stop at the reply. */
function answer(state: PairingState, w: Wait, reply: PairingEvent): void {
  w.replyId = reply.id;
  w.replyAtMs = reply.occurredAtMs;
  w.repliedBy = reply.userId;
  w.responseMs = reply.occurredAtMs - w.startMs;
  w.responseWorkMs = workingMsBetween(w.startMs, reply.occurredAtMs, state.plan.calendar);
  settle(state, w);
}

/** A closure on a message of a still-open wait ends it without a reply; on a settled wait it is ignored. */
function closeWait(state: PairingState, messageId: string, atMs: number, closure: WaitClosure): void {
  const w = state.waitByMessage.get(messageId);
  if (!w || w.replyAtMs !== null || w.closedAtMs !== null) return;
  w.closedAtMs = atMs;
  w.closeReason = closure.reason;
  w.closedBy = closure.byUserId;
  settle(state, w);
}

/** An answered or closed wait is no longer open in its thread nor for its stakeholder. */
function settle(state: PairingState, w: Wait): void {
  const t = state.threads.get(w.threadKey);
  if (t && t.open === w) t.open = null;
  if (w.stakeholderId !== null) state.openByStakeholder.get(w.stakeholderId)?.delete(w);
}
