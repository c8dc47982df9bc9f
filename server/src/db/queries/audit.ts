import { and, desc, eq, gte, lt } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { auditLog, type AuditRow } from '../tables/audit';

export async function insertAuditEntry(db: DbOrTx, row: AuditRow): Promise<void> {
  await db.insert(auditLog).values(row);
}

/** The org's entries newest first (ids are ULIDs of their instant), from `since` on, before the entry `before`. */
export function selectAuditEntries(
  db: DbOrTx,
  orgId: string,
  opts: { since: number | null; before: string | null; limit: number },
): Promise<AuditRow[]> {
  return db
    .select()
    .from(auditLog)
    .where(
      and(
        eq(auditLog.orgId, orgId),
        opts.since === null ? undefined : gte(auditLog.at, opts.since),
        opts.before === null ? undefined : lt(auditLog.id, opts.before),
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(opts.limit);
}
