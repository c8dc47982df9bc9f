/*
 * Derived response fields (docs/metrics.md "Pairing"): which waits each message starts and how they were
 * answered, stored on the interactions and kept current by push, merges, closures and plan changes.
 */
export { derivedColumns, noDerived, type DerivedFields } from '../../db/queries/derive';
export { deriveFields, derivedEqual, type DeriveRow } from './fields';
export { loadForDerive } from './load';
export { recomputeOrg, recomputeScope } from './recompute';
export { emptyScope, scopeOfThreads, touchLiveStakeholder, type DeriveScope } from './scope';
