import { TRPCError } from '@trpc/server';
import { ulid } from 'ulid';
import {
  coverageCsvHeader,
  coverageCsvRowSchema,
  mediaCoverageInputSchema,
  type CoverageCsvRow,
  type CoverageImportReport,
  type coverageImportInputSchema,
  type CsvRecord,
} from '@comms-log/shared';
import type { z } from 'zod';
import { describeZodError } from '../../trpc';
import { importEachRow, readImportCsv, readRow, RowRefused, runImport } from '../csv-import';
import { currentPlan } from '../plans';
import { record as recordAudit } from '../audit/record';
import { nowOf, type ServiceCtx } from '../service-ctx';
import { saveCoverage } from './coverage';
import { type NamedStakeholder, StakeholderCellResolver } from './stakeholder-cell';
import { dateOrInstantMs } from './surveys';

/* `evaluations.importCoverageCsv`: media reports from a CSV file, previewed by a dry run like the survey import. */

type CoverageIds = { coverageId: string | null; outletStakeholderId: string | null };

/** What a coverage import reads once: the caller, the org's zone (for bare dates), the clock and the outlets. */
interface CoverageRun {
  ctx: ServiceCtx;
  names: string[];
  timeZone: string;
  now: number;
  outlets: StakeholderCellResolver;
  dryRun: boolean;
}

/** The outlet a cell names, which must be a media stakeholder. */
async function outletOf(run: CoverageRun, cell: string): Promise<NamedStakeholder> {
  const outlet = await run.outlets.resolve(cell);
  if (typeof outlet === 'string') throw new RowRefused(outlet);
  if (outlet.type !== 'media')
    throw new RowRefused<CoverageIds>(`outlet: ${outlet.name} is a ${outlet.type} stakeholder, not a media outlet`);
  return outlet;
}

/** The row as `evaluations.recordCoverage` takes an item, its days made instants, checked as that checks one. */
function coverageInput(run: CoverageRun, row: CoverageCsvRow, outletId: string) {
  const instant = (v: string) => new Date(dateOrInstantMs(v, run.timeZone)).toISOString();
  const { outlet: _cell, publishedAt, clarifiedAt, ...fields } = row;
  const parsed = mediaCoverageInputSchema.safeParse({
    ...fields,
    id: ulid(run.now),
    outletStakeholderId: outletId,
    publishedAt: instant(publishedAt),
    ...(clarifiedAt === undefined ? {} : { clarifiedAt: instant(clarifiedAt) }),
  });
  if (!parsed.success)
    throw new RowRefused<CoverageIds>(describeZodError(parsed.error), { outletStakeholderId: outletId });
  return parsed.data;
}

/** Import one row as an item recorded by the caller: what the report says of it. */
async function importRow(run: CoverageRun, record: CsvRecord): Promise<{ message: string; ids: CoverageIds }> {
  const row = readRow(coverageCsvRowSchema, run.names, record);
  const outlet = await outletOf(run, row.outlet);
  const data = coverageInput(run, row, outlet.id);
  const { ctx } = run;
  const saved = await saveCoverage(ctx.db, ctx.user, data, undefined, run.now).catch((e: unknown) => {
    // A report published in the future: the row's report still names its outlet.
    throw e instanceof TRPCError ? new RowRefused<CoverageIds>(e.message, { outletStakeholderId: outlet.id }) : e;
  });
  const tone = data.tone ?? 'tone not judged';
  return {
    message: `created a report from ${outlet.name}: ${tone}${data.clarifiedAt ? ', clarified' : ''}`,
    ids: { coverageId: run.dryRun ? null : saved.row.id, outletStakeholderId: outlet.id },
  };
}

/**
 * Import media reports recorded by the caller, one per row (header: `coverageCsvHeader`), each checked as one
 * recorded by hand. Every valid row is stored even when others fail, each row is reported with its line. `dryRun`
 * runs the same import and rolls it back.
 */
export function importCoverageCsv(
  ctx: ServiceCtx,
  input: z.output<typeof coverageImportInputSchema>,
): Promise<CoverageImportReport> {
  const { names, rows } = readImportCsv(input.csv, {
    columns: coverageCsvHeader,
    required: ['outlet', 'title', 'url', 'published_at'],
  });
  const now = nowOf(ctx);
  return runImport(ctx.db, input.dryRun, async (tx) => {
    const report: CoverageImportReport = { rows: [], created: 0, errors: 0, dryRun: input.dryRun };
    const txCtx = { ...ctx, db: tx };
    const run: CoverageRun = {
      ctx: txCtx,
      names,
      timeZone: (await currentPlan(tx, ctx.user.orgId)).plan.calendar.timeZone,
      now,
      outlets: new StakeholderCellResolver(txCtx, {
        column: 'outlet',
        hint: 'give its id, its name, an email address or a domain of it',
        byDomain: true,
        prefer: 'media',
      }),
      dryRun: input.dryRun,
    };
    await importEachRow<CoverageIds>(rows, report, { coverageId: null, outletStakeholderId: null }, (record) =>
      importRow(run, record),
    );
    const { created, errors } = report;
    if (!input.dryRun) await recordAudit(txCtx, { action: 'import.coverage', detail: { created, errors } });
    return report;
  });
}
