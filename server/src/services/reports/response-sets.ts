import type { MetricsFilter } from '@comms-log/shared';

/*
 * Response figures that can share one read of the waits (docs/metrics.md "Goals"): filters alike but for their one
 * stakeholder type (the default plan's customer and media goals) are one read of those types grouped by type, each
 * figure its type's row; each read scans the waits of every type in its period, so two reads scanned them twice.
 */

/** Filters alike but for their stakeholder type, and the filter of all their types together. */
export interface TypeSet {
  union: MetricsFilter;
  each: MetricsFilter[];
}

/** The sets of two or more filters of one stakeholder type each that differ in nothing else; others are left out. */
export function typeSets(filters: readonly MetricsFilter[]): TypeSet[] {
  const sets = new Map<string, { rest: MetricsFilter; types: Set<string>; each: MetricsFilter[] }>();
  for (const f of filters) {
    const type = f.stakeholderType?.length === 1 ? f.stakeholderType[0]! : null;
    if (type === null) continue;
    const { stakeholderType: _, ...rest } = f;
    const key = JSON.stringify(rest);
    const set = sets.get(key) ?? { rest, types: new Set<string>(), each: [] as MetricsFilter[] };
    sets.set(key, set);
    if (set.types.has(type)) continue;
    set.types.add(type);
    set.each.push(f);
  }
  return [...sets.values()]
    .filter((set) => set.each.length > 1)
    .map(({ rest, types, each }) => ({
      union: { ...rest, stakeholderType: [...types] as MetricsFilter['stakeholderType'] },
      each,
    }));
}
