import { z } from 'zod';
import { stakeholderTypeSchema } from './common';
import { freeTextString } from './text';

/** A purpose's id: a lower-case slug such as `product_feedback`, stable across label changes. */
export const purposeIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z][a-z0-9]*(?:[_-][a-z0-9]+)*$/, 'must be a lower-case slug such as product_feedback');
export type PurposeId = z.infer<typeof purposeIdSchema>;

/**
 * Why an interaction happened (a complaint, a press release…), so figures such as the complaint resolution rate
 * can pick their threads. `stakeholderType: null` is a purpose for any stakeholder type. A retired purpose stays
 * on the interactions that carry it but is no longer offered.
 */
export const purposeSchema = z.strictObject({
  id: purposeIdSchema,
  stakeholderType: stakeholderTypeSchema.nullable(),
  label: z.strictObject({
    en: freeTextString.trim().min(1, 'give the purpose an English label').max(100),
    zh: freeTextString.trim().min(1, 'give the purpose a Chinese label').max(100),
  }),
  retired: z.boolean().optional(),
});
export type Purpose = z.infer<typeof purposeSchema>;
