import { z } from 'zod';
import { computedDateTimeSchema, isoDateTimeSchema } from './common';
import { followupSchema } from './followup';
import { interactionSchema } from './interaction';
import { mediaCoverageSchema } from './media-coverage';
import { identityKindSchema, stakeholderSchema } from './stakeholder';
import { surveyResponseSchema } from './survey';
import { identifierString } from './text';
import { threadOutcomeEventSchema } from './thread-resolution';

/** `privacy.erase` and `privacy.export`: the stakeholder a person's request is about. */
export const privacyStakeholderInputSchema = z.strictObject({ stakeholderId: identifierString.min(1).max(64) });

/**
 * `privacy.allowHandle`: one handle an erasure refuses (docs/sync.md "Erasure"), to be let in again when the person
 * comes back and consents. A domain is never refused, so it is no handle here.
 */
export const privacyHandleInputSchema = z.strictObject({
  kind: identityKindSchema.exclude(['domain']),
  value: identifierString.trim().min(1).max(320),
});
export type PrivacyHandleInput = z.infer<typeof privacyHandleInputSchema>;

/** The handle let in again, as the directory keeps it, and when the erasure that refused it ran. */
export const allowedHandleSchema = z.object({
  kind: privacyHandleInputSchema.shape.kind,
  value: z.string(),
  erasedAt: computedDateTimeSchema,
});
export type AllowedHandle = z.infer<typeof allowedHandleSchema>;

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
