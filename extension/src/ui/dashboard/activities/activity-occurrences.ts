import {
  type Activity,
  type ActivityStatus,
  type Execution,
  executionRate,
  expandRecurrence,
  type MetricsFilter,
} from '@comms-log/shared';

/** One occurrence of a planned activity in the period: a recurring one has one per repetition. */
export interface ActivityOccurrence {
  activity: Activity;
  index: number;
  startMs: number;
  endMs: number;
  /** The occurrence's status: a held series has not held the repetitions still to come. */
  status: ActivityStatus;
}

/**
 * The period's occurrences of the activities, by date, and the execution rate over them, read as the server reads
 * them for the execution goal (server/src/services/metrics/execution.ts), so the tab and the goal agree.
 */
export function activityOccurrences(
  activities: readonly Activity[],
  filter: Pick<MetricsFilter, 'from' | 'to'>,
  zone: string,
  asOfMs: number,
): { occurrences: ActivityOccurrence[]; execution: Execution } {
  const period = { fromMs: Date.parse(filter.from), toMs: Date.parse(filter.to) };
  const occurrences: ActivityOccurrence[] = [];
  for (const a of activities) {
    const expanded = expandRecurrence(
      { startAtMs: Date.parse(a.startAt), endAtMs: Date.parse(a.endAt), recurrence: a.recurrence },
      period,
      zone,
    );
    for (const o of expanded) {
      const status = o.index > 0 && a.status === 'held' && o.startMs > asOfMs ? 'planned' : a.status;
      occurrences.push({ activity: a, index: o.index, startMs: o.startMs, endMs: o.endMs, status });
    }
  }
  occurrences.sort((x, y) => x.startMs - y.startMs || x.activity.id.localeCompare(y.activity.id));
  const execution = executionRate(
    occurrences.map((o) => ({
      startAtMs: o.startMs,
      endAtMs: o.endMs,
      status: o.status,
      heldAtMs: o.index === 0 && o.activity.heldAt ? Date.parse(o.activity.heldAt) : null,
    })),
    period,
    zone,
    asOfMs,
  );
  return { occurrences, execution };
}
