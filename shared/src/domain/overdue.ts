import { DateTime } from 'luxon';
import type { StakeholderType } from '../schemas/common';
import type { FollowupStatus } from '../schemas/followup';
import type { OverdueItem, OverdueResult } from '../schemas/overdue';
import type { Plan } from '../schemas/plan';
import { cadenceStatus, resolveCadence, type CadenceContact } from './cadence';
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
};

/** Order of kinds in the list, most urgent first. */
const rank = { late: 0, overdue: 1, reminder: 2, due_soon: 3, due: 4 } as const;

/**
 * The follow-ups list (docs/metrics.md "Follow-ups": popup and `followups.overdue`), as of `asOfMs`:
 *
 * - waits: `late` ones (unanswered past the SLA deadline) and `due_soon` ones (pending, deadline within
 *   `plan.dueSoonWorkingHours` working hours). A user sees the waits assigned to them (they logged the
 *   inbound). Answered, closed ("no reply needed") and deadline-less waits are never listed.
 * - cadence: active stakeholders `overdue` (past the maximum interval) or `due` (past the ideal one) on their
 *   worst rule. A user sees the stakeholders they own, and unowned ones they have interacted with.
 * - reminders: the user's open follow-ups due by the end of `asOfMs`'s local day in the calendar's zone and not
 *   snoozed past `asOfMs`.
 *
 * Snoozes hide an item until their `untilMs`. In a user's list only that user's snoozes apply; in the team
 * list (`forUserId` null) anyone's snooze does. Sorted by urgency: late waits, overdue cadence, reminders,
 * due-soon waits, due cadence; within each, oldest first (waits by start, cadence by due-by, reminders by due).
 * Times in items are ISO-8601 UTC strings.
 */
export function computeOverdue(input: ComputeOverdueInput): OverdueResult {
  const { plan, asOfMs, forUserId } = input;
  const cal = plan.calendar;
  const interactions = input.interactions.filter((i) => !i.deleted);
  const waits = input.waits ?? pairWaits(interactions, plan);

  const snoozedUntil = new Map<string, number>();
  for (const s of input.snoozes) {
    if (forUserId !== null && s.userId !== forUserId) continue;
    const key = `${s.kind}:${s.id}`;
    snoozedUntil.set(key, Math.max(snoozedUntil.get(key) ?? -Infinity, s.untilMs));
  }
  const isSnoozed = (kind: OverdueSnooze['kind'], id: string) =>
    (snoozedUntil.get(`${kind}:${id}`) ?? -Infinity) > asOfMs;

  const stakeholderById = new Map(input.stakeholders.map((s) => [s.id, s]));
  const interactionById = new Map(interactions.map((i) => [i.id, i]));
  const stakeholderName = (id: string | null, fallback?: OverdueInteraction): string | null => {
    if (id === null) return null;
    return stakeholderById.get(id)?.name ?? fallback?.stakeholderName ?? null;
  };

  const ranked: { rank: number; time: number; item: OverdueItem }[] = [];
  const counts = { late: 0, dueSoon: 0, cadenceOverdue: 0, cadenceDue: 0, reminders: 0 };

  const answeredInbound = new Set<string>();
  for (const w of waits) {
    if (w.replyAtMs !== null && w.replyAtMs <= asOfMs) for (const id of w.messageIds) answeredInbound.add(id);
    if (forUserId !== null && w.userId !== forUserId) continue;
    if (w.deadlineMs === null || w.slaLimit === null) continue;
    const status = classifyWait(w, asOfMs);
    let state: 'late' | 'due_soon';
    if (status === 'late' && (w.replyAtMs === null || w.replyAtMs > asOfMs)) state = 'late';
    else if (status === 'pending' && dueSoon(w, asOfMs, cal, plan.dueSoonWorkingHours)) state = 'due_soon';
    else continue;
    if (isSnoozed('wait', w.startId)) continue;
    const start = interactionById.get(w.startId);
    let title: string | null = null;
    let url: string | null = null;
    for (const id of w.messageIds) {
      const m = interactionById.get(id);
      title ??= m?.title ?? null;
      url ??= m?.url ?? null;
    }
    if (state === 'late') counts.late++;
    else counts.dueSoon++;
    ranked.push({
      rank: rank[state],
      time: w.startMs,
      item: {
        kind: 'wait',
        id: w.startId,
        state,
        userId: w.userId,
        stakeholderId: w.stakeholderId,
        stakeholderName: stakeholderName(w.stakeholderId, start),
        stakeholderType: w.stakeholderType,
        channel: w.channel,
        threadKey: w.threadKey,
        title,
        url,
        since: iso(w.startMs),
        deadline: iso(w.deadlineMs),
        waitedMs: asOfMs - w.startMs,
        waitedWorkMs: workingMsBetween(w.startMs, asOfMs, cal),
        sla: w.slaLimit,
      },
    });
  }

  const contactsByStakeholder = new Map<string, CadenceContact[]>();
  const touchedByUser = new Set<string>();
  for (const i of interactions) {
    if (i.stakeholderId === null) continue;
    if (forUserId !== null && i.userId === forUserId) touchedByUser.add(i.stakeholderId);
    let list = contactsByStakeholder.get(i.stakeholderId);
    if (!list) {
      list = [];
      contactsByStakeholder.set(i.stakeholderId, list);
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
  for (const s of input.stakeholders) {
    if (!s.active) continue;
    if (forUserId !== null && s.ownerUserId !== forUserId && !(s.ownerUserId === null && touchedByUser.has(s.id)))
      continue;
    const rules = resolveCadence(plan, s);
    if (rules.length === 0) continue;
    const { state, worst } = cadenceStatus(contactsByStakeholder.get(s.id) ?? [], rules, asOfMs, s.createdAtMs);
    if (state === 'ok' || !worst || isSnoozed('cadence', s.id)) continue;
    if (state === 'overdue') counts.cadenceOverdue++;
    else counts.cadenceDue++;
    ranked.push({
      rank: rank[state],
      time: worst.dueByMs,
      item: {
        kind: 'cadence',
        id: s.id,
        state,
        stakeholderId: s.id,
        stakeholderName: s.name,
        stakeholderType: s.type,
        ownerUserId: s.ownerUserId,
        lastContactAt: worst.lastContactMs === null ? null : iso(worst.lastContactMs),
        daysSince: worst.lastContactMs === null ? null : Math.floor((asOfMs - worst.lastContactMs) / DAY_MS),
        dueBy: iso(worst.dueByMs),
        idealDays: worst.rule.idealDays,
        maxDays: worst.rule.maxDays,
      },
    });
  }

  const endOfDay = DateTime.fromMillis(asOfMs, { zone: cal.timeZone }).endOf('day').toMillis();
  for (const f of input.followups) {
    if (f.status !== 'open' || f.dueAtMs > endOfDay) continue;
    if (forUserId !== null && f.userId !== forUserId) continue;
    if ((f.snoozedUntilMs !== null && f.snoozedUntilMs > asOfMs) || isSnoozed('followup', f.id)) continue;
    counts.reminders++;
    ranked.push({
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
        stakeholderName: stakeholderName(f.stakeholderId),
        url: f.url,
      },
    });
  }

  ranked.sort(
    (a, b) => a.rank - b.rank || a.time - b.time || (a.item.id < b.item.id ? -1 : a.item.id > b.item.id ? 1 : 0),
  );
  return { items: ranked.map((r) => r.item), counts };
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}
