import { z } from 'zod';
import { computedDateTimeSchema, isoDateTimeSchema, siteIdSchema } from './common';

/**
 * How often one site adapter could not read a page, as one browser counted it: the site, the adapter's version,
 * the missing field (a selector key) and the page's host. Never page text and never a URL beyond the host.
 */
export const siteFailureCountSchema = z.strictObject({
  site: siteIdSchema,
  adapterVersion: z.string().trim().min(1).max(40),
  field: z
    .string()
    .trim()
    .min(1)
    .max(80)
    .regex(/^[A-Za-z0-9_.:-]+$/, 'a selector key: letters, digits and _ . : - only'),
  host: z
    .string()
    .trim()
    .min(1)
    .max(253)
    .regex(/^[a-z0-9.-]+$/, 'a host name only, lower case, without scheme, port or path'),
  /** Failures counted by this browser so far (a running total: a report sent twice is counted once). */
  count: z.number().int().min(1).max(1_000_000_000),
  firstAt: isoDateTimeSchema,
  lastAt: isoDateTimeSchema,
});
export type SiteFailureCount = z.infer<typeof siteFailureCountSchema>;

/** `siteHealth.report`: one browser's running totals; `clientId` tells browsers apart. */
export const siteHealthReportInputSchema = z.strictObject({
  clientId: z
    .string()
    .min(8)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, _ and - only'),
  failures: z.array(siteFailureCountSchema).max(200),
});
export type SiteHealthReportInput = z.infer<typeof siteHealthReportInputSchema>;

/** `siteHealth.report`: how many counters were stored. */
export const siteHealthReportResultSchema = z.object({ stored: z.number().int() });

/** `siteHealth.list`: one broken field of one adapter version, over every browser of the org. */
export const siteHealthEntrySchema = z.object({
  site: siteIdSchema,
  adapterVersion: z.string(),
  field: z.string(),
  hosts: z.array(z.string()),
  failures: z.number().int(),
  users: z.number().int(),
  firstAt: computedDateTimeSchema,
  lastAt: computedDateTimeSchema,
});
export type SiteHealthEntry = z.infer<typeof siteHealthEntrySchema>;

/** `siteHealth.list`: the latest failures first. */
export const siteHealthListResultSchema = z.array(siteHealthEntrySchema);
