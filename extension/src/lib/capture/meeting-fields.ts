import type { Channel } from '@comms-log/shared';

/** Channels a manual log may carry headcounts and a series for: calls and meetings, not chat. */
export const MEETING_CHANNELS: readonly Channel[] = ['phone', 'video', 'in_person'];

/** The meeting fields as the form holds them (text as typed). */
export type MeetingDraft = { invited: string; attended: string; series: string };

/** The meeting fields as they go on the interaction; null where none was given. */
export type MeetingValues = { invited: number | null; attended: number | null; series: string | null };

/** Why the meeting fields cannot be saved, for the form to say in plain words. */
export type MeetingProblem =
  | { kind: 'notCount'; field: 'invited' | 'attended'; value: string }
  | { kind: 'attendedWithoutInvited' }
  | { kind: 'moreAttended'; invited: number; attended: number }
  | { kind: 'seriesLong' };

export const emptyMeetingDraft: MeetingDraft = { invited: '', attended: '', series: '' };

/** A headcount as typed: blank is none, otherwise a whole number of people, 0 or more (else undefined). */
function headcount(typed: string): number | null | undefined {
  const text = typed.trim();
  if (text === '') return null;
  const n = Number(text);
  return Number.isInteger(n) && n >= 0 && n <= 1e12 ? n : undefined;
}

/**
 * Checks the meeting fields as the server does (docs/metrics.md "Goals", attendance: attended needs invited and
 * cannot exceed it), so a mistake is named before anything reaches the outbox. Chat carries none of them.
 */
export function checkMeetingFields(
  channel: Channel,
  d: MeetingDraft,
): { values: MeetingValues; problem: null } | { values: null; problem: MeetingProblem } {
  if (!MEETING_CHANNELS.includes(channel))
    return { values: { invited: null, attended: null, series: null }, problem: null };
  const invited = headcount(d.invited);
  if (invited === undefined)
    return { values: null, problem: { kind: 'notCount', field: 'invited', value: d.invited.trim() } };
  const attended = headcount(d.attended);
  if (attended === undefined)
    return { values: null, problem: { kind: 'notCount', field: 'attended', value: d.attended.trim() } };
  if (attended !== null && invited === null) return { values: null, problem: { kind: 'attendedWithoutInvited' } };
  if (attended !== null && invited !== null && attended > invited)
    return { values: null, problem: { kind: 'moreAttended', invited, attended } };
  const series = d.series.trim();
  if (series.length > 100) return { values: null, problem: { kind: 'seriesLong' } };
  return { values: { invited, attended, series: series || null }, problem: null };
}
