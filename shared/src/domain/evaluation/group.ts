/** One group of {@link groupThenApply}: its key and what was computed over its items. */
export type Grouped<K, R> = { key: K; value: R };

/**
 * Groups items by `keyOf` (keys compared with `===`/SameValueZero, so `null` is a key of its own), then applies
 * `apply` to each group's items. Groups come in the order their first item came.
 */
export function groupThenApply<T, K, R>(
  items: readonly T[],
  keyOf: (item: T) => K,
  apply: (group: T[], key: K) => R,
): Grouped<K, R>[] {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return [...groups].map(([key, group]) => ({ key, value: apply(group, key) }));
}
