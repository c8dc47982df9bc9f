import { z } from 'zod';
import { whoamiSchema } from './auth';
import { captureLevelSchema, nameSchema, timeZoneSchema } from './common';
import { identifierString } from './text';

/** An address or a domain whose messages are never logged. */
export const neverLogEntrySchema = z.strictObject({
  kind: z.enum(['email', 'domain']),
  value: identifierString.trim().min(1).max(320),
});
export type NeverLogEntryInput = z.infer<typeof neverLogEntrySchema>;

/** `settings.update`: only the fields given change. */
export const settingsUpdateInputSchema = z.strictObject({
  /** Admin only. */
  name: nameSchema.optional(),
  /** Admin only. Also sets the plan's working-calendar time zone (a new plan version; history is not recomputed). */
  timeZone: timeZoneSchema.optional(),
  /** Admin only. Lowering it also removes what is stored beyond the new level. */
  captureLevel: captureLevelSchema.optional(),
  /** Admin only: replaces the org-wide never-log list. */
  orgNeverLog: z.array(neverLogEntrySchema).max(1000).optional(),
  /** Anyone: replaces the caller's personal never-log list. */
  myNeverLog: z.array(neverLogEntrySchema).max(1000).optional(),
});

/** A stored never-log entry. */
export const neverLogItemSchema = z.object({ id: z.string(), kind: z.enum(['email', 'domain']), value: z.string() });

/**
 * `settings.get` and `settings.update`: the org (as `auth.whoami` shows it) and the never-log lists, the org's and
 * the caller's own, by kind then value. Not strict: every field returned is listed.
 */
export const settingsSchema = z.object({
  org: whoamiSchema.shape.org,
  neverLog: z.object({ org: z.array(neverLogItemSchema), mine: z.array(neverLogItemSchema) }),
});
export type Settings = z.infer<typeof settingsSchema>;
