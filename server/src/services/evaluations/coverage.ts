import { TRPCError } from '@trpc/server';
import { and, eq } from 'drizzle-orm';
import {
  mediaCoverageInputSchema,
  type MediaCoverage,
  type MediaCoverageData,
  type MediaCoverageInput,
  type mediaCoverageUpdateInputSchema,
} from '@comms-log/shared';
import type { z } from 'zod';
import type { DbOrTx } from '../../db/client';
import { reserveSeq } from '../../db/queries/seq';
import { stakeholders } from '../../db/schema';
import { mediaCoverage, type MediaCoverageRow } from '../../db/tables/evaluation';
import { describeZodError } from '../../trpc';
import { isManager, nowOf, type ServiceCtx, type ServiceUser } from '../service-ctx';
import { coverageColumns, coverageInputOf, toCoverage, type CoverageColumns } from './rows';

/* Media coverage items: recorded by hand, by CSV or pushed from the extension ("Log this page as coverage"). */

const badRequest = (message: string) => new TRPCError({ code: 'BAD_REQUEST', message });

/** The outlet is one of the org's media stakeholders. */
async function checkOutlet(db: DbOrTx, orgId: string, outletId: string): Promise<void> {
  const [outlet] = await db
    .select({ name: stakeholders.name, type: stakeholders.type })
    .from(stakeholders)
    .where(and(eq(stakeholders.orgId, orgId), eq(stakeholders.id, outletId)));
  if (!outlet) throw badRequest(`outletStakeholderId: no stakeholder ${outletId} in your org`);
  if (outlet.type !== 'media')
    throw badRequest(`outletStakeholderId: ${outlet.name} is a ${outlet.type} stakeholder, not a media outlet`);
}

function checkNotFuture(c: CoverageColumns, now: number): void {
  if (c.publishedAt > now) throw badRequest('publishedAt: a report cannot be published in the future');
  if (c.clarifiedAt !== null && c.clarifiedAt > now)
    throw badRequest('clarifiedAt: a report cannot be clarified in the future');
}

const sameColumns = (row: MediaCoverageRow, c: CoverageColumns) =>
  (Object.keys(c) as (keyof CoverageColumns)[]).every((k) => row[k] === c[k]);

/**
 * The stored item with this id, if any: CONFLICT when the id is another org's record, FORBIDDEN when staff
 * would change someone else's.
 */
export async function ownCoverage(db: DbOrTx, user: ServiceUser, id: string): Promise<MediaCoverageRow | undefined> {
  const [row] = await db.select().from(mediaCoverage).where(eq(mediaCoverage.id, id));
  if (!row) return undefined;
  if (row.orgId !== user.orgId)
    throw new TRPCError({
      code: 'CONFLICT',
      message: 'this id is already used by another record; generate a new ULID',
    });
  if (row.userId !== user.id && !isManager(user))
    throw new TRPCError({ code: 'FORBIDDEN', message: 'you can only change coverage you recorded' });
  return row;
}

/**
 * Store `d` as the item `prev` was (or a new one) after checking it: the outlet is a media stakeholder of the org
 * (when it is new or changes), nothing is in the future. A replay of the stored item writes nothing.
 */
export async function saveCoverage(
  db: DbOrTx,
  user: ServiceUser,
  d: MediaCoverageData,
  prev: MediaCoverageRow | undefined,
  now: number,
): Promise<{ row: MediaCoverageRow; written: boolean }> {
  const columns = coverageColumns(d);
  if (prev && !prev.deleted && sameColumns(prev, columns)) return { row: prev, written: false };
  checkNotFuture(columns, now);
  if (prev?.outletStakeholderId !== columns.outletStakeholderId)
    await checkOutlet(db, user.orgId, columns.outletStakeholderId);
  const seq = await reserveSeq(db, user.orgId, 1);
  const changed = { ...columns, updatedAt: now, seq, deleted: false };
  const row: MediaCoverageRow = {
    id: d.id,
    orgId: user.orgId,
    userId: prev?.userId ?? user.id,
    createdAt: prev?.createdAt ?? now,
    ...changed,
  };
  await db.insert(mediaCoverage).values(row).onConflictDoUpdate({ target: mediaCoverage.id, set: changed });
  return { row, written: true };
}

/** Mark the item deleted (a tombstone): its new change sequence number, or null when there was nothing to delete. */
export async function deleteCoverage(db: DbOrTx, user: ServiceUser, id: string, now: number): Promise<number | null> {
  const prev = await ownCoverage(db, user, id);
  if (!prev || prev.deleted) return null;
  const seq = await reserveSeq(db, user.orgId, 1);
  await db.update(mediaCoverage).set({ deleted: true, updatedAt: now, seq }).where(eq(mediaCoverage.id, id));
  return seq;
}

/** `evaluations.recordCoverage`: a new item recorded by the caller; recording the same id again returns the stored one. */
export function recordCoverage(ctx: ServiceCtx, input: MediaCoverageData): Promise<MediaCoverage> {
  const now = nowOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const prev = await ownCoverage(tx, ctx.user, input.id);
    if (prev && !prev.deleted) return toCoverage(prev);
    return toCoverage((await saveCoverage(tx, ctx.user, input, prev, now)).row);
  });
}

/** The stored item with the fields `patch` gives (null clears one), in the shape a new item is checked in. */
function patched(row: MediaCoverageRow, patch: z.output<typeof mediaCoverageUpdateInputSchema>): MediaCoverageInput {
  const next = coverageInputOf(row);
  if (patch.title !== undefined) next.title = patch.title;
  if (patch.url !== undefined) next.url = patch.url;
  if (patch.tone !== undefined) next.tone = patch.tone;
  if (patch.reach !== undefined) next.reach = patch.reach ?? undefined;
  if (patch.eventTag !== undefined) next.eventTag = patch.eventTag ?? undefined;
  if (patch.clarifiedAt !== undefined) next.clarifiedAt = patch.clarifiedAt ?? undefined;
  return next;
}

/**
 * `evaluations.updateCoverage`: change some fields of an item (staff: one they recorded), checked against the
 * whole item as it would be (a clarification needs a negative tone and a date after publication).
 */
export function updateCoverage(
  ctx: ServiceCtx,
  input: z.output<typeof mediaCoverageUpdateInputSchema>,
): Promise<MediaCoverage> {
  const now = nowOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const prev = await ownCoverage(tx, ctx.user, input.id);
    if (!prev || prev.deleted)
      throw new TRPCError({ code: 'NOT_FOUND', message: `No coverage item ${input.id} in your org.` });
    const parsed = mediaCoverageInputSchema.safeParse(patched(prev, input));
    if (!parsed.success) throw badRequest(describeZodError(parsed.error));
    return toCoverage((await saveCoverage(tx, ctx.user, parsed.data, prev, now)).row);
  });
}
