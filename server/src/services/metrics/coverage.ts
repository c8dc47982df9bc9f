import {
  coverageRate,
  stakeholderTypes,
  type CadenceState,
  type CoverageResult,
  type StakeholderType,
  type coverageInputSchema,
} from '@comms-log/shared';
import type { z } from 'zod';
import type { CadenceScope } from '../../db/queries/cadence';
import type { ServiceCtx } from '../service-ctx';
import { stakeholderCadences } from './cadence';
import { asOfMs, loadEnv, type MetricsEnv } from './scope';

/**
 * `metrics.coverage`: coverage per stakeholder type (shared `coverageRate`): active stakeholders with a cadence rule,
 * how many are within cadence, due and overdue. Every type with at least one such stakeholder has a row. The report
 * narrows it to its filter's stakeholders (`CadenceScope`); `env`: its plan, read once for all its figures.
 */
export async function metricsCoverage(
  ctx: ServiceCtx,
  input: z.output<typeof coverageInputSchema> & CadenceScope,
  env?: MetricsEnv,
): Promise<CoverageResult> {
  const e = env ?? (await loadEnv(ctx));
  const list = await stakeholderCadences(ctx, { ...input, atMs: asOfMs(ctx, input.asOf) }, e);
  const byType = new Map<StakeholderType, CadenceState[]>();
  for (const s of list) {
    const states = byType.get(s.type);
    if (states) states.push(s.status.state);
    else byType.set(s.type, [s.status.state]);
  }
  const rows = stakeholderTypes
    .filter((t) => byType.has(t))
    .map((t) => ({ stakeholderType: t, ...coverageRate(byType.get(t)!) }));
  return { rows };
}
