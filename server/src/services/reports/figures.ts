import type {
  ActivityOccurrenceStatus,
  CoverageItem,
  DeliveryItem,
  MeetingAttendance,
  OwnPostCounts,
  CoverageResult,
  GroupableSurveyScore,
  MetricsFilter,
  MetricsGroupBy,
  ResolutionThread,
  ResponseTimesResult,
  TotalsResult,
} from '@comms-log/shared';
import type { CadenceScope } from '../../db/queries/cadence';
import type { MsRange } from '../../db/queries/metrics';
import { anyProjectItem } from '../../db/queries/report-project-items';
import { purposeSince } from '../../db/queries/report-purposes';
import { reportWaitsIn } from '../../db/queries/report-waits';
import type { CostEntryRow, RevenueRow } from '../../db/tables/plan-execution';
import { costsAndRevenues } from '../evaluations/costs';
import { stakeholderCadences, type StakeholderCadence } from '../metrics/cadence';
import { activityOccurrences, meetings, ownPosts, projectItems } from '../metrics/execution';
import { coverageItems } from '../metrics/media-coverage';
import { resolutionThreads } from '../metrics/resolution';
import { countEach } from '../metrics/day-counts';
import { metricsResponseTimes } from '../metrics/response-times';
import { scopeFilter, type MetricsEnv } from '../metrics/scope';
import { surveyScores } from '../metrics/surveys';
import { metricsTotals } from '../metrics/totals';
import { isManager, type ServiceCtx } from '../service-ctx';
import { coverageOf, inScope } from './coverage-scope';
import { readFineCounts } from './fine-counts';
import { fineAnswers, fineBase, totalsFromFine } from './fine-totals';
import { typeSets } from './response-sets';
import { poolHolds, responseFromWaits, waitsKept } from './wait-pool';
import type { PooledWaits } from './worst-waits';

/*
 * The report's figures come from the same service functions as `metrics.*` (totals, responseTimes, coverage,
 * threads) with the same filter and `asOf`, so the report and the dashboard cannot disagree; all over one plan
 * (`env`). The goals read survey responses and media reports besides.
 */

export type CoverageScope = Pick<CadenceScope, 'stakeholderType' | 'tier' | 'stakeholderId'>;

/**
 * The metrics services, each call made once within one report (goals often share a scope with another figure).
 * Response figures whose period lies in `waitsRange` are split from one read of the org's waits in that range.
 */
export function reportFigures(ctx: ServiceCtx, env: MetricsEnv, waitsRange?: MsRange) {
  const cache = new Map<string, Promise<unknown>>();
  const once = <T>(key: unknown[], run: () => Promise<T>): Promise<T> => {
    const k = JSON.stringify(key);
    const hit = cache.get(k) as Promise<T> | undefined;
    if (hit) return hit;
    const fresh = run();
    cache.set(k, fresh);
    return fresh;
  };
  const pooledWaits = (range: MsRange) => once(['w'], () => reportWaitsIn(ctx.db, ctx.user.orgId, range));
  const self = {
    totals: (filter: MetricsFilter, groupBy: MetricsGroupBy[]): Promise<TotalsResult> => {
      if (!fineAnswers(groupBy))
        return once(['t', filter, groupBy], () => metricsTotals(ctx, { filter, groupBy }, env));
      const base = fineBase(filter);
      return once(['t', filter, groupBy], async () =>
        totalsFromFine(
          await once(['fine', base], () => readFineCounts(ctx, base, env.plan.calendar.timeZone)),
          filter,
          groupBy,
        ),
      );
    },
    /**
     * One count (a counting goal): from the fine rows when the report has read them for its overview, else from
     * `countsOf`'s read if it was asked, else by its own read of the day counts narrowed to the filter.
     */
    count: async (filter: MetricsFilter): Promise<number> =>
      cache.has(JSON.stringify(['fine', fineBase(filter)]))
        ? (await self.totals(filter, [])).total
        : once(['n', filter], async () => (await metricsTotals(ctx, { filter, groupBy: [] }, env)).total),
    /**
     * The counts of several filters read ahead, those of one base together (`reports.goals`' counting goals: one
     * statement per part of the range for all of them instead of one each); nothing when the fine rows answer.
     */
    countsOf: async (filters: readonly MetricsFilter[]): Promise<void> => {
      const byBase = new Map<string, MetricsFilter[]>();
      for (const f of filters) {
        const base = JSON.stringify(['fine', fineBase(f)]);
        if (cache.has(base) || cache.has(JSON.stringify(['n', f]))) continue;
        byBase.set(base, [...(byBase.get(base) ?? []), f]);
      }
      const zone = env.plan.calendar.timeZone;
      const reads = [...byBase.values()]
        .filter((each) => each.length > 1)
        .map(async (each) => {
          const scoped = each.map((f) => scopeFilter(ctx.user, f));
          const read = countEach(ctx.db, ctx.user.orgId, fineBase(scoped[0]!), scoped, zone);
          // A failed read fails the counts that ask it (below, and each goal's), never as an unhandled rejection.
          each.forEach((f, k) => {
            once(['n', f], async () => (await read)[k]!).catch(() => undefined);
          });
          await read;
        });
      await Promise.all(reads);
    },
    response: (
      filter: MetricsFilter,
      groupBy: MetricsGroupBy[],
      basis: 'working' | 'calendar',
      asOf: string,
    ): Promise<ResponseTimesResult> =>
      once(['r', filter, groupBy, basis, asOf], async () => {
        if (!waitsRange || !poolHolds(waitsRange, filter))
          return metricsResponseTimes(ctx, { filter, groupBy, basis, asOf }, env);
        const scoped = scopeFilter(ctx.user, filter);
        return responseFromWaits(
          await pooledWaits(waitsRange),
          { filter: scoped, groupBy, basis, asOfMs: Date.parse(asOf) },
          env.plan.calendar.timeZone,
        );
      }),
    /**
     * Response figures (no grouping) of several filters read ahead: those alike but for their one stakeholder type
     * in one read grouped by type (`typeSets`); a type without waits there reads its own.
     */
    responsesOf: async (filters: readonly MetricsFilter[], basis: 'working' | 'calendar', asOf: string) => {
      const key = (f: MetricsFilter) => ['r', f, [], basis, asOf];
      const unread = filters.filter(
        (f) => !cache.has(JSON.stringify(key(f))) && !(waitsRange && poolHolds(waitsRange, f)),
      );
      const reads = typeSets(unread).map(async ({ union, each }) => {
        const read = metricsResponseTimes(ctx, { filter: union, groupBy: ['stakeholderType'], basis, asOf }, env);
        for (const f of each) {
          const type = f.stakeholderType![0]!;
          // A failed read fails the figures that ask it (each goal's), never as an unhandled rejection.
          once(key(f), async () => {
            const row = (await read).rows.find((r) => r.key.stakeholderType === type);
            if (row) return { basis, total: row.stats, rows: [] };
            return metricsResponseTimes(ctx, { filter: f, groupBy: [], basis, asOf }, env);
          }).catch(() => undefined);
        }
        await read;
      });
      await Promise.all(reads);
    },
    /** The waits `filter` keeps, from the one read of the waits; null when its period is outside that read. */
    waitsOf: async (filter: MetricsFilter): Promise<PooledWaits | null> => {
      if (!waitsRange || !poolHolds(waitsRange, filter)) return null;
      const pool = await pooledWaits(waitsRange);
      return { pool, kept: waitsKept(pool, scopeFilter(ctx.user, filter)) };
    },
    /** Every stakeholder's cadence at `atMs`, narrowed to `scope` here: one read of the contacts per report. */
    cadences: async (atMs: number, scope: CoverageScope): Promise<StakeholderCadence[]> =>
      inScope(await once(['cad', atMs], () => stakeholderCadences(ctx, { atMs }, env)), scope),
    coverage: async (asOf: string, scope: CoverageScope): Promise<CoverageResult> =>
      coverageOf(
        inScope(
          await once(['cad', Date.parse(asOf)], () => stakeholderCadences(ctx, { atMs: Date.parse(asOf) }, env)),
          scope,
        ),
      ),
    /** Whether a thread opened at or after `fromMs` can have `purpose` (see `purposeSince`). */
    purposeMayOccur: async (purpose: string | null | undefined, fromMs: number): Promise<boolean> =>
      typeof purpose !== 'string' ||
      (await once(['ps', purpose, fromMs], () => purposeSince(ctx.db, ctx.user.orgId, purpose, fromMs))),
    /**
     * The threads opened in the period, as of `asOf` (the resolution goals of one scope share them); with
     * `resolvedOnly`, only those ever marked resolved (what first-contact resolution and resolution time read).
     */
    threads: (filter: MetricsFilter, asOf: string, resolvedOnly = false): Promise<ResolutionThread[]> =>
      once(['th', filter, asOf, resolvedOnly], async () =>
        (await self.purposeMayOccur(filter.purpose, Date.parse(filter.from)))
          ? resolutionThreads(ctx, filter, Date.parse(asOf), { resolvedOnly })
          : [],
      ),
    surveys: (filter: MetricsFilter, dimension: string | null): Promise<GroupableSurveyScore[]> =>
      once(['s', filter, dimension], () => surveyScores(ctx, filter, dimension)),
    mediaCoverage: (filter: MetricsFilter): Promise<CoverageItem[]> =>
      once(['m', filter], () => coverageItems(ctx, filter)),
    projectItems: (filter: MetricsFilter): Promise<DeliveryItem[]> =>
      once(['p', filter], async () =>
        (await once(['anyp'], () => anyProjectItem(ctx.db, ctx.user.orgId))) ? projectItems(ctx, filter) : [],
      ),
    ownPosts: (filter: MetricsFilter): Promise<OwnPostCounts[]> => once(['o', filter], () => ownPosts(ctx, filter)),
    meetings: (filter: MetricsFilter, series: string | null): Promise<MeetingAttendance[]> =>
      once(['mt', filter, series], () => meetings(ctx, filter, series)),
    activities: (filter: MetricsFilter, asOfMs: number): Promise<ActivityOccurrenceStatus[]> =>
      once(['a', filter, asOfMs], () => activityOccurrences(ctx, filter, env.plan.calendar.timeZone, asOfMs)),
    /** Cost and revenue of the months `from`–`to`; null for staff: cost never reaches them. */
    costs: (months: { from: string; to: string }): Promise<{ costs: CostEntryRow[]; revenues: RevenueRow[] } | null> =>
      isManager(ctx.user) ? once(['cost', months], () => costsAndRevenues(ctx, months)) : Promise.resolve(null),
  };
  return self;
}

export type ReportFigures = ReturnType<typeof reportFigures>;
