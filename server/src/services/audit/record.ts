import { and, eq } from 'drizzle-orm';
import { monotonicFactory } from 'ulid';
import type { AuditAction } from '@comms-log/shared';
import { insertAuditEntry } from '../../db/queries/audit';
import { users } from '../../db/schema';
import { nowOf, type ServiceCtx } from '../service-ctx';

/** Ids in the order entries were made, even within one millisecond (the list pages by id). */
const nextId = monotonicFactory();

export interface AuditEntryInput {
  action: AuditAction;
  /** The id of what was acted on. */
  target?: string | null;
  /** The change itself: ids, counts, old and new values; never message text. */
  detail?: Record<string, unknown>;
}

/**
 * Record who did what, in the caller's transaction when `ctx.db` is one (the entry commits or rolls back with the
 * change). The actor is `ctx.user`; the admin CLI acts as a user id that is no user of the org, shown as `cli`.
 */
export async function record(ctx: ServiceCtx, entry: AuditEntryInput): Promise<void> {
  const { orgId, id: userId } = ctx.user;
  const [actor] = await ctx.db
    .select({ email: users.email })
    .from(users)
    .where(and(eq(users.orgId, orgId), eq(users.id, userId)));
  const at = nowOf(ctx);
  await insertAuditEntry(ctx.db, {
    id: nextId(at),
    orgId,
    at,
    actorUserId: actor ? userId : null,
    actor: actor?.email ?? 'cli',
    action: entry.action,
    target: entry.target ?? null,
    detail: entry.detail ?? {},
  });
}

/** The context of the admin CLI acting on an org (recorded as `cli`). */
export const cliCtx = (db: ServiceCtx['db'], orgId: string): ServiceCtx => ({
  db,
  user: { id: 'cli', orgId, role: 'admin' },
});
