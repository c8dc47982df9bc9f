import type { AuditAction, AuditEntry, AuditListResult, auditListInputSchema } from '@comms-log/shared';
import type { z } from 'zod';
import { selectAuditEntries } from '../../db/queries/audit';
import { fromIsoOrNull, toIso } from '../../iso';
import type { ServiceCtx } from '../service-ctx';

/** The org's audit trail, newest first (admins: the router says who may call it). */
export async function listAudit(
  ctx: ServiceCtx,
  input: z.output<typeof auditListInputSchema>,
): Promise<AuditListResult> {
  const rows = await selectAuditEntries(ctx.db, ctx.user.orgId, {
    since: fromIsoOrNull(input.since),
    before: input.before ?? null,
    limit: input.limit + 1,
  });
  const entries: AuditEntry[] = rows.slice(0, input.limit).map((r) => ({
    id: r.id,
    at: toIso(r.at),
    actorUserId: r.actorUserId,
    actor: r.actor,
    action: r.action as AuditAction,
    target: r.target,
    detail: r.detail,
  }));
  return { entries, hasMore: rows.length > input.limit };
}
