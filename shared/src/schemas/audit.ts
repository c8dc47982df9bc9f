import { z } from 'zod';
import { isoDateTimeSchema } from './common';

/** What the audit trail records (README "Reliability and security"). */
export const auditActions = [
  'plan.update',
  'plan.recompute',
  'user.create',
  'user.update',
  'token.create',
  'token.revoke',
  'token.rotate',
  'stakeholder.merge',
  'stakeholder.deactivate',
  'stakeholder.erase',
  'stakeholder.export',
  'handle.allow',
  'import.stakeholders',
  'import.surveys',
  'import.coverage',
  'org.update',
] as const;
export const auditActionSchema = z.enum(auditActions);
export type AuditAction = z.infer<typeof auditActionSchema>;

/** One entry: who did what to which, when, and the change itself. */
export const auditEntrySchema = z.object({
  id: z.string(),
  at: isoDateTimeSchema,
  actorUserId: z.string().nullable(),
  /** The actor's email, or `cli`. */
  actor: z.string(),
  action: auditActionSchema,
  target: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** `audit.list`: newest first, from `since` on, a page before `before` (an entry id). */
export const auditListInputSchema = z
  .strictObject({
    since: isoDateTimeSchema.optional(),
    before: z.string().max(64).optional(),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .default({ limit: 100 });

export const auditListResultSchema = z.object({ entries: z.array(auditEntrySchema), hasMore: z.boolean() });
export type AuditListResult = z.infer<typeof auditListResultSchema>;
