import { coverageRate, stakeholderTypes, type CoverageResult } from '@comms-log/shared';
import type { CadenceScope } from '../../db/queries/cadence';
import type { StakeholderCadence } from '../metrics/cadence';

/*
 * The report's coverage figures read every stakeholder's cadence once and narrow it here to each figure's scope:
 * a stakeholder's cadence depends on its own contacts only, so narrowing after equals narrowing in SQL.
 */

/** The stakeholders a coverage figure is about. */
export type CoverageScope = Pick<CadenceScope, 'stakeholderType' | 'tier' | 'stakeholderId'>;

/** The stakeholders of `scope` (empty or missing lists narrow nothing, as in SQL). */
export function inScope(list: readonly StakeholderCadence[], scope: CoverageScope): StakeholderCadence[] {
  const types = scope.stakeholderType?.length ? new Set<string>(scope.stakeholderType) : null;
  const tiers = scope.tier?.length ? new Set(scope.tier) : null;
  const ids = scope.stakeholderId?.length ? new Set(scope.stakeholderId) : null;
  return list.filter((s) => (!types || types.has(s.type)) && (!tiers || tiers.has(s.tier)) && (!ids || ids.has(s.id)));
}

/** Coverage per stakeholder type, as `metrics.coverage` counts it (shared `coverageRate`). */
export function coverageOf(list: readonly StakeholderCadence[]): CoverageResult {
  return {
    rows: stakeholderTypes
      .map((t) => ({ t, states: list.filter((s) => s.type === t).map((s) => s.status.state) }))
      .filter((x) => x.states.length > 0)
      .map((x) => ({ stakeholderType: x.t, ...coverageRate(x.states) })),
  };
}
