import { and, desc, eq, lt, lte } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { users } from '../schema';
import { type ReportEditionRow, reportEditions } from '../tables/report-edition';

/* Saved report editions: inserted once, then only read (docs/report.md "Editions"). */

export type EditionWithAuthor = ReportEditionRow & { authorName: string | null };

const withAuthor = {
  id: reportEditions.id,
  orgId: reportEditions.orgId,
  from: reportEditions.from,
  to: reportEditions.to,
  language: reportEditions.language,
  figures: reportEditions.figures,
  texts: reportEditions.texts,
  createdBy: reportEditions.createdBy,
  createdAt: reportEditions.createdAt,
  authorName: users.name,
};

export async function insertEdition(db: DbOrTx, row: ReportEditionRow): Promise<void> {
  await db.insert(reportEditions).values(row);
}

/** One edition of the org, or null. */
export async function editionById(db: DbOrTx, orgId: string, id: string): Promise<EditionWithAuthor | null> {
  const rows = await db
    .select(withAuthor)
    .from(reportEditions)
    .leftJoin(users, eq(users.id, reportEditions.createdBy))
    .where(and(eq(reportEditions.orgId, orgId), eq(reportEditions.id, id)));
  return rows[0] ?? null;
}

/** The org's editions, newest first; of exactly one period when `period` is given. */
export function editionsOf(
  db: DbOrTx,
  orgId: string,
  period: { from: number; to: number } | null,
  limit: number,
): Promise<EditionWithAuthor[]> {
  const t = reportEditions;
  return db
    .select(withAuthor)
    .from(t)
    .leftJoin(users, eq(users.id, t.createdBy))
    .where(and(eq(t.orgId, orgId), period ? and(eq(t.from, period.from), eq(t.to, period.to)) : undefined))
    .orderBy(desc(t.id))
    .limit(limit);
}

/** The id of the edition of the same period saved last before edition `e`, in any language, or null. */
export async function previousEditionId(
  db: DbOrTx,
  e: Pick<ReportEditionRow, 'orgId' | 'from' | 'to' | 'id'>,
): Promise<string | null> {
  const t = reportEditions;
  const rows = await db
    .select({ id: t.id })
    .from(t)
    .where(and(eq(t.orgId, e.orgId), eq(t.from, e.from), eq(t.to, e.to), lt(t.id, e.id)))
    .orderBy(desc(t.id))
    .limit(1);
  return rows[0]?.id ?? null;
}

/** The last edition saved of a period that ended by `fromMs` (the period before's report), or null. */
export async function lastEditionEndingBy(db: DbOrTx, orgId: string, fromMs: number): Promise<ReportEditionRow | null> {
  const t = reportEditions;
  const rows = await db
    .select()
    .from(t)
    .where(and(eq(t.orgId, orgId), lte(t.to, fromMs)))
    .orderBy(desc(t.to), desc(t.id))
    .limit(1);
  return rows[0] ?? null;
}
