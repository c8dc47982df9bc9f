import { cadenceStatus, resolveCadence, type CadenceContact, type CadenceStatus } from '@comms-log/shared';
import { cadenceInputsOfScope, type CadenceScope, type CadenceStakeholderRow } from '../../db/queries/cadence';
import { isManager, type ServiceCtx } from '../service-ctx';
import type { MetricsEnv } from './scope';

/*
 * Cadence per stakeholder (docs/metrics.md "Cadence"), what `metrics.coverage`, `metrics.cadence` and the report's
 * overdue stakeholders all read, so that they always agree.
 */

export interface StakeholderCadence
  extends Pick<CadenceStakeholderRow, 'id' | 'name' | 'type' | 'tier' | 'ownerUserId'> {
  status: CadenceStatus;
  /** The last contact of ours in any channel at or before the instant asked (whatever the rules count). */
  lastContactMs: number | null;
}

/**
 * Cadence of every active stakeholder with at least one cadence rule, as of `atMs` (shared `resolveCadence`
 * and `cadenceStatus`). Staff get the stakeholders they own. Contacts are condensed in SQL to the last
 * contact of ours per stakeholder and channel — all that cadence reads of them: the latest outbound or live
 * event, or inbound we answered, in any thread and by anyone.
 */
export async function stakeholderCadences(
  ctx: ServiceCtx,
  input: CadenceScope & { atMs: number },
  env: MetricsEnv,
): Promise<StakeholderCadence[]> {
  const ownedBy = isManager(ctx.user) ? null : ctx.user.id;
  const { people, contacts } = await cadenceInputsOfScope(ctx.db, ctx.user.orgId, { ...input, ownedBy }, input.atMs);
  const byStakeholder = new Map<string, CadenceContact[]>();
  for (const c of contacts) {
    let list = byStakeholder.get(c.stakeholderId);
    if (!list) {
      list = [];
      byStakeholder.set(c.stakeholderId, list);
    }
    // The condensed contact is "ours" by construction: an outbound, a live event, or an answered inbound.
    list.push({ occurredAtMs: c.atMs, direction: 'outbound', channel: c.channel });
  }
  const out: StakeholderCadence[] = [];
  for (const p of people) {
    const rules = resolveCadence(env.plan, p);
    if (rules.length === 0) continue;
    const contacts = byStakeholder.get(p.id) ?? [];
    out.push({
      id: p.id,
      name: p.name,
      type: p.type,
      tier: p.tier,
      ownerUserId: p.ownerUserId,
      status: cadenceStatus(contacts, rules, input.atMs, p.createdAtMs),
      lastContactMs: contacts.length ? Math.max(...contacts.map((c) => c.occurredAtMs)) : null,
    });
  }
  return out;
}
