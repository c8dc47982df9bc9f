/** What a change makes stale, to recompute (docs/metrics.md "Pairing"). */
export interface DeriveScope {
  /** Threads to recompute whole. */
  threadKeys: Set<string>;
  /**
   * Stakeholders whose live events changed, with the earliest instant of such an event: their waits that
   * were still open at that instant (or began after it) are recomputed.
   */
  liveStakeholders: Map<string, number>;
}

export const emptyScope = (): DeriveScope => ({ threadKeys: new Set(), liveStakeholders: new Map() });

/** Note a changed live event of `stakeholderId` at `at`: the stakeholder's earliest such instant is kept. */
export function touchLiveStakeholder(scope: DeriveScope, stakeholderId: string, at: number): void {
  const since = scope.liveStakeholders.get(stakeholderId);
  scope.liveStakeholders.set(stakeholderId, since === undefined ? at : Math.min(since, at));
}

/**
 * What re-pointing rows to `stakeholderId` makes stale: their threads, and the waits of that stakeholder their
 * live events may answer (`threads` with the first instant of a live event among the rows of each).
 */
export function scopeOfThreads(
  threads: readonly { threadKey: string; liveFrom: number | null }[],
  stakeholderId: string,
): DeriveScope {
  const scope = emptyScope();
  for (const t of threads) {
    scope.threadKeys.add(t.threadKey);
    if (t.liveFrom !== null) touchLiveStakeholder(scope, stakeholderId, t.liveFrom);
  }
  return scope;
}
