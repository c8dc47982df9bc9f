import { z } from 'zod';
import { directionSchema, isoDateTimeSchema, siteIdSchema } from './common';
import { ownPostFieldsSchema } from './own-post';
import { projectFieldsSchema } from './project-item';
import { freeTextString, identifierString } from './text';

export const capturedChannelSchema = z.enum(['email', 'social', 'project']);

export const personSchema = z.object({
  name: freeTextString.max(300),
  handle: identifierString.max(320).nullable(),
});
export type Person = z.infer<typeof personSchema>;

export const capturedMessageSchema = z.object({
  /** A stable id the page exposes for the message, else null. */
  id: identifierString.min(1).max(200).nullable(),
  author: personSchema,
  direction: directionSchema,
  sentAt: isoDateTimeSchema,
  /** The message's visible text, first 140 code points. */
  text: freeTextString.max(1000),
});
export type CapturedMessage = z.infer<typeof capturedMessageSchema>;

/** What a site adapter reads from a page: see docs/architecture.md "Capture contract". Messages are oldest first. */
export const capturedThreadSchema = z.object({
  site: siteIdSchema,
  channel: capturedChannelSchema,
  url: identifierString.url().max(2000),
  threadId: identifierString.min(1).max(300),
  title: freeTextString.max(1000),
  account: z.object({ name: freeTextString.max(300), handle: identifierString.max(320) }),
  messages: z.array(capturedMessageSchema).max(2000),
  /**
   * Jira and Trello: the or card's status text, due and done times as the page shows them now (absent on
   * other sites). A date-only due date is 00:00:00 of that day in the page's zone.
   */
  project: projectFieldsSchema.nullable().optional(),
  /**
   * Weibo: on a post by the signed-in account, its counts and the account's follower count as the page shows
   * them (null where it shows none); null on posts by others and on chats; absent on other sites.
   */
  ownPost: ownPostFieldsSchema.nullable().optional(),
});
export type CapturedThread = z.infer<typeof capturedThreadSchema>;
