import type {
  CoverageItem,
  CoverageResult,
  GroupableSurveyScore,
  MetricsFilter,
  ResolutionThread,
} from '@comms-log/shared';
import { purposeSince } from '../../../db/queries/report-purposes';
import { stakeholderCadences, type StakeholderCadence } from '../../metrics/cadence';
import { coverageItems } from '../../metrics/media-coverage';
import { resolutionThreads } from '../../metrics/resolution';
import { surveyScores } from '../../metrics/surveys';
import { type CoverageScope, coverageOf, inScope } from '../coverage-scope';
import type { FigureSource } from './memo';

/** The report's readers of records: contact cadences and coverage, threads and their purposes, surveys, media. */
export function recordFigures({ ctx, env, memo }: FigureSource) {
  const cadencesAt = (atMs: number) => memo.once(['cad', atMs], () => stakeholderCadences(ctx, { atMs }, env));
  /** Whether a thread opened at or after `fromMs` can have `purpose` (see `purposeSince`). */
  const purposeMayOccur = async (purpose: string | null | undefined, fromMs: number): Promise<boolean> =>
    typeof purpose !== 'string' ||
    (await memo.once(['ps', purpose, fromMs], () => purposeSince(ctx.db, ctx.user.orgId, purpose, fromMs)));
  return {
    /** Every stakeholder's cadence at `atMs`, narrowed to `scope` here: one read of the contacts per report. */
    cadences: async (atMs: number, scope: CoverageScope): Promise<StakeholderCadence[]> =>
      inScope(await cadencesAt(atMs), scope),
    coverage: async (asOf: string, scope: CoverageScope): Promise<CoverageResult> =>
      coverageOf(inScope(await cadencesAt(Date.parse(asOf)), scope)),
    purposeMayOccur,
    /**
     * The threads opened in the period, as of `asOf` (the resolution goals of one scope share them); with
     * `resolvedOnly`, only those ever marked resolved (what first-contact resolution and resolution time read).
     */
    threads: (filter: MetricsFilter, asOf: string, resolvedOnly = false): Promise<ResolutionThread[]> =>
      memo.once(['th', filter, asOf, resolvedOnly], async () =>
        (await purposeMayOccur(filter.purpose, Date.parse(filter.from)))
          ? resolutionThreads(ctx, filter, Date.parse(asOf), { resolvedOnly })
          : [],
      ),
    surveys: (filter: MetricsFilter, dimension: string | null): Promise<GroupableSurveyScore[]> =>
      memo.once(['s', filter, dimension], () => surveyScores(ctx, filter, dimension)),
    mediaCoverage: (filter: MetricsFilter): Promise<CoverageItem[]> =>
      memo.once(['m', filter], () => coverageItems(ctx, filter)),
  };
}
