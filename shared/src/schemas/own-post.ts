import { z } from 'zod';

const countSchema = z.number().int('a count must be a whole number').min(0, 'a count cannot be negative').nullable();

/**
 * What a post on one of our official social accounts adds to its record: the counts the site shows (null when it
 * does not show one). `followers` is the account's follower count when the post was read.
 */
export const ownPostFieldsSchema = z.strictObject({
  reposts: countSchema,
  comments: countSchema,
  likes: countSchema,
  reads: countSchema,
  followers: countSchema,
});
export type OwnPostFields = z.infer<typeof ownPostFieldsSchema>;
