import type { MeetingFields } from '../../schemas/meeting';
import { type Grouped, groupThenApply } from './group';
import { inPeriod, type Period } from './period';
import { type Ratio, ratio } from './ratio';

/** What attendance reads of a meeting. */
export type MeetingAttendance = Pick<MeetingFields, 'invited' | 'attended' | 'series'> & { heldAtMs: number };

/** An attendance rate (attended ÷ invited) and how many meetings it is over. */
export type Attendance = Ratio & { meetings: number };

function attendanceOf(meetings: readonly MeetingAttendance[]): Attendance {
  let attended = 0;
  let invited = 0;
  for (const m of meetings) {
    attended += m.attended;
    invited += m.invited;
  }
  return { ...ratio(attended, invited), meetings: meetings.length };
}

/**
 * Attendance rate = Σ attended ÷ Σ invited over the meetings held in the period, in total and per series
 * (key null for meetings outside a series), so a large meeting weighs more than a small one. Null when nobody was
 * invited.
 */
export function attendanceRate(
  meetings: readonly MeetingAttendance[],
  period: Period,
): { total: Attendance; bySeries: Grouped<string | null, Attendance>[] } {
  const held = meetings.filter((m) => inPeriod(m.heldAtMs, period));
  return { total: attendanceOf(held), bySeries: groupThenApply(held, (m) => m.series ?? null, attendanceOf) };
}
