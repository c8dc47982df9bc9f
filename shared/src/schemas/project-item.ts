import { z } from 'zod';
import { isoDateTimeSchema } from './common';
import { freeTextString } from './text';

/**
 * What a partner project item (a Jira issue, a Trello card) adds to its record: the site's status text, when it
 * is due and when it was done; null when the site does not say.
 */
export const projectFieldsSchema = z.strictObject({
  status: freeTextString.trim().max(100, 'a status can be at most 100 characters').nullable(),
  dueAt: isoDateTimeSchema.nullable(),
  doneAt: isoDateTimeSchema.nullable(),
});
export type ProjectFields = z.infer<typeof projectFieldsSchema>;
