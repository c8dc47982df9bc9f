import { z } from 'zod';
import { isoDateTimeSchema, nameSchema, stakeholderTypeSchema, tierSchema } from './common';
import { freeTextString, identifierString } from './text';

export const identityKinds = ['email', 'domain', 'weibo', 'jira', 'trello', 'phone'] as const;
export const identityKindSchema = z.enum(identityKinds);
export type IdentityKind = z.infer<typeof identityKindSchema>;

export const identityInputSchema = z.strictObject({
  kind: identityKindSchema,
  value: identifierString.trim().min(1).max(320),
});
export type IdentityInput = z.infer<typeof identityInputSchema>;

export const identitySchema = identityInputSchema.extend({ id: z.string(), stakeholderId: z.string() });
export type Identity = z.infer<typeof identitySchema>;

export const cadenceOverrideSchema = z.strictObject({
  idealDays: z.number().int().min(1).max(3650),
  maxDays: z.number().int().min(1).max(3650),
});

export const stakeholderInputSchema = z.strictObject({
  name: nameSchema,
  type: stakeholderTypeSchema,
  tier: tierSchema.default('standard'),
  organization: freeTextString.trim().max(200).nullable().default(null),
  ownerUserId: identifierString.max(64).nullable().default(null),
  cadenceOverride: cadenceOverrideSchema.nullable().default(null),
  active: z.boolean().default(true),
  identities: z.array(identityInputSchema).max(50).default([]),
  /**
   * When the stakeholder entered the org's records, for history brought from elsewhere: coverage and cadence count
   * them from then. Not after now; absent: now.
   */
  createdAt: isoDateTimeSchema.optional(),
});
export type StakeholderInput = z.input<typeof stakeholderInputSchema>;

export const stakeholderSchema = z.object({
  id: z.string(),
  name: z.string(),
  type: stakeholderTypeSchema,
  tier: z.string(),
  organization: z.string().nullable(),
  ownerUserId: z.string().nullable(),
  cadenceOverride: cadenceOverrideSchema.nullable(),
  active: z.boolean(),
  identities: z.array(identitySchema),
  /** When the directory entry was created: a never-contacted stakeholder's cadence runs from it. */
  createdAt: isoDateTimeSchema,
  updatedAt: isoDateTimeSchema,
});
export type Stakeholder = z.infer<typeof stakeholderSchema>;

/** One handle seen on a page, to resolve to a stakeholder (`directory.match`). */
export const handleRefSchema = z.strictObject({
  kind: identityKindSchema,
  value: identifierString.trim().min(1).max(320),
});
export type HandleRef = z.infer<typeof handleRefSchema>;

export const matchInputSchema = z.strictObject({ handles: z.array(handleRefSchema).min(1).max(200) });
export const matchResultSchema = z.array(
  z.object({
    kind: identityKindSchema,
    value: z.string(),
    stakeholderId: z.string().nullable(),
    /** Which identity matched: the exact handle, or the organisation's domain. */
    via: z.enum(['exact', 'domain']).nullable(),
  }),
);
export type MatchResult = z.infer<typeof matchResultSchema>;
