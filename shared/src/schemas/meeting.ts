import { z } from 'zod';
import { freeTextString } from './text';

const headcountSchema = z.number().int('a headcount must be a whole number').min(0, 'a headcount cannot be negative');

/**
 * What a meeting adds to its record: who was invited and who came, and the series it belongs to (e.g. the
 * weekly cross-department meeting) so attendance can be summed per series.
 */
export const meetingFieldsSchema = z
  .strictObject({
    invited: headcountSchema,
    attended: headcountSchema,
    series: freeTextString.trim().min(1).max(100, 'a series name can be at most 100 characters').optional(),
  })
  .refine((m) => m.attended <= m.invited, { message: 'More attended than invited', path: ['attended'] });
export type MeetingFields = z.infer<typeof meetingFieldsSchema>;
