import type { Channel, StakeholderType } from '../schemas/common';
import type { DurationSpec, Plan, WorkCalendar } from '../schemas/plan';
import { addWorkingMs, workingDayMs } from './working-time';

/**
 * The first-response SLA the plan sets for a stakeholder type on a channel: the rule for exactly that type and
 * channel first, then the type's rule with `channel: null` (any other channel); null when the plan has neither.
 */
export function resolveSla(plan: Plan, stakeholderType: StakeholderType, channel: Channel): DurationSpec | null {
  let fallback: DurationSpec | null = null;
  for (const rule of plan.sla) {
    if (rule.stakeholderType !== stakeholderType) continue;
    if (rule.channel === channel) return rule.limit;
    if (rule.channel === null && fallback === null) fallback = rule.limit;
  }
  return fallback;
}

/** Whether a limit runs on the working calendar (`working_hours`, `working_days`) rather than the wall clock. */
export function isWorkingDuration(limit: DurationSpec): boolean {
  return limit.unit === 'working_hours' || limit.unit === 'working_days';
}

/**
 * A limit's amount in ms: calendar ms for `minutes`/`hours`, working ms for `working_hours`/`working_days`
 * (a working day is worth {@link workingDayMs} of the calendar, so `cal` is required for `working_days`).
 */
export function durationSpecMs(limit: DurationSpec, cal?: WorkCalendar): number {
  // Whole milliseconds: instants are stored as integer epoch ms.
  switch (limit.unit) {
    case 'minutes':
      return Math.round(limit.value * 60_000);
    case 'hours':
    case 'working_hours':
      return Math.round(limit.value * 3_600_000);
    case 'working_days':
      if (!cal) throw new Error('a working_days limit needs the working calendar to know how long a working day is');
      return Math.round(limit.value * workingDayMs(cal));
  }
}

/**
 * The deadline of a wait that starts at `startMs` under `limit`: `minutes`/`hours` are added in calendar time;
 * `working_hours`/`working_days` on the working calendar (an out-of-hours start counts from the next working
 * period; `working_days` = value × the working-day length). Null ("no deadline") when the calendar has no working
 * time within reach ({@link addWorkingMs}).
 */
export function deadlineFor(startMs: number, limit: DurationSpec, cal: WorkCalendar): number | null {
  const ms = durationSpecMs(limit, cal);
  return isWorkingDuration(limit) ? addWorkingMs(startMs, ms, cal) : startMs + ms;
}
