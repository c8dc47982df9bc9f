import { z } from 'zod';
import { identifierString } from './text';

/** `privacy.erase` and `privacy.export`: the stakeholder a person's request is about. */
export const privacyStakeholderInputSchema = z.strictObject({ stakeholderId: identifierString.min(1).max(64) });

/**
 * What sync.pull carries of an erasure (docs/sync.md "Erasure"): the erased stakeholder and the ids of the rows
 * removed with them, for every extension to drop from its local copy. Ids only.
 */
export const erasureTombstoneSchema = z.object({
  stakeholderId: z.string(),
  interactionIds: z.array(z.string()),
  followupIds: z.array(z.string()),
});
export type ErasureTombstone = z.infer<typeof erasureTombstoneSchema>;

/** What an erasure removed, by kind. */
export const erasureResultSchema = z.object({
  stakeholderId: z.string(),
  erasedAt: z.string(),
  removed: z.record(z.string(), z.number().int()),
});
export type ErasureResult = z.infer<typeof erasureResultSchema>;
