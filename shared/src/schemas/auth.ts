import { z } from 'zod';
import { captureLevelSchema, computedDateTimeSchema, nameSchema, roleSchema } from './common';
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

/*
 * Outputs. Objects strip keys they do not list (not strict): each lists every field its procedure returns today, so
 * nothing is dropped, and a field the server adds later is left out of the answer until the schema names it.
 * Server-made instants are checked for their form only.
 */

/** One token as `auth.tokens.list` shows it: never the token itself, only its first characters (`hint`). */
export const apiTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  hint: z.string(),
  userId: z.string(),
  userName: z.string(),
  userEmail: z.string(),
  createdAt: computedDateTimeSchema,
  lastUsedAt: computedDateTimeSchema.nullable(),
  revokedAt: computedDateTimeSchema.nullable(),
  expiresAt: computedDateTimeSchema.nullable(),
  /** The token this request came with. */
  current: z.boolean(),
});
export type ApiToken = z.infer<typeof apiTokenSchema>;

/** `auth.tokens.list`: newest first. */
export const tokenListResultSchema = z.array(apiTokenSchema);

/** `auth.tokens.create`: the token itself is in this answer only (it is stored hashed). */
export const issuedTokenSchema = z.object({
  id: z.string(),
  token: z.string(),
  name: z.string(),
  hint: z.string(),
  userId: z.string(),
  createdAt: computedDateTimeSchema,
  expiresAt: computedDateTimeSchema.nullable(),
});

/** `auth.tokens.revoke`: when it was revoked (the first time, for one revoked before). */
export const tokenRevokeResultSchema = z.object({ id: z.string(), revokedAt: computedDateTimeSchema });

/** A user of the org: `users.create`, `users.update`, and each of `users.list`. */
export const userSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: roleSchema,
  active: z.boolean(),
  createdAt: computedDateTimeSchema,
});
export type User = z.infer<typeof userSchema>;

/** `users.list`: by name. */
export const userListResultSchema = z.array(userSchema);
