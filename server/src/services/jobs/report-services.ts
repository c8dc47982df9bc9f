import type {
  PeriodReport,
  ReportEdition,
  ReportGoals,
  periodReportInputSchema,
  reportSaveInputSchema,
} from '@comms-log/shared';
import type { z } from 'zod';
import { saveEdition } from '../reports/editions';
import { reportGoals } from '../reports/goals/plan-vs-actual';
import { periodReport } from '../reports/period-report';
import { type MailReport, type MailReportInput, mailReport } from '../schedules/mail-report';
import type { ServiceCtx } from '../service-ctx';

/** Each report build's input and result. */
interface ReportBuilds {
  period: { input: z.output<typeof periodReportInputSchema>; result: PeriodReport };
  goals: { input: z.output<typeof periodReportInputSchema>; result: ReportGoals };
  save: { input: z.output<typeof reportSaveInputSchema>; result: ReportEdition };
  /** A scheduled e-mail's report and PDF (services/schedules/mail-report.ts). */
  mail: { input: MailReportInput; result: MailReport };
}
export type ReportKind = keyof ReportBuilds;
export type ReportInput<K extends ReportKind> = ReportBuilds[K]['input'];
export type ReportResult<K extends ReportKind> = ReportBuilds[K]['result'];

/**
 * The report builds that run off the request path (docs/architecture.md "The report builder"), by name: the
 * report thread runs the named service, `(ctx, input)`, as the main thread would.
 */
const reportServices: {
  [K in ReportKind]: (ctx: ServiceCtx, input: ReportInput<K>) => Promise<ReportResult<K>>;
} = {
  period: periodReport,
  goals: reportGoals,
  save: saveEdition,
  mail: mailReport,
};

/** Run the build `kind` of `input` in this thread. */
export function runReportService<K extends ReportKind>(
  kind: K,
  ctx: ServiceCtx,
  input: ReportInput<K>,
): Promise<ReportResult<K>> {
  return (reportServices[kind] as (ctx: ServiceCtx, input: ReportInput<K>) => Promise<ReportResult<K>>)(ctx, input);
}
