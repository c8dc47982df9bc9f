import { z } from 'zod';
import { isoDateTimeSchema, nameSchema, stakeholderTypeSchema, tierSchema } from './common';
import { cadenceOverrideSchema, identityInputSchema, identityKindSchema, stakeholderSchema } from './stakeholder';
import { freeTextString, identifierString } from './text';

const idSchema = identifierString.min(1).max(64);

/** `directory.get`, `delete` and `removeIdentity`: one stakeholder (or identity) by id. */
export const directoryIdInputSchema = z.strictObject({ id: idSchema });

/** `directory.list`: a page of the directory, by name, filtered. */
export const directoryListInputSchema = z
  .strictObject({
    search: freeTextString.trim().max(200).optional(),
    type: z.array(stakeholderTypeSchema).max(10).optional(),
    active: z.boolean().optional(),
    ownerUserId: identifierString.max(64).optional(),
    offset: z.number().int().min(0).max(1_000_000).default(0),
    limit: z.number().int().min(1).max(500).default(50),
  })
  .default({ offset: 0, limit: 50 });

/** `directory.list`: one page of stakeholders, and how many match the filters in all. */
export const directoryListResultSchema = z.object({ items: z.array(stakeholderSchema), total: z.number().int() });

/** `directory.update` (managers): only the fields given change; `identities`, when given, replaces the whole list. */
export const directoryUpdateInputSchema = z.strictObject({
  id: idSchema,
  name: nameSchema.optional(),
  type: stakeholderTypeSchema.optional(),
  tier: tierSchema.optional(),
  organization: freeTextString.trim().max(200).nullable().optional(),
  ownerUserId: identifierString.max(64).nullable().optional(),
  cadenceOverride: cadenceOverrideSchema.nullable().optional(),
  active: z.boolean().optional(),
  identities: z.array(identityInputSchema).max(50).optional(),
});

/** `directory.addIdentity`: link a handle to a stakeholder. */
export const addIdentityInputSchema = z.strictObject({ stakeholderId: idSchema, identity: identityInputSchema });

/**
 * `directory.merge` (managers): `mergeId` folds into `keepId` — its identities, interactions, follow-ups and
 * cadence snoozes move to the kept stakeholder, which is returned; the merged one becomes inactive.
 */
export const directoryMergeInputSchema = z.strictObject({ keepId: idSchema, mergeId: idSchema });
export type DirectoryMergeInput = z.infer<typeof directoryMergeInputSchema>;

/** A handle as the suggestions queue names it: the identity kind its site's handles are, and the lower-cased value. */
export const handleKeySchema = z.strictObject({
  kind: identityKindSchema,
  value: identifierString.trim().min(1).max(320),
});
export type HandleKey = z.infer<typeof handleKeySchema>;

/** `directory.suggestions` (managers): unknown counterparts seen in logged threads, busiest first. */
export const suggestionsInputSchema = z
  .strictObject({
    /** Only interactions at or after this instant. */
    since: isoDateTimeSchema.optional(),
    limit: z.number().int().min(1).max(200).default(50),
    cursor: identifierString.max(400).nullable().default(null),
  })
  .default({ limit: 50, cursor: null });
export type SuggestionsInput = z.input<typeof suggestionsInputSchema>;

export const suggestionSchema = z.object({
  kind: identityKindSchema,
  /** The author handle, lower-cased. */
  value: z.string(),
  /** The author name last seen with the handle. */
  name: z.string(),
  /** Inbound messages from the handle without a stakeholder. */
  count: z.number().int(),
  /** Threads they were seen in. */
  threads: z.number().int(),
  firstAt: isoDateTimeSchema,
  lastAt: isoDateTimeSchema,
  /** Title and link of the latest such message (title per the org's capture level). */
  sampleTitle: z.string().nullable(),
  sampleUrl: z.string().nullable(),
  /** For an email: its domain, unless a public email provider (a candidate `domain` identity). */
  suggestedDomain: z.string().nullable(),
  /**
   * An active stakeholder the directory resolves the handle to today (exact identity or the email's domain),
   * e.g. after the identity was added by hand: the messages logged before still wait for an assignment.
   */
  matchedStakeholderId: z.string().nullable(),
});
export type Suggestion = z.infer<typeof suggestionSchema>;

export const suggestionsResultSchema = z.object({
  items: z.array(suggestionSchema),
  /** How many handles are in the queue (all pages). */
  total: z.number().int(),
  nextCursor: z.string().nullable(),
});
export type SuggestionsResult = z.infer<typeof suggestionsResultSchema>;

/**
 * `directory.assignHandle` (managers): the handle becomes an identity of the stakeholder and its interactions
 * without a stakeholder are assigned to it.
 */
export const assignHandleInputSchema = handleKeySchema.extend({ stakeholderId: idSchema });
export type AssignHandleInput = z.infer<typeof assignHandleInputSchema>;

export const assignHandleResultSchema = z.object({
  /** How many interactions were assigned to the stakeholder. */
  assigned: z.number().int(),
  /** Whether the identity was added (false when the stakeholder already held it). */
  identityAdded: z.boolean(),
});
export type AssignHandleResult = z.infer<typeof assignHandleResultSchema>;

/** `directory.dismissHandle` / `undismissHandle` (managers): hide a handle from the queue org-wide, or show it again. */
export const dismissHandleInputSchema = handleKeySchema.extend({});
export type DismissHandleInput = z.infer<typeof dismissHandleInputSchema>;
export const dismissHandleResultSchema = z.object({
  kind: identityKindSchema,
  value: z.string(),
  dismissed: z.boolean(),
});
export type DismissHandleResult = z.infer<typeof dismissHandleResultSchema>;

/** `directory.importCsv` (managers): the CSV text, 1 MiB at most; `dryRun` reports the same verdicts and writes nothing. */
export const importCsvInputSchema = z.strictObject({
  csv: z
    .string()
    .min(1)
    .max(1024 * 1024, 'the CSV can be at most 1 MiB'),
  dryRun: z.boolean().default(false),
});
export type ImportCsvInput = z.input<typeof importCsvInputSchema>;

export const importRowReportSchema = z.object({
  /** The row's line in the file (the header is line 1). */
  row: z.number().int(),
  status: z.enum(['created', 'updated', 'error']),
  message: z.string(),
  /** The stakeholder written; null for errors and, in a dry run, for a stakeholder the file would create. */
  stakeholderId: z.string().nullable(),
});
export type ImportRowReport = z.infer<typeof importRowReportSchema>;

export const importReportSchema = z.object({
  rows: z.array(importRowReportSchema),
  created: z.number().int(),
  updated: z.number().int(),
  errors: z.number().int(),
  /** True when nothing was written. */
  dryRun: z.boolean(),
});
export type ImportReport = z.infer<typeof importReportSchema>;

/** The columns of a stakeholder CSV (`directory.importCsv`): `name` and `type` required, multi-values `;`-separated. */
export const stakeholderCsvColumns = [
  'name',
  'type',
  'tier',
  'organization',
  'owner_email',
  'emails',
  'domains',
  'weibo',
  'jira',
  'trello',
  'phones',
  /** When the stakeholder entered the records (a date, or a date-time with an offset); only for new ones. */
  'created_at',
] as const;
