import type { Db } from './db/client';
import type { ReportBuilder } from './db/readers/start';
import type { PushWriter } from './db/writer/start';
import { authenticate, bearerToken, type AuthUser } from './auth/tokens';

export type { AuthUser } from './auth/tokens';

/** What every procedure sees. The org is `user.orgId`: it comes from the token, never from input. */
export type Context = {
  db: Db;
  user: AuthUser | null;
  /** Why `user` is null when a token was sent (so the error can say so). */
  authError: 'missing' | 'invalid' | null;
  /** Where sync.push applies pushes while it runs (db/writer/start.ts); else they apply in this thread on `db`. */
  pushWriter?: PushWriter;
  /** Where reports are built while it runs (db/readers/start.ts); else they are built in this thread on `db`. */
  reportBuilder?: ReportBuilder;
};

/** The inner context, buildable without HTTP (tests, CLI). */
export function createInnerContext(opts: { db: Db; user: AuthUser | null }): Context {
  return { db: opts.db, user: opts.user, authError: opts.user ? null : 'missing' };
}

/** The context of an HTTP request: the user of its bearer token, if any. */
export async function createRequestContext(db: Db, authorization: string | null | undefined): Promise<Context> {
  const token = bearerToken(authorization);
  if (!token) return { db, user: null, authError: 'missing' };
  const user = await authenticate(db, token);
  return { db, user, authError: user ? null : 'invalid' };
}
