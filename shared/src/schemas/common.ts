import { z } from 'zod';

/** Sites the extension captures from; each names an adapter folder and a content script. */
export const siteIds = ['gmail', 'outlook', 'weibo', 'jira', 'trello'] as const;
export const siteIdSchema = z.enum(siteIds);
export type SiteId = z.infer<typeof siteIdSchema>;

/** Where an interaction came from: a site adapter, or logged by hand in the popup. */
export const sourceSchema = z.enum([...siteIds, 'manual']);
export type Source = z.infer<typeof sourceSchema>;

/**
 * Channels of communication. `email`, `social` and `project` come from the sites; the rest are logged by
 * hand (`in_person` is face-to-face, `im` is chat/instant messaging).
 */
export const channels = ['email', 'social', 'project', 'phone', 'video', 'in_person', 'im'] as const;
export const channelSchema = z.enum(channels);
export type Channel = z.infer<typeof channelSchema>;

/** Channels whose logged events are conversations held live: a call or meeting answers any wait. */
export const liveChannels: readonly Channel[] = ['phone', 'video', 'in_person'];

export const directionSchema = z.enum(['inbound', 'outbound']);
export type Direction = z.infer<typeof directionSchema>;

export const stakeholderTypes = [
  'customer',
  'partner',
  'media',
  'investor',
  'government',
  'supplier',
  'other',
] as const;
export const stakeholderTypeSchema = z.enum(stakeholderTypes);
export type StakeholderType = z.infer<typeof stakeholderTypeSchema>;

export const roleSchema = z.enum(['staff', 'manager', 'admin']);
export type Role = z.infer<typeof roleSchema>;

/** What the server keeps of a message: metadata only, plus the subject/title, plus a snippet. */
export const captureLevelSchema = z.enum(['metadata', 'subject', 'snippet']);
export type CaptureLevel = z.infer<typeof captureLevelSchema>;

/** Client-generated ULID (26 Crockford base32 characters). */
export const ulidSchema = z
  .string()
  .regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'must be a ULID (26 characters, Crockford base32)');

/** ISO 8601 instant with an explicit offset or Z, e.g. 2026-03-10T09:12:00+08:00. */
export const isoDateTimeSchema = z.iso.datetime({ offset: true });

/** A calendar date, YYYY-MM-DD. */
export const isoDateSchema = z.iso.date();

/** An IANA time zone name accepted by Intl (e.g. Asia/Shanghai). */
export const timeZoneSchema = z
  .string()
  .min(1)
  .max(64)
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'must be an IANA time zone such as Asia/Shanghai');

export const tierSchema = z.string().trim().min(1).max(32);

export const nameSchema = z.string().trim().min(1).max(200);
