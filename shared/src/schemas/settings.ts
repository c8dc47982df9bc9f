import { z } from 'zod';
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
