import { computeOverdue, countOverdueItems, pairWaits, type Wait } from '@comms-log/shared/domain';
import type {
  OverdueFollowup,
  OverdueInteraction,
  OverdueItem,
  OverdueResult,
  OverdueSnooze,
  OverdueStakeholder,
  Plan,
  SnoozeInput,
} from '@comms-log/shared';
import type { SnoozePreset } from './snooze-presets';
import type { LocalFollowup, LocalInteraction, LocalStakeholder } from '../outbox/local-db';

/**
 * A follow-up action taken in the popup that is not an entity upsert: snoozing a wait or a stakeholder's
 * cadence (or a reminder the local copy does not hold), closing a wait as "no reply needed", completing a
 * reminder the local copy does not hold. Kept in IndexedDB (store.ts): applied to the local list at
 * once, sent to the server when it can be reached.
 */
export type FollowupActionRow = {
  /** One row per target: `snooze:<kind>:<id>`, `close:<interactionId>`, `complete:<followupId>`. */
  key: string;
  type: 'snooze' | 'close' | 'complete';
  targetKind: SnoozeInput['kind'];
  targetId: string;
  /** Snoozes: until when (epoch ms). */
  untilMs: number | null;
  /** Closures: why no reply is needed. */
  reason: string | null;
  /** Who acted (the signed-in user), for the snooze's owner. */
  userId: string;
  queuedAtMs: number;
  /** pending: not yet accepted by the server; sent: accepted (kept until it no longer matters); rejected: refused. */
  state: 'pending' | 'sent' | 'rejected';
  error: string | null;
  attempts: number;
};

/** What the user does from a row of the list. */
export type FollowupAction =
  | { type: 'done'; id: string }
  | { type: 'snooze'; kind: SnoozeInput['kind']; id: string; untilMs: number }
  | { type: 'close'; interactionId: string; reason: string };

/** An action as the popup asks for it: snoozes name a preset, which the background turns into a time in the plan's calendar. */
export type FollowupActionRequest =
  | { type: 'done'; id: string }
  | { type: 'snooze'; kind: SnoozeInput['kind']; id: string; preset: SnoozePreset }
  | { type: 'close'; interactionId: string; reason: string };

/** The three groups of the popup, in the order shown. */
export type FollowupGroup = 'awaiting' | 'cold' | 'reminders';
export const FOLLOWUP_GROUPS: readonly FollowupGroup[] = ['awaiting', 'cold', 'reminders'];

export function groupOf(item: OverdueItem): FollowupGroup {
  return item.kind === 'wait' ? 'awaiting' : item.kind === 'cadence' ? 'cold' : 'reminders';
}

/** Splits a sorted list into the popup's groups, keeping the order (most urgent first) within each. */
export function groupItems(items: readonly OverdueItem[]): Record<FollowupGroup, OverdueItem[]> {
  const groups: Record<FollowupGroup, OverdueItem[]> = { awaiting: [], cold: [], reminders: [] };
  for (const item of items) groups[groupOf(item)].push(item);
  return groups;
}

/** A stable key for an item of the list (ids of different kinds may coincide). */
export function itemKey(item: Pick<OverdueItem, 'kind' | 'id'>): string {
  return `${item.kind}:${item.id}`;
}

export type LocalOverdueInput = {
  plan: Plan;
  asOfMs: number;
  /**
   * Whose list: a user id (the signed-in user's: the local copy holds their rows only), or null for every row given.
   * Managers' team views come from the server (team.ts).
   */
  forUserId: string | null;
  /** The signed-in user: rows still in the outbox (no server userId yet) and queued actions are theirs. */
  me: string;
  interactions: readonly LocalInteraction[];
  stakeholders: readonly LocalStakeholder[];
  followups: readonly LocalFollowup[];
  actions: readonly FollowupActionRow[];
  /** Planned activities past their date, as the server last listed them (the local copy holds no activities). */
  overdueActivities?: readonly OverdueActivity[];
};

export type OverdueActivity = Extract<OverdueItem, { kind: 'activity' }>;

const live = (a: FollowupActionRow) => a.state !== 'rejected';

type QueuedActions = { closures: Map<string, FollowupActionRow>; completed: Set<string>; snoozes: OverdueSnooze[] };

function queuedActions(actions: readonly FollowupActionRow[]): QueuedActions {
  const closures = new Map<string, FollowupActionRow>();
  const completed = new Set<string>();
  const snoozes: OverdueSnooze[] = [];
  for (const a of actions.filter(live)) {
    if (a.type === 'close') closures.set(a.targetId, a);
    else if (a.type === 'complete') completed.add(a.targetId);
    else if (a.untilMs !== null)
      snoozes.push({ kind: a.targetKind, id: a.targetId, untilMs: a.untilMs, userId: a.userId });
  }
  return { closures, completed, snoozes };
}

/** The interactions as `computeOverdue` takes them, and when the server saw each pulled inbound answered. */
function localEvents(
  interactions: readonly LocalInteraction[],
  closures: QueuedActions['closures'],
  me: string,
): { events: OverdueInteraction[]; serverRepliedAt: Map<string, number> } {
  const events: OverdueInteraction[] = [];
  const serverRepliedAt = new Map<string, number>();
  for (const i of interactions) {
    if (i.deleted) continue;
    const occurredAtMs = Date.parse(i.occurredAt);
    const queued = closures.get(i.id);
    const closure = queued
      ? { atMs: Math.max(queued.queuedAtMs, occurredAtMs), reason: queued.reason ?? '', byUserId: queued.userId }
      : i.onTime === 'closed'
        ? { atMs: occurredAtMs, reason: '', byUserId: '' }
        : null;
    if (i.repliedAt && !i.pending) serverRepliedAt.set(i.id, Date.parse(i.repliedAt));
    events.push({
      id: i.id,
      threadKey: i.threadKey,
      stakeholderId: i.stakeholderId,
      stakeholderType: i.stakeholderType,
      channel: i.channel,
      direction: i.direction,
      occurredAtMs,
      userId: i.userId ?? me,
      automated: i.automated,
      internal: i.internal,
      closure,
      title: i.title,
      url: i.url,
    });
  }
  return { events, serverRepliedAt };
}

/** Open waits the server saw answered (by a reply this copy does not hold) count as answered then. */
function answerFromServer(waits: Wait[], serverRepliedAt: ReadonlyMap<string, number>): void {
  for (const w of waits) {
    if (w.replyAtMs !== null || w.closedAtMs !== null) continue;
    let repliedAt: number | undefined;
    for (const id of w.messageIds) repliedAt ??= serverRepliedAt.get(id);
    if (repliedAt !== undefined) {
      w.replyAtMs = repliedAt;
      w.replyId = 'server';
    }
  }
}

/**
 * A never-contacted stakeholder's cadence runs from its creation, as on the server. An entry cached before the
 * server sent `createdAt` has only its last change, or its first contact if earlier, to stand in for it.
 */
function overdueStakeholders(
  stakeholders: readonly LocalStakeholder[],
  events: readonly OverdueInteraction[],
): OverdueStakeholder[] {
  const firstContact = new Map<string, number>();
  for (const e of events) {
    if (e.stakeholderId === null) continue;
    const prev = firstContact.get(e.stakeholderId);
    if (prev === undefined || e.occurredAtMs < prev) firstContact.set(e.stakeholderId, e.occurredAtMs);
  }
  return stakeholders.map((s) => ({
    id: s.id,
    name: s.name,
    type: s.type,
    tier: s.tier,
    ownerUserId: s.ownerUserId,
    cadenceOverride: s.cadenceOverride,
    active: s.active,
    createdAtMs:
      s.createdAt !== undefined
        ? Date.parse(s.createdAt)
        : Math.min(Date.parse(s.updatedAt), firstContact.get(s.id) ?? Infinity),
  }));
}

function overdueFollowups(
  followups: readonly LocalFollowup[],
  completed: ReadonlySet<string>,
  me: string,
): OverdueFollowup[] {
  return followups
    .filter((f) => !f.deleted)
    .map((f) => ({
      id: f.id,
      userId: f.userId ?? me,
      dueAtMs: Date.parse(f.dueAt),
      note: f.note,
      status: completed.has(f.id) ? 'done' : f.status,
      snoozedUntilMs: f.snoozedUntil ? Date.parse(f.snoozedUntil) : null,
      stakeholderId: f.stakeholderId,
      url: f.url,
    }));
}

/**
 * The follow-ups list from the local copy (what was pulled plus what is still in the outbox), with the queued
 * actions laid over it, through the same `computeOverdue` as the server's `followups.overdue`.
 *
 * What the server knows and a staff member's copy does not (a colleague's reply is not pulled to staff) comes
 * from the pulled rows' derived fields: an inbound the server saw answered (`repliedAt`) answers the local wait,
 * and one it saw closed (`onTime: 'closed'`) closes it.
 */
export function computeLocalOverdue(input: LocalOverdueInput): OverdueResult {
  const { plan, me } = input;
  const { closures, completed, snoozes } = queuedActions(input.actions);
  const { events, serverRepliedAt } = localEvents(input.interactions, closures, me);
  const waits = pairWaits(events, plan);
  answerFromServer(waits, serverRepliedAt);
  return computeOverdue({
    plan,
    asOfMs: input.asOfMs,
    forUserId: input.forUserId,
    interactions: events,
    stakeholders: overdueStakeholders(input.stakeholders, events),
    followups: overdueFollowups(input.followups, completed, me),
    snoozes,
    waits,
    overdueActivities: input.overdueActivities ?? [],
  });
}

/**
 * Hides what queued actions settle from a list computed elsewhere (the server's, fetched before the action
 * reached it), so an action shows at once whichever list is on screen.
 */
export function withoutActedOn(
  result: OverdueResult,
  actions: readonly FollowupActionRow[],
  asOfMs: number,
): OverdueResult {
  const hidden = new Set<string>();
  for (const a of actions.filter(live)) {
    if (a.type === 'close') hidden.add(`wait:${a.targetId}`);
    else if (a.type === 'complete') hidden.add(`reminder:${a.targetId}`);
    else if (a.untilMs !== null && a.untilMs > asOfMs)
      hidden.add(`${a.targetKind === 'followup' ? 'reminder' : a.targetKind}:${a.targetId}`);
  }
  if (hidden.size === 0) return result;
  const items = result.items.filter((i) => !hidden.has(itemKey(i)));
  return { items, counts: countOverdueItems(items) };
}
