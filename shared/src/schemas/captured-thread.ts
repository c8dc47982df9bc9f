import { z } from 'zod';
import { directionSchema, isoDateTimeSchema, siteIdSchema } from './common';

export const capturedChannelSchema = z.enum(['email', 'social', 'project']);

export const personSchema = z.object({
  name: z.string().max(300),
  handle: z.string().max(320).nullable(),
});
export type Person = z.infer<typeof personSchema>;

export const capturedMessageSchema = z.object({
  /** A stable id the page exposes for the message, else null. */
  id: z.string().min(1).max(200).nullable(),
  author: personSchema,
  direction: directionSchema,
  sentAt: isoDateTimeSchema,
  /** The message's visible text, first 140 code points. */
  text: z.string().max(1000),
});
export type CapturedMessage = z.infer<typeof capturedMessageSchema>;

/** What a site adapter reads from a page: see docs/architecture.md "Capture contract". Messages are oldest first. */
export const capturedThreadSchema = z.object({
  site: siteIdSchema,
  channel: capturedChannelSchema,
  url: z.string().url().max(2000),
  threadId: z.string().min(1).max(300),
  title: z.string().max(1000),
  account: z.object({ name: z.string().max(300), handle: z.string().max(320) }),
  messages: z.array(capturedMessageSchema).max(2000),
});
export type CapturedThread = z.infer<typeof capturedThreadSchema>;
