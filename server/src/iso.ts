/** The database keeps instants as epoch ms; the wire carries ISO-8601 strings (tRPC has no transformer here). */
export const toIso = (ms: number): string => new Date(ms).toISOString();

export const toIsoOrNull = (ms: number | null | undefined): string | null =>
  ms === null || ms === undefined ? null : toIso(ms);

/** Parse an ISO-8601 instant (already validated by a shared schema) to epoch ms. */
export const fromIso = (iso: string): number => Date.parse(iso);

export const fromIsoOrNull = (iso: string | null | undefined): number | null =>
  iso === null || iso === undefined ? null : Date.parse(iso);
