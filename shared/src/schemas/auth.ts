import { z } from 'zod';
import { captureLevelSchema, nameSchema, roleSchema } from './common';
import { freeTextString, identifierString } from './text';

export const whoamiSchema = z.object({
  user: z.object({ id: z.string(), name: z.string(), email: z.string(), role: roleSchema }),
  org: z.object({ id: z.string(), name: z.string(), timeZone: z.string(), captureLevel: captureLevelSchema }),
});
export type Whoami = z.infer<typeof whoamiSchema>;

/** `auth.tokens.list`. */
export const tokenListInputSchema = z
  .strictObject({
    /** Admins: only this user's tokens (default: the whole org's). Others always see their own. */
    userId: identifierString.max(64).optional(),
    includeRevoked: z.boolean().default(true),
  })
  .default({ includeRevoked: true });

/** `auth.tokens.create`. */
export const tokenCreateInputSchema = z.strictObject({
  name: freeTextString.trim().min(1, 'give the token a name, e.g. "laptop extension"').max(100),
  /** Admins may issue a token for another user of the org. */
  userId: identifierString.max(64).optional(),
  /** Refused this many days after it is issued; without it the token never expires. */
  expiresInDays: z.number().int().min(1).max(3650).optional(),
});

/** `auth.tokens.revoke`. */
export const tokenRevokeInputSchema = z.strictObject({ id: identifierString.min(1).max(64) });

/** `users.create` (admins). */
export const userCreateInputSchema = z.strictObject({
  name: nameSchema,
  email: z.email('must be an email address').max(320),
  role: roleSchema.default('staff'),
});

/** `users.update` (admins): only the fields given change. */
export const userUpdateInputSchema = z.strictObject({
  id: identifierString.min(1).max(64),
  name: nameSchema.optional(),
  role: roleSchema.optional(),
  active: z.boolean().optional(),
});
