import { z } from 'zod';
import { directionSchema, isoDateTimeSchema, siteIdSchema } from './common';
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
});
export type CapturedThread = z.infer<typeof capturedThreadSchema>;
