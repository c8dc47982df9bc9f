import { sql } from 'drizzle-orm';
import type { CadenceListResult, CadenceRow, CadenceState, StakeholderType } from '@comms-log/shared';
import { toIso, toIsoOrNull } from '../iso';
import { asOfMs, loadEnv, stakeholderCadences, type MetricsCtx, type MetricsEnv } from './metrics';

/*
 * `metrics.cadence`: "last contact per stakeholder". The states are those of
 * `metrics.coverage` (the same `stakeholderCadences`), so the list and the coverage table always agree.
 */

export interface CadenceListParams {
  asOf?: string | undefined;
  stakeholderType?: StakeholderType[] | undefined;
  tier?: string[] | undefined;
  stakeholderId?: string[] | undefined;
  ownerUserId?: (string | null)[] | undefined;
  state?: CadenceState[] | undefined;
  offset: number;
  limit: number;
}

const severity: Record<CadenceState, number> = { overdue: 0, due: 1, ok: 2 };

/** Active stakeholders with a cadence rule, most urgent first, a page at a time; staff get the ones they own. */
export async function metricsCadence(
  ctx: MetricsCtx,
  input: CadenceListParams,
  env?: MetricsEnv,
): Promise<CadenceListResult> {
  const e = env ?? (await loadEnv(ctx));
  const at = asOfMs(input.asOf);
  const all = await stakeholderCadences(ctx, e, at, input);
  const counts = { ok: 0, due: 0, overdue: 0 };
  for (const s of all) counts[s.status.state]++;
  const listed = (input.state?.length ? all.filter((s) => input.state!.includes(s.status.state)) : all).sort(
    (a, b) =>
      severity[a.status.state] - severity[b.status.state] ||
      (a.status.worst?.dueByMs ?? 0) - (b.status.worst?.dueByMs ?? 0) ||
      a.name.localeCompare(b.name) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const page = listed.slice(input.offset, input.offset + input.limit);

  const last = new Map<string, { lastIn: number | null; lastOut: number | null }>();
  if (page.length) {
    const rows = await ctx.db.all<{ stakeholder_id: string; last_in: number | null; last_out: number | null }>(sql`
      SELECT i.stakeholder_id, max(CASE WHEN i.direction = 'inbound' THEN i.occurred_at END) AS last_in,
        max(CASE WHEN i.direction = 'outbound' THEN i.occurred_at END) AS last_out
      FROM interactions i
      WHERE i.org_id = ${ctx.user.orgId} AND i.stakeholder_id IN (${sql.join(
        page.map((s) => sql`${s.id}`),
        sql`, `,
      )})
        AND i.deleted = 0 AND i.automated = 0 AND i.internal = 0 AND i.occurred_at <= ${sql.raw(String(at))}
      GROUP BY i.stakeholder_id`);
    for (const r of rows) last.set(r.stakeholder_id, { lastIn: r.last_in, lastOut: r.last_out });
  }

  const items: CadenceRow[] = page.map((s) => {
    // Every listed stakeholder has at least one rule, so `worst` is set.
    const worst = s.status.worst!;
    const seen = last.get(s.id);
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
  });
  return { items, total: listed.length, counts };
}
