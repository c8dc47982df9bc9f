import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { ms, orgs } from '../schema';

/*
 * The audit trail (docs/architecture.md "Data model"): who changed the plan, roles and tokens, merged, deleted,
 * imported, recomputed or erased what, and when. Append-only: nothing updates or deletes a row but the org's own
 * deletion. Conventions as in ../schema.ts.
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    at: ms('at').notNull(),
    /** The acting user, or null for the admin CLI (then `actor` says so). No foreign key: the trail outlives users. */
    actorUserId: text('actor_user_id'),
    /** How the actor is shown: their email, or `cli`. */
    actor: text('actor').notNull(),
    /** What was done, e.g. `plan.update`, `user.role`, `token.create` (`AuditAction` in shared). */
    action: text('action').notNull(),
    /** The id of what it was done to (a user, token, stakeholder, plan version), or null. */
    target: text('target'),
    /** JSON: the change itself (a plan's diff, the old and new role, counts). */
    detail: text('detail', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
  },
  (t) => [index('audit_log_org_at').on(t.orgId, t.at)],
);

export type AuditRow = typeof auditLog.$inferSelect;
