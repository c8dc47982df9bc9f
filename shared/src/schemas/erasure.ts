import { z } from 'zod';
import { computedDateTimeSchema, isoDateTimeSchema } from './common';
import { followupSchema } from './followup';
import { interactionSchema } from './interaction';
import { mediaCoverageSchema } from './media-coverage';
import { stakeholderSchema } from './stakeholder';
import { surveyResponseSchema } from './survey';
import { identifierString } from './text';
import { threadOutcomeEventSchema } from './thread-resolution';

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

/**
 * `privacy.export`: everything held about one stakeholder, the rows an erasure would remove, in the forms the other
 * procedures return them. Not strict: every field returned is listed.
 */
export const stakeholderExportSchema = z.object({
  exportedAt: computedDateTimeSchema,
  stakeholder: stakeholderSchema,
  /** Oldest first. */
  interactions: z.array(interactionSchema),
  followups: z.array(followupSchema),
  /** The resolves and reopens of the threads of those interactions. */
  threadOutcomes: z.array(
    z.object({
      threadKey: z.string(),
      event: threadOutcomeEventSchema,
      at: isoDateTimeSchema,
      note: z.string().nullable(),
    }),
  ),
  surveyResponses: z.array(surveyResponseSchema),
  mediaCoverage: z.array(mediaCoverageSchema),
});
export type StakeholderExport = z.infer<typeof stakeholderExportSchema>;
