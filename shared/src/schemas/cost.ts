import { z } from 'zod';
import { INSTANT_MAX, INSTANT_MIN, ulidSchema } from './common';
import { freeTextString } from './text';

/** A calendar month, YYYY-MM, in the months of the accepted instants (1970-01 to 2100-12). */
export const monthSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month, YYYY-MM')
  .refine(
    (m) => m >= INSTANT_MIN.slice(0, 7) && m <= INSTANT_MAX.slice(0, 7),
    `must lie between ${INSTANT_MIN.slice(0, 7)} and ${INSTANT_MAX.slice(0, 7)}`,
  );

/** An ISO 4217 currency code, e.g. CNY. */
export const currencySchema = z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 currency code such as CNY');

const amountSchema = z.number().min(0, 'an amount cannot be negative').max(1e15, 'the amount is too large');

/** One external-communication cost of a month (an agency fee, an event, advertising). */
export const costEntryInputSchema = z.strictObject({
  id: ulidSchema,
  month: monthSchema,
  category: freeTextString.trim().min(1, 'give the cost a category').max(60, 'a category can be at most 60 characters'),
  amount: amountSchema,
  currency: currencySchema,
});
export type CostEntryInput = z.infer<typeof costEntryInputSchema>;

/** The organisation's revenue of a month: the base of the cost share. */
export const revenueInputSchema = z.strictObject({
  month: monthSchema,
  amount: amountSchema,
  currency: currencySchema,
});
export type RevenueInput = z.infer<typeof revenueInputSchema>;

/** A cost entry as stored and returned. */
export const costEntrySchema = costEntryInputSchema.extend({
  recordedBy: z.string(),
  createdAt: z.string(),
});
export type CostEntry = z.infer<typeof costEntrySchema>;

/** A month's revenue as stored and returned. */
export const revenueSchema = revenueInputSchema.extend({ updatedBy: z.string(), updatedAt: z.string() });
export type Revenue = z.infer<typeof revenueSchema>;

/** `evaluations.listCosts`: the cost entries and revenue of the months `from`–`to` (both included; all when absent). */
export const costListInputSchema = z
  .strictObject({ from: monthSchema.optional(), to: monthSchema.optional() })
  .refine((r) => r.from === undefined || r.to === undefined || r.from <= r.to, {
    message: 'the first month must not come after the last',
    path: ['to'],
  });
export const costListResultSchema = z.object({ costs: z.array(costEntrySchema), revenues: z.array(revenueSchema) });
export type CostListResult = z.infer<typeof costListResultSchema>;
