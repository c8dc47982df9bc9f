import type { Channel, StakeholderType } from '../schemas/common';
import type { CadenceRule, Plan } from '../schemas/plan';
import { isLiveChannel } from './pairing';

const DAY_MS = 86_400_000;

/** How recently a stakeholder was contacted against a cadence: `due` past the ideal interval, `overdue` past the maximum. */
export type CadenceState = 'ok' | 'due' | 'overdue';

/** What cadence needs to know of a stakeholder. */
export type CadenceStakeholder = {
  type: StakeholderType;
  tier: string | null;
  cadenceOverride: { idealDays: number; maxDays: number } | null;
};

/** One interaction with a stakeholder, in any channel. */
export type CadenceContact = {
  occurredAtMs: number;
  direction: 'inbound' | 'outbound';
  channel: Channel;
  /** An inbound message that we answered: two-way contact. */
  answeredInbound?: boolean;
  automated?: boolean;
  internal?: boolean;
};

/** A stakeholder against one cadence rule. Times in epoch ms. */
export type CadenceRuleStatus = {
  rule: CadenceRule;
  /** Last contact of ours that counts for this rule (see {@link isOurContact} and `rule.channels`). */
  lastContactMs: number | null;
  /** Last contact (or, never contacted, the stakeholder's creation) + maxDays: overdue after this. */
  dueByMs: number;
  /** Last contact (or creation) + idealDays: due after this. */
  idealByMs: number;
  state: CadenceState;
};

export type CadenceStatus = {
  /** The worst state over all rules; `ok` when no rule applies. */
  state: CadenceState;
  rules: CadenceRuleStatus[];
  /** The rule status that sets `state` (earliest due-by among the worst), null when no rule applies. */
  worst: CadenceRuleStatus | null;
};

const severity: Record<CadenceState, number> = { ok: 0, due: 1, overdue: 2 };

/**
 * The cadence rules that apply to a stakeholder. A per-stakeholder `cadenceOverride` replaces the plan (one
 * rule, any channel). Otherwise the plan's rules for the stakeholder's type and exact tier apply; only when
 * there are none do the type's `tier: null` rules apply. So a tier with rules of its own (core partners:
 * monthly contact and a meeting every 90 days) must list every rule it needs. Empty when nothing applies.
 */
export function resolveCadence(plan: Plan, stakeholder: CadenceStakeholder): CadenceRule[] {
  if (stakeholder.cadenceOverride) {
    const { idealDays, maxDays } = stakeholder.cadenceOverride;
    return [{ stakeholderType: stakeholder.type, tier: stakeholder.tier, idealDays, maxDays, channels: null }];
  }
  const ofType = plan.cadence.filter((r) => r.stakeholderType === stakeholder.type);
  const ofTier = stakeholder.tier === null ? [] : ofType.filter((r) => r.tier === stakeholder.tier);
  return ofTier.length > 0 ? ofTier : ofType.filter((r) => r.tier === null);
}

/**
 * Whether an interaction is contact from us for cadence (docs/metrics.md "Cadence"): an outbound message, a live
 * conversation (phone, video, in person; either direction), or an inbound we answered (two-way). An unanswered
 * inbound is not our contact; automated and internal events never count.
 */
export function isOurContact(c: CadenceContact): boolean {
  if (c.automated || c.internal) return false;
  return c.direction === 'outbound' || isLiveChannel(c.channel) || c.answeredInbound === true;
}

/**
 * A stakeholder's cadence as of `asOfMs`, per rule and overall. For each rule, the last counting contact at or
 * before `asOfMs` (restricted to `rule.channels` when set) plus `idealDays`/`maxDays` (elapsed 24 h days)
 * gives the ideal and due-by instants; never contacted, they run from `createdAtMs`. State: `overdue` once
 * `asOfMs` is past due-by, `due` once past ideal, else `ok`.
 *
 * @param contacts every interaction with this one stakeholder, any channel and order
 */
export function cadenceStatus(
  contacts: readonly CadenceContact[],
  rules: readonly CadenceRule[],
  asOfMs: number,
  createdAtMs: number,
): CadenceStatus {
  const statuses: CadenceRuleStatus[] = rules.map((rule) => {
    let last: number | null = null;
    for (const c of contacts) {
      if (c.occurredAtMs > asOfMs || !isOurContact(c)) continue;
      if (rule.channels && !rule.channels.includes(c.channel)) continue;
      if (last === null || c.occurredAtMs > last) last = c.occurredAtMs;
    }
    const from = last ?? createdAtMs;
    const dueByMs = from + rule.maxDays * DAY_MS;
    const idealByMs = from + rule.idealDays * DAY_MS;
    const state: CadenceState = asOfMs > dueByMs ? 'overdue' : asOfMs > idealByMs ? 'due' : 'ok';
    return { rule, lastContactMs: last, dueByMs, idealByMs, state };
  });
  let worst: CadenceRuleStatus | null = null;
  for (const s of statuses) {
    if (!worst || severity[s.state] > severity[worst.state] || (s.state === worst.state && s.dueByMs < worst.dueByMs))
      worst = s;
  }
  return { state: worst?.state ?? 'ok', rules: statuses, worst };
}

/**
 * Coverage over active stakeholders (docs/metrics.md "Coverage"): covered = within cadence, i.e. not overdue
 * (a `due` stakeholder is still covered, and counted in `due` too). `rate` = covered ÷ active, null with none.
 */
export function coverageRate(states: readonly CadenceState[]): {
  active: number;
  covered: number;
  due: number;
  overdue: number;
  rate: number | null;
} {
  let due = 0;
  let overdue = 0;
  for (const s of states) {
    if (s === 'due') due++;
    else if (s === 'overdue') overdue++;
  }
  const active = states.length;
  const covered = active - overdue;
  return { active, covered, due, overdue, rate: active > 0 ? covered / active : null };
}
