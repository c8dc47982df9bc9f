import type {
  ActivityOccurrenceStatus,
  DeliveryItem,
  MeetingAttendance,
  MetricsFilter,
  OwnPostCounts,
} from '@comms-log/shared';
import { anyProjectItem } from '../../../db/queries/report-project-items';
import type { CostEntryRow, RevenueRow } from '../../../db/tables/plan-execution';
import { costsAndRevenues } from '../../evaluations/costs';
import { activityOccurrences, meetings, ownPosts, projectItems } from '../../metrics/execution';
import { isManager } from '../../service-ctx';
import type { FigureSource } from './memo';

/** The report's readers of the plan's execution: project items, own posts, meetings, activities, and costs. */
export function executionFigures({ ctx, env, memo }: FigureSource) {
  return {
    projectItems: (filter: MetricsFilter): Promise<DeliveryItem[]> =>
      memo.once(['p', filter], async () =>
        (await memo.once(['anyp'], () => anyProjectItem(ctx.db, ctx.user.orgId))) ? projectItems(ctx, filter) : [],
      ),
    ownPosts: (filter: MetricsFilter): Promise<OwnPostCounts[]> =>
      memo.once(['o', filter], () => ownPosts(ctx, filter)),
    meetings: (filter: MetricsFilter, series: string | null): Promise<MeetingAttendance[]> =>
      memo.once(['mt', filter, series], () => meetings(ctx, filter, series)),
    activities: (filter: MetricsFilter, asOfMs: number): Promise<ActivityOccurrenceStatus[]> =>
      memo.once(['a', filter, asOfMs], () => activityOccurrences(ctx, filter, env.plan.calendar.timeZone, asOfMs)),
    /** Cost and revenue of the months `from`–`to`; null for staff: cost never reaches them. */
    costs: (months: { from: string; to: string }): Promise<{ costs: CostEntryRow[]; revenues: RevenueRow[] } | null> =>
      isManager(ctx.user) ? memo.once(['cost', months], () => costsAndRevenues(ctx, months)) : Promise.resolve(null),
  };
}
