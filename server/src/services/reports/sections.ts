import {
  DEFAULT_CSAT_SCALE,
  type GroupableSurveyScore,
  groupThenApply,
  surveyFigures,
  type MetricsFilter,
  type Plan,
  type ReportSectionFigures,
  type StakeholderType,
  type Channel,
} from '@comms-log/shared';
import { listSurveys } from '../evaluations/lists';
import { metricsThreads } from '../metrics/threads';
import type { ServiceCtx } from '../service-ctx';
import type { ReportFigures } from './figures';

/*
 * The figures only the report's sections show (docs/report.md "Sections"), from the same services as the rest of
 * the report: weekly series for the charts, purposes per type, survey answers by dimension with their latest
 * comments, and the complaint and crisis threads of the period.
 */

const MAX_COMMENTS = 10;
const MAX_CASES = 10;
/** The purposes whose threads are the report's notable cases (the default plan's ids). */
const CASE_PURPOSES = { complaint: 'complaint', crisis: 'crisis_response' } as const;

async function surveysOf(ctx: ServiceCtx, figures: ReportFigures, filter: MetricsFilter) {
  const [scores, latest] = await Promise.all([
    figures.surveys(filter, null),
    listSurveys(ctx, { from: filter.from, to: filter.to, cursor: null, limit: 200 }),
  ]);
  // CSAT answers on different scales cannot be averaged together: a dimension gets a row per scale.
  const scaleOf = (r: GroupableSurveyScore) => (r.instrument === 'csat' ? (r.scale ?? DEFAULT_CSAT_SCALE) : 0);
  const byDimension = groupThenApply(
    scores,
    (r) => `${scaleOf(r)}|${r.dimension ?? ''}`,
    (group) => {
      const value = surveyFigures(group);
      return {
        dimension: group[0]!.dimension ?? null,
        responses: group.length,
        csatMean: value.csat.value,
        csatScale: value.csat.scale,
        satisfactionRate: value.satisfaction.value,
        nps: value.nps.value,
        score100Mean: value.score100.value,
      };
    },
  ).map((g) => g.value);
  const comments = latest.items
    .filter((r) => r.comment && (!filter.stakeholderType || filter.stakeholderType.includes(r.stakeholderType)))
    .slice(0, MAX_COMMENTS)
    .map((r) => ({ answeredAt: r.answeredAt, dimension: r.dimension, score: r.score, comment: r.comment! }));
  return { byDimension, comments };
}

async function casesOf(ctx: ServiceCtx, figures: ReportFigures, filter: MetricsFilter, asOf: string) {
  const kinds = Object.entries(CASE_PURPOSES) as [keyof typeof CASE_PURPOSES, string][];
  const lists = await Promise.all(
    kinds.map(async ([kind, purpose]) => {
      if (!(await figures.purposeMayOccur(purpose, Date.parse(filter.from)))) return [];
      const r = await metricsThreads(ctx, { filter: { ...filter, purpose }, asOf, cursor: null, limit: MAX_CASES });
      return r.items.map((t) => ({ ...t, kind }));
    }),
  );
  return lists.flat();
}

/** The sections' own figures for the report's filter, as of `asOf`. */
export async function sectionFigures(
  ctx: ServiceCtx,
  figures: ReportFigures,
  plan: Plan,
  filter: MetricsFilter,
  asOf: string,
): Promise<ReportSectionFigures> {
  const [weekly, purposes, weeklyResponse, surveys, cases] = await Promise.all([
    figures.totals(filter, ['week', 'channel']),
    figures.totals(filter, ['stakeholderType', 'purpose']),
    figures.response(filter, ['week'], 'working', asOf),
    surveysOf(ctx, figures, filter),
    casesOf(ctx, figures, filter, asOf),
  ]);
  return {
    weeklyByChannel: weekly.rows.map((r) => ({ week: r.key.week!, channel: r.key.channel as Channel, count: r.count })),
    byTypePurpose: purposes.rows.map((r) => ({
      stakeholderType: r.key.stakeholderType as StakeholderType,
      purpose: r.key.purpose ?? null,
      count: r.count,
    })),
    purposeLabels: Object.fromEntries(plan.purposes.map((p) => [p.id, { en: p.label.en, zh: p.label.zh }])),
    weeklyOnTime: weeklyResponse.rows.map((r) => ({
      week: r.key.week!,
      onTime: r.stats.onTime,
      late: r.stats.late,
      onTimeRate: r.stats.onTimeRate,
    })),
    surveysByDimension: surveys.byDimension,
    surveyComments: surveys.comments,
    cases,
  };
}
