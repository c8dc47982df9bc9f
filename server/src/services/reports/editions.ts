import { TRPCError } from '@trpc/server';
import {
  diffEditions,
  type PeriodReport,
  type ReportComparison,
  type ReportEdition,
  type ReportEditionSummary,
  type ReportTexts,
  type reportCompareInputSchema,
  type reportEditionRefSchema,
  type reportListInputSchema,
  type reportSaveInputSchema,
} from '@comms-log/shared';
import { ulid } from 'ulid';
import type { z } from 'zod';
import {
  editionById,
  editionsOf,
  insertEdition,
  lastEditionEndingBy,
  previousEditionId,
  type EditionWithAuthor,
} from '../../db/queries/report-editions';
import { toIso } from '../../iso';
import { nowOf, type ServiceCtx } from '../service-ctx';
import { periodReport } from './period-report';

/*
 * Report editions (docs/report.md "Editions"): `save` computes the report as it stands and keeps it with the
 * manager's texts; nothing changes an edition afterwards. Reading one says how its figures differ from the edition
 * of the same period saved before it, and lists the measures of the last edition of the period before.
 */

async function summaryOf(ctx: ServiceCtx, row: EditionWithAuthor): Promise<ReportEditionSummary> {
  return {
    id: row.id,
    from: toIso(row.from),
    to: toIso(row.to),
    language: row.language,
    createdAt: toIso(row.createdAt),
    createdBy: { id: row.createdBy, name: row.authorName },
    previousId: await previousEditionId(ctx.db, row),
  };
}

const parts = (row: EditionWithAuthor) => ({ figures: row.figures as PeriodReport, texts: row.texts as ReportTexts });

async function found(ctx: ServiceCtx, id: string): Promise<EditionWithAuthor> {
  const row = await editionById(ctx.db, ctx.user.orgId, id);
  if (!row) throw new TRPCError({ code: 'NOT_FOUND', message: `no saved report edition ${id} in this organisation` });
  return row;
}

/** `reports.get`: one edition whole, with its changes since the previous edition of its period. */
export async function getEdition(
  ctx: ServiceCtx,
  input: z.output<typeof reportEditionRefSchema>,
): Promise<ReportEdition> {
  const row = await found(ctx, input.id);
  const summary = await summaryOf(ctx, row);
  const previous = summary.previousId ? await found(ctx, summary.previousId) : null;
  const before = await lastEditionEndingBy(ctx.db, ctx.user.orgId, row.from);
  return {
    ...summary,
    ...parts(row),
    sincePrevious: previous ? diffEditions(parts(previous), parts(row)) : null,
    followUp: before ? (before.texts as ReportTexts).suggestions : [],
  };
}

/** `reports.save`: the report of the filter's period computed now and kept with the manager's texts. */
export async function saveEdition(
  ctx: ServiceCtx,
  input: z.output<typeof reportSaveInputSchema>,
): Promise<ReportEdition> {
  const now = nowOf(ctx);
  const figures = await periodReport(ctx, { filter: input.filter, language: input.language });
  const id = ulid(now);
  await insertEdition(ctx.db, {
    id,
    orgId: ctx.user.orgId,
    from: Date.parse(figures.meta.from),
    to: Date.parse(figures.meta.to),
    language: input.language,
    figures,
    texts: input.texts,
    createdBy: ctx.user.id,
    createdAt: now,
  });
  return getEdition(ctx, { id });
}

/** `reports.list`: the org's editions, newest first. */
export async function listEditions(
  ctx: ServiceCtx,
  input: z.output<typeof reportListInputSchema>,
): Promise<ReportEditionSummary[]> {
  const period = input.period ? { from: Date.parse(input.period.from), to: Date.parse(input.period.to) } : null;
  const rows = await editionsOf(ctx.db, ctx.user.orgId, period, input.limit);
  return Promise.all(rows.map((r) => summaryOf(ctx, r)));
}

/** `reports.compare`: how the figures and texts of edition `after` differ from edition `before`. */
export async function compareEditions(
  ctx: ServiceCtx,
  input: z.output<typeof reportCompareInputSchema>,
): Promise<ReportComparison> {
  const [a, b] = await Promise.all([found(ctx, input.before), found(ctx, input.after)]);
  return {
    before: await summaryOf(ctx, a),
    after: await summaryOf(ctx, b),
    diff: diffEditions(parts(a), parts(b)),
  };
}
