import { DateTime } from 'luxon';
import type { StakeholderType } from '../schemas/common';
import type { FollowupStatus } from '../schemas/followup';
import type { OverdueItem, OverdueResult } from '../schemas/overdue';
import type { DurationSpec, Plan } from '../schemas/plan';
import { cadenceStatus, resolveCadence, type CadenceContact, type CadenceRuleStatus } from './cadence';
import { classifyWait, dueSoon } from './on-time';
import { pairWaits, type PairingEvent, type Wait } from './pairing';
import { workingMsBetween } from './working-time';

const DAY_MS = 86_400_000;

/** An interaction row for the follow-ups list: what pairing needs, plus what the list shows. */
export type OverdueInteraction = PairingEvent & {
  title?: string | null;
  url?: string | null;
  /** Used when the stakeholder is not in `stakeholders`. */
  stakeholderName?: string | null;
  /** Tombstoned rows are skipped. */
  deleted?: boolean;
};

export type OverdueStakeholder = {
  id: string;
  name: string;
  type: StakeholderType;
  tier: string | null;
  ownerUserId: string | null;
  cadenceOverride: { idealDays: number; maxDays: number } | null;
  active: boolean;
  createdAtMs: number;
};

export type OverdueFollowup = {
  id: string;
  userId: string;
  dueAtMs: number;
  note: string;
  status: FollowupStatus;
  snoozedUntilMs: number | null;
  stakeholderId: string | null;
  url: string | null;
};

/** "Not until then": hides a wait (by its start interaction id), a stakeholder's cadence (by stakeholder id) or a reminder. */
export type OverdueSnooze = { kind: 'wait' | 'cadence' | 'followup'; id: string; untilMs: number; userId: string };

export type ComputeOverdueInput = {
  plan: Plan;
  asOfMs: number;
  /** Whose list: a user id, or null for the whole team. */
  forUserId: string | null;
  /**
   * The org's interactions (not only the user's: a colleague's reply or call answers a wait too). Filtering to
   * the user happens here.
   */
  interactions: readonly OverdueInteraction[];
  stakeholders: readonly OverdueStakeholder[];
  followups: readonly OverdueFollowup[];
  snoozes: readonly OverdueSnooze[];
  /** Waits already paired from `interactions` (e.g. stored by the server); paired here when absent. */
  waits?: readonly Wait[];
  /** Planned activities past their date and still planned (the server finds them); listed as overdue. */
  overdueActivities?: readonly Extract<OverdueItem, { kind: 'activity' }>[];
};

/** Order of kinds in the list, most urgent first. */
const rank = { late: 0, overdue: 1, reminder: 2, due_soon: 3, due: 4 } as const;

type RankedItem = { rank: number; time: number; item: OverdueItem };
/** The list as it is built: items with their sort keys. */
type ListBuilder = { ranked: RankedItem[] };
/** What every part of the list reads: whose list, as of when, what is snoozed, and who is who. */
type ListScope = {
  plan: Plan;
  asOfMs: number;
  forUserId: string | null;
  /** The latest `untilMs` by `kind:id`. */
  snoozedUntil: Map<string, number>;
  stakeholderById: Map<string, OverdueStakeholder>;
  interactionById: Map<string, OverdueInteraction>;
};
/** A wait the plan gives a deadline: only those can be late or due soon. */
type DeadlineWait = Wait & { deadlineMs: number; slaLimit: DurationSpec };

/**
 * The follow-ups list (docs/metrics.md "Follow-ups": popup and `followups.overdue`), as of `asOfMs`:
 *
 * - waits: `late` ones (unanswered past the SLA deadline) and `due_soon` ones (pending, deadline within
 *   `plan.dueSoonWorkingHours` working hours). A user sees the waits assigned to them (they logged the
 *   inbound). Answered, closed ("no reply needed") and deadline-less waits are never listed.
 * - cadence: active stakeholders `overdue` (past the maximum interval) or `due` (past the ideal one) on their
 *   worst rule. A user sees the stakeholders they own, and unowned ones they have interacted with.
 * - reminders: the user's open follow-ups due by the end of `asOfMs`'s local day in the calendar's zone and not
 *   snoozed past `asOfMs`; and the planned activities they own that are past their date and still planned
 *   (`overdueActivities`, ranked and counted with reminders).
 *
 * Snoozes hide an item until their `untilMs`. In a user's list only that user's snoozes apply; in the team
 * list (`forUserId` null) anyone's snooze does. Sorted by urgency: late waits, overdue cadence, reminders,
 * due-soon waits, due cadence; within each, oldest first (waits by start, cadence by due-by, reminders by due).
 * Times in items are ISO-8601 UTC strings.
 */
export function computeOverdue(input: ComputeOverdueInput): OverdueResult {
  const { plan, asOfMs, forUserId } = input;
  const interactions = input.interactions.filter((i) => !i.deleted);
  const waits = input.waits ?? pairWaits(interactions, plan);
  const scope: ListScope = {
    plan,
    asOfMs,
    forUserId,
    snoozedUntil: snoozedUntilByKey(input.snoozes, forUserId),
    stakeholderById: new Map(input.stakeholders.map((s) => [s.id, s])),
    interactionById: new Map(interactions.map((i) => [i.id, i])),
  };
  const list: ListBuilder = { ranked: [] };
  const contacts = cadenceContacts(interactions, answeredInboundIds(waits, asOfMs), forUserId);
  addWaits(list, scope, waits);
  addCadence(list, scope, input.stakeholders, contacts);
  addReminders(list, scope, input.followups);
  for (const a of input.overdueActivities ?? []) {
    if (forUserId === null || a.ownerUserId === forUserId)
      list.ranked.push({ rank: rank.reminder, time: Date.parse(a.endAt), item: a });
  }
  list.ranked.sort(byUrgency);
  const items = list.ranked.map((r) => r.item);
  return { items, counts: countOverdueItems(items) };
}

/** The counts of a list by kind and state (the badge and digest read them; an offline list recounts after edits). */
export function countOverdueItems(items: readonly OverdueItem[]): OverdueResult['counts'] {
  const counts = { late: 0, dueSoon: 0, cadenceOverdue: 0, cadenceDue: 0, reminders: 0 };
  for (const i of items) {
    if (i.kind === 'wait') i.state === 'late' ? counts.late++ : counts.dueSoon++;
    else if (i.kind === 'cadence') i.state === 'overdue' ? counts.cadenceOverdue++ : counts.cadenceDue++;
    else counts.reminders++;
  }
  return counts;
}

/** The snoozes that apply to the list (a user's own, or anyone's in the team list): latest `untilMs` by `kind:id`. */
function snoozedUntilByKey(snoozes: readonly OverdueSnooze[], forUserId: string | null): Map<string, number> {
  const snoozedUntil = new Map<string, number>();
  for (const s of snoozes) {
    if (forUserId !== null && s.userId !== forUserId) continue;
    const key = `${s.kind}:${s.id}`;
    snoozedUntil.set(key, Math.max(snoozedUntil.get(key) ?? -Infinity, s.untilMs));
  }
  return snoozedUntil;
}

function isSnoozed(scope: ListScope, kind: OverdueSnooze['kind'], id: string): boolean {
  return (scope.snoozedUntil.get(`${kind}:${id}`) ?? -Infinity) > scope.asOfMs;
}

/** The directory's name for a stakeholder, else the name the interaction carries. */
function stakeholderName(scope: ListScope, id: string | null, fallback?: OverdueInteraction): string | null {
  if (id === null) return null;
  return scope.stakeholderById.get(id)?.name ?? fallback?.stakeholderName ?? null;
}

/** The late and due-soon waits of the list. */
function addWaits(list: ListBuilder, scope: ListScope, waits: readonly Wait[]): void {
  for (const w of waits) {
    if (scope.forUserId !== null && w.userId !== scope.forUserId) continue;
    if (!hasDeadline(w)) continue;
    const state = listedWaitState(scope, w);
    if (state === null || isSnoozed(scope, 'wait', w.startId)) continue;
    list.ranked.push({ rank: rank[state], time: w.startMs, item: waitItem(scope, w, state) });
  }
}

function hasDeadline(w: Wait): w is DeadlineWait {
  return w.deadlineMs !== null && w.slaLimit !== null;
}

/** `late`: past its deadline and not answered by `asOfMs`; `due_soon`: pending and near it; else not listed. */
function listedWaitState(scope: ListScope, w: DeadlineWait): 'late' | 'due_soon' | null {
  const { plan, asOfMs } = scope;
  const status = classifyWait(w, asOfMs);
  if (status === 'late' && (w.replyAtMs === null || w.replyAtMs > asOfMs)) return 'late';
  if (status === 'pending' && dueSoon(w, asOfMs, plan.calendar, plan.dueSoonWorkingHours)) return 'due_soon';
  return null;
}

function waitItem(scope: ListScope, w: DeadlineWait, state: 'late' | 'due_soon'): OverdueItem {
  const { asOfMs } = scope;
  // The first title and url among the wait's messages: a later message may carry what the first lacks.
  let title: string | null = null;
  let url: string | null = null;
  for (const id of w.messageIds) {
    const m = scope.interactionById.get(id);
    title ??= m?.title ?? null;
    url ??= m?.url ?? null;
  }
  return {
    kind: 'wait',
    id: w.startId,
    state,
    userId: w.userId,
    stakeholderId: w.stakeholderId,
    stakeholderName: stakeholderName(scope, w.stakeholderId, scope.interactionById.get(w.startId)),
    stakeholderType: w.stakeholderType,
    channel: w.channel,
    threadKey: w.threadKey,
    title,
    url,
    since: iso(w.startMs),
    deadline: iso(w.deadlineMs),
    waitedMs: asOfMs - w.startMs,
    waitedWorkMs: workingMsBetween(w.startMs, asOfMs, scope.plan.calendar),
    sla: w.slaLimit,
  };
}

/** The inbound messages of every wait answered by `asOfMs`: cadence counts answering them as our contact. */
function answeredInboundIds(waits: readonly Wait[], asOfMs: number): Set<string> {
  const answered = new Set<string>();
  for (const w of waits) {
    if (w.replyAtMs !== null && w.replyAtMs <= asOfMs) for (const id of w.messageIds) answered.add(id);
  }
  return answered;
}

type CadenceContacts = {
  byStakeholder: Map<string, CadenceContact[]>;
  /** Stakeholders `forUserId` has logged an interaction with: their unowned ones are on the user's list. */
  touchedByUser: Set<string>;
};

/** Each stakeholder's interactions as cadence contacts, and the stakeholders the user has interacted with. */
function cadenceContacts(
  interactions: readonly OverdueInteraction[],
  answeredInbound: ReadonlySet<string>,
  forUserId: string | null,
): CadenceContacts {
  const byStakeholder = new Map<string, CadenceContact[]>();
  const touchedByUser = new Set<string>();
  for (const i of interactions) {
    if (i.stakeholderId === null) continue;
    if (forUserId !== null && i.userId === forUserId) touchedByUser.add(i.stakeholderId);
    let list = byStakeholder.get(i.stakeholderId);
    if (!list) {
      list = [];
      byStakeholder.set(i.stakeholderId, list);
    }
    list.push({
      occurredAtMs: i.occurredAtMs,
      direction: i.direction,
      channel: i.channel,
      answeredInbound: i.direction === 'inbound' && answeredInbound.has(i.id),
      automated: i.automated ?? false,
      internal: i.internal ?? false,
    });
  }
  return { byStakeholder, touchedByUser };
}

/** The overdue and due stakeholders of the list: active ones the user owns, or unowned ones they touched. */
function addCadence(
  list: ListBuilder,
  scope: ListScope,
  stakeholders: readonly OverdueStakeholder[],
  contacts: CadenceContacts,
): void {
  const { forUserId } = scope;
  for (const s of stakeholders) {
    if (!s.active) continue;
    if (
      forUserId !== null &&
      s.ownerUserId !== forUserId &&
      !(s.ownerUserId === null && contacts.touchedByUser.has(s.id))
    )
      continue;
    const rules = resolveCadence(scope.plan, s);
    if (rules.length === 0) continue;
    const { state, worst } = cadenceStatus(contacts.byStakeholder.get(s.id) ?? [], rules, scope.asOfMs, s.createdAtMs);
    if (state === 'ok' || !worst || isSnoozed(scope, 'cadence', s.id)) continue;
    list.ranked.push({ rank: rank[state], time: worst.dueByMs, item: cadenceItem(scope, s, state, worst) });
  }
}

function cadenceItem(
  scope: ListScope,
  s: OverdueStakeholder,
  state: 'overdue' | 'due',
  worst: CadenceRuleStatus,
): OverdueItem {
  return {
    kind: 'cadence',
    id: s.id,
    state,
    stakeholderId: s.id,
    stakeholderName: s.name,
    stakeholderType: s.type,
    ownerUserId: s.ownerUserId,
    lastContactAt: worst.lastContactMs === null ? null : iso(worst.lastContactMs),
    daysSince: worst.lastContactMs === null ? null : Math.floor((scope.asOfMs - worst.lastContactMs) / DAY_MS),
    dueBy: iso(worst.dueByMs),
    idealDays: worst.rule.idealDays,
    maxDays: worst.rule.maxDays,
  };
}

/** The user's open follow-ups due by the end of the local day and not snoozed. */
function addReminders(list: ListBuilder, scope: ListScope, followups: readonly OverdueFollowup[]): void {
  const { asOfMs, forUserId } = scope;
  const endOfDay = DateTime.fromMillis(asOfMs, { zone: scope.plan.calendar.timeZone }).endOf('day').toMillis();
  for (const f of followups) {
    if (f.status !== 'open' || f.dueAtMs > endOfDay) continue;
    if (forUserId !== null && f.userId !== forUserId) continue;
    if ((f.snoozedUntilMs !== null && f.snoozedUntilMs > asOfMs) || isSnoozed(scope, 'followup', f.id)) continue;
    list.ranked.push({
      rank: rank.reminder,
      time: f.dueAtMs,
      item: {
        kind: 'reminder',
        id: f.id,
        state: 'due',
        userId: f.userId,
        dueAt: iso(f.dueAtMs),
        note: f.note,
        stakeholderId: f.stakeholderId,
        stakeholderName: stakeholderName(scope, f.stakeholderId),
        url: f.url,
      },
    });
  }
}

/** By rank, then oldest first, then by id so that equal items keep one order. */
function byUrgency(a: RankedItem, b: RankedItem): number {
  return a.rank - b.rank || a.time - b.time || (a.item.id < b.item.id ? -1 : a.item.id > b.item.id ? 1 : 0);
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}
