import type { Goal, MetricsFilter } from '@comms-log/shared';

/** The purpose a goal reads: its scope's; complaint resolution reads complaints when its scope names none. */
export const goalPurpose = (goal: Goal): string | null =>
  goal.scope.purpose ?? (goal.metric === 'complaint_resolution_rate' ? 'complaint' : null);

/**
 * Narrow a report's filter to a goal's scope (type, channel, tier, purpose); null when the filter excludes it (a
 * goal for media in a customers-only report). A survey goal's dimension is not a filter: the survey figures take it.
 */
export function scoped(filter: MetricsFilter, goal: Goal): MetricsFilter | null {
  const { scope } = goal;
  const out: MetricsFilter = { ...filter };
  if (scope.stakeholderType) {
    if (filter.stakeholderType?.length && !filter.stakeholderType.includes(scope.stakeholderType)) return null;
    out.stakeholderType = [scope.stakeholderType];
  }
  if (scope.channel) {
    if (filter.channel?.length && !filter.channel.includes(scope.channel)) return null;
    out.channel = [scope.channel];
  }
  if (scope.tier) {
    if (filter.tier?.length && !filter.tier.includes(scope.tier)) return null;
    out.tier = [scope.tier];
  }
  const purpose = goalPurpose(goal);
  if (purpose !== null) {
    if (filter.purpose !== undefined && filter.purpose !== purpose) return null;
    out.purpose = purpose;
  }
  return out;
}
