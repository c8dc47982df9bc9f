import { z } from 'zod';
import { computedDateTimeSchema } from './common';
import { reportLanguageSchema } from './reports';

/*
 * The period report by e-mail (docs/web-view.md "Scheduled e-mail"): an org's schedule, its recipients each in
 * their own language, and the log of sends.
 */

export const mailCadenceSchema = z.enum(['weekly', 'monthly']);
export type MailCadence = z.infer<typeof mailCadenceSchema>;

export const mailRecipientSchema = z.strictObject({
  email: z.email('must be an email address').max(320).toLowerCase(),
  language: reportLanguageSchema,
});
export type MailRecipient = z.infer<typeof mailRecipientSchema>;

/** `mail.setSchedule` (admins): `recipients: []` turns the schedule off. */
export const mailScheduleInputSchema = z.strictObject({
  cadence: mailCadenceSchema,
  recipients: z
    .array(mailRecipientSchema)
    .max(50, 'at most 50 recipients')
    .refine((rs) => new Set(rs.map((r) => r.email)).size === rs.length, 'each address may be listed once'),
});
export type MailScheduleInput = z.input<typeof mailScheduleInputSchema>;

export const mailScheduleSchema = z.object({
  cadence: mailCadenceSchema,
  recipients: z.array(mailRecipientSchema),
  updatedAt: computedDateTimeSchema,
});
export type MailSchedule = z.infer<typeof mailScheduleSchema>;

export const mailSendSchema = z.object({
  id: z.string(),
  period: z.string(),
  email: z.string(),
  language: reportLanguageSchema,
  trigger: z.enum(['schedule', 'cli']),
  status: z.enum(['sending', 'sent', 'failed']),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  claimedAt: computedDateTimeSchema,
  sentAt: computedDateTimeSchema.nullable(),
  retryAt: computedDateTimeSchema.nullable(),
});
export type MailSend = z.infer<typeof mailSendSchema>;

/** `mail.sends` (admins): the newest first. */
export const mailSendsInputSchema = z.strictObject({ limit: z.number().int().min(1).max(200).default(50) }).default({
  limit: 50,
});
