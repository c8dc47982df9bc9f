import type { CadenceListResult, CadenceRow, CadenceState, cadenceListInputSchema } from '@comms-log/shared';
import type { z } from 'zod';
import { lastInboundOutbound } from '../../db/queries/cadence';
import { toIso, toIsoOrNull } from '../../iso';
import type { ServiceCtx } from '../service-ctx';
import { stakeholderCadences, type StakeholderCadence } from './cadence';
import { asOfMs, assertOwnFilter, loadEnv } from './scope';

/*
 * `metrics.cadence`: "last contact per stakeholder". The states are those of
 * `metrics.coverage` (the same `stakeholderCadences`), so the list and the coverage table always agree.
 */

const severity: Record<CadenceState, number> = { overdue: 0, due: 1, ok: 2 };

/** Most urgent first: overdue, due, ok; then the earliest due-by, the name, the id. */
const byUrgency = (a: StakeholderCadence, b: StakeholderCadence): number =>
  severity[a.status.state] - severity[b.status.state] ||
  (a.status.worst?.dueByMs ?? 0) - (b.status.worst?.dueByMs ?? 0) ||
  a.name.localeCompare(b.name) ||
  (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function rowOf(s: StakeholderCadence, seen: { lastIn: number | null; lastOut: number | null } | undefined): CadenceRow {
  // Every listed stakeholder has at least one rule, so `worst` is set.
  const worst = s.status.worst!;
  return {
    stakeholderId: s.id,
    name: s.name,
    type: s.type,
    tier: s.tier,
    ownerUserId: s.ownerUserId,
    state: s.status.state,
    lastContactAt: toIsoOrNull(s.lastContactMs),
    lastInboundAt: toIsoOrNull(seen?.lastIn),
    lastOutboundAt: toIsoOrNull(seen?.lastOut),
    dueBy: toIso(worst.dueByMs),
    idealBy: toIso(worst.idealByMs),
    idealDays: worst.rule.idealDays,
    maxDays: worst.rule.maxDays,
    ruleChannels: worst.rule.channels ? [...worst.rule.channels] : null,
  };
}

/** Active stakeholders with a cadence rule, most urgent first, a page at a time; staff get the ones they own. */
export async function metricsCadence(
  ctx: ServiceCtx,
  input: z.output<typeof cadenceListInputSchema>,
): Promise<CadenceListResult> {
  assertOwnFilter(ctx.user, input.ownerUserId);
  const env = await loadEnv(ctx);
  const at = asOfMs(ctx, input.asOf);
  const all = await stakeholderCadences(ctx, { ...input, atMs: at }, env);
  const counts = { ok: 0, due: 0, overdue: 0 };
  for (const s of all) counts[s.status.state]++;
  const states = input.state;
  const listed = (states?.length ? all.filter((s) => states.includes(s.status.state)) : all).sort(byUrgency);
  const page = listed.slice(input.offset, input.offset + input.limit);
  const last = page.length
    ? await lastInboundOutbound(
        ctx.db,
        ctx.user.orgId,
        page.map((s) => s.id),
        at,
      )
    : new Map();
  return { items: page.map((s) => rowOf(s, last.get(s.id))), total: listed.length, counts };
}
