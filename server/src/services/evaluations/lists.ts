import { and, desc, eq, gte, lt, or, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type {
  CoverageListResult,
  SurveyListResult,
  coverageListInputSchema,
  surveyListInputSchema,
} from '@comms-log/shared';
import type { z } from 'zod';
import { mediaCoverage, surveyResponses } from '../../db/tables/evaluation';
import { fromIso } from '../../iso';
import { decodePageCursor, keysetPage } from '../page-cursor';
import { isManager, type ServiceCtx } from '../service-ctx';
import { toCoverage, toSurveyResponse } from './rows';

/* The survey responses and coverage items, newest first, a page at a time (`page-cursor.ts`). */

/** The conditions every list shares: the org's live rows (staff: those they recorded), in `[from, to)` of `at`. */
function listScope(
  ctx: ServiceCtx,
  table: typeof surveyResponses | typeof mediaCoverage,
  at: SQLiteColumn,
  input: { from?: string | undefined; to?: string | undefined; cursor: string | null },
): (SQL | undefined)[] {
  const cursor = decodePageCursor(input.cursor);
  return [
    eq(table.orgId, ctx.user.orgId),
    eq(table.deleted, false),
    isManager(ctx.user) ? undefined : eq(table.userId, ctx.user.id),
    input.from === undefined ? undefined : gte(at, fromIso(input.from)),
    input.to === undefined ? undefined : lt(at, fromIso(input.to)),
    cursor ? or(lt(at, cursor.at), and(eq(at, cursor.at), lt(table.id, cursor.id))) : undefined,
  ];
}

const optionalEq = <T>(col: SQLiteColumn, value: T | undefined) => (value === undefined ? undefined : eq(col, value));

/** `evaluations.listSurveys`: responses answered in the period, filtered; staff get the ones they recorded. */
export async function listSurveys(
  ctx: ServiceCtx,
  input: z.output<typeof surveyListInputSchema>,
): Promise<SurveyListResult> {
  const t = surveyResponses;
  const rows = await ctx.db
    .select()
    .from(t)
    .where(
      and(
        ...listScope(ctx, t, t.answeredAt, input),
        optionalEq(t.instrument, input.instrument),
        optionalEq(t.dimension, input.dimension),
        optionalEq(t.stakeholderType, input.stakeholderType),
        optionalEq(t.stakeholderId, input.stakeholderId),
      ),
    )
    .orderBy(desc(t.answeredAt), desc(t.id))
    .limit(input.limit + 1);
  const { page, nextCursor } = keysetPage(rows, input.limit, (last) => ({ at: last.answeredAt, id: last.id }));
  return { items: page.map(toSurveyResponse), nextCursor };
}

/** `evaluations.listCoverage`: items published in the period, filtered; staff get the ones they recorded. */
export async function listCoverage(
  ctx: ServiceCtx,
  input: z.output<typeof coverageListInputSchema>,
): Promise<CoverageListResult> {
  const t = mediaCoverage;
  const rows = await ctx.db
    .select()
    .from(t)
    .where(
      and(
        ...listScope(ctx, t, t.publishedAt, input),
        optionalEq(t.outletStakeholderId, input.outletStakeholderId),
        optionalEq(t.tone, input.tone),
        optionalEq(t.eventTag, input.eventTag),
      ),
    )
    .orderBy(desc(t.publishedAt), desc(t.id))
    .limit(input.limit + 1);
  const { page, nextCursor } = keysetPage(rows, input.limit, (last) => ({ at: last.publishedAt, id: last.id }));
  return { items: page.map(toCoverage), nextCursor };
}
