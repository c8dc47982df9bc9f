import type { MetricsFilter, StakeholderType } from '@comms-log/shared';
import type { DrillSpec } from '../dashboard-context';

export type Basis = 'working' | 'calendar';
export type WaitStatus = 'late' | 'pending' | 'on_time';

/** The on-time target to colour rates against: the plan's on-time goal for the type, else the strictest one. */
export function onTimeTarget(
  goals: { metric: string; target: number; scope: { stakeholderType: StakeholderType | null } }[],
  type?: StakeholderType,
): number {
  const rates = goals.filter((g) => g.metric === 'on_time_rate');
  return rates.find((g) => g.scope.stakeholderType === type)?.target ?? Math.max(0.9, ...rates.map((g) => g.target));
}

/** The waits behind a response figure, as of the page's instant: all of them, or those with one status. */
export function waitSpec(
  at: { filter: MetricsFilter; asOf: string },
  title: string,
  key: DrillSpec['input']['key'],
  status?: WaitStatus,
): DrillSpec {
  return {
    title,
    input: {
      filter: at.filter,
      ...(key ? { key } : {}),
      waitsOnly: true,
      ...(status ? { onTime: status } : {}),
      asOf: at.asOf,
    },
  };
}
