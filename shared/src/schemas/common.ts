import { z } from 'zod';
import { freeTextString, identifierString } from './text';

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

/** The first and last instant the API accepts (docs/api.md "Ranges"): every stored instant can be read back. */
export const INSTANT_MIN = '1970-01-01T00:00:00Z';
export const INSTANT_MAX = '2100-12-31T23:59:59Z';
const INSTANT_MIN_MS = Date.parse(INSTANT_MIN);
const INSTANT_MAX_MS = Date.parse(INSTANT_MAX);

/** Whether epoch ms `ms` lies in the accepted range, {@link INSTANT_MIN} to {@link INSTANT_MAX}. */
export const instantInRange = (ms: number): boolean => ms >= INSTANT_MIN_MS && ms <= INSTANT_MAX_MS;

/** What an instant that is not one is told: the form accepted, with an example (docs/api.md "Ranges"). */
const DATE_TIME_FORM =
  'must be an ISO 8601 date and time with an offset or Z, e.g. 2026-04-22T10:30:00+08:00 (a time without an offset is ambiguous)';

/**
 * An instant the API accepts: ISO 8601 with an explicit offset or Z (e.g. 2026-03-10T09:12:00+08:00), a real
 * calendar date, from {@link INSTANT_MIN} to {@link INSTANT_MAX} once its offset is applied. Every instant of every
 * input uses it.
 */
export const isoDateTimeSchema = z.iso
  .datetime({ offset: true, error: DATE_TIME_FORM })
  // One check parsing the date once (it was two): a pushed interaction's instants are checked 500 to a push.
  .superRefine((s, ctx) => {
    const ms = Date.parse(s);
    if (Number.isNaN(ms)) ctx.addIssue({ code: 'custom', message: 'is not a real date and time', input: s });
    else if (!instantInRange(ms))
      ctx.addIssue({ code: 'custom', message: `must lie between ${INSTANT_MIN} and ${INSTANT_MAX}`, input: s });
  });

/**
 * An instant the API returns that is computed rather than given (a deadline, a due-by date, the previous period of a
 * report): it may lie a little outside the accepted range, so it is checked for its form only.
 */
export const computedDateTimeSchema = z.iso.datetime({ offset: true });

/** A calendar date, YYYY-MM-DD, in the dates of the accepted instants (1970-01-01 to 2100-12-31). */
export const isoDateSchema = z.iso
  .date()
  .refine(
    (s) => s >= INSTANT_MIN.slice(0, 10) && s <= INSTANT_MAX.slice(0, 10),
    `must lie between ${INSTANT_MIN.slice(0, 10)} and ${INSTANT_MAX.slice(0, 10)}`,
  );

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

/**
 * A link the API keeps (an interaction's, a follow-up's): http or https only, so that no stored link runs script
 * when a user follows it (`javascript:`, `data:`).
 */
export const webUrlSchema = identifierString.max(2000).url({
  protocol: /^https?$/,
  error: 'must be a web link starting with http:// or https:// (e.g. https://example.com/page)',
});

/** A cadence tier, e.g. `core`: a key that rules and filters match, so an identifier. */
export const tierSchema = identifierString.trim().min(1).max(32);

export const nameSchema = freeTextString.trim().min(1).max(200);
