import type { CoverageTone, MediaCoverage, MediaCoverageUpdateInput } from '@comms-log/shared';
import { fromLocalInput, toLocalInput } from '../zoned-time';

/** The edit form's fields as typed: the tone ('' not judged), reach, event tag and clarification (datetime-local). */
export interface CoverageEditDraft {
  tone: CoverageTone | '';
  reach: string;
  eventTag: string;
  clarifiedAt: string;
}

/** A mistake in the edit, as the form names it. */
export type CoverageEditProblem =
  | { kind: 'reach'; value: string }
  | { kind: 'eventTagLong' }
  | { kind: 'clarifiedNotNegative' }
  | { kind: 'clarifiedInvalid' }
  | { kind: 'clarifiedBeforePublished'; publishedAt: string }
  | { kind: 'clarifiedFuture' };

/** The report's current values as the form shows them, times in `zone`. */
export function coverageDraft(item: MediaCoverage, zone: string): CoverageEditDraft {
  return {
    tone: item.tone ?? '',
    reach: item.reach === null ? '' : String(item.reach),
    eventTag: item.eventTag ?? '',
    clarifiedAt: item.clarifiedAt === null ? '' : toLocalInput(item.clarifiedAt, zone),
  };
}

/** The clarification's mistakes: only for a negative report, a real time, after publication and not to come. */
function clarificationProblems(item: MediaCoverage, d: CoverageEditDraft, at: string | null, nowMs: number) {
  if (!d.clarifiedAt.trim()) return [];
  if (at === null) return [{ kind: 'clarifiedInvalid' } as const];
  if (d.tone !== 'negative') return [{ kind: 'clarifiedNotNegative' } as const];
  if (Date.parse(at) < Date.parse(item.publishedAt))
    return [{ kind: 'clarifiedBeforePublished', publishedAt: item.publishedAt } as const];
  if (Date.parse(at) > nowMs) return [{ kind: 'clarifiedFuture' } as const];
  return [];
}

/**
 * Checks an edit as `evaluations.updateCoverage` will (docs/api.md), so each mistake is named in the reader's language
 * before anything is sent: the update (an empty field clears its value), or the problems.
 */
export function checkCoverageEdit(
  item: MediaCoverage,
  d: CoverageEditDraft,
  zone: string,
  nowMs: number,
): { problems: CoverageEditProblem[]; update: MediaCoverageUpdateInput | null } {
  const problems: CoverageEditProblem[] = [];
  const reachText = d.reach.trim();
  const reach = reachText === '' ? null : Number(reachText);
  if (reach !== null && !(Number.isInteger(reach) && reach >= 0)) problems.push({ kind: 'reach', value: reachText });
  const eventTag = d.eventTag.trim();
  if (eventTag.length > 60) problems.push({ kind: 'eventTagLong' });
  const clarifiedAt = d.clarifiedAt.trim() ? fromLocalInput(d.clarifiedAt, zone) : null;
  problems.push(...clarificationProblems(item, d, clarifiedAt, nowMs));
  if (problems.length) return { problems, update: null };
  return {
    problems,
    update: { id: item.id, tone: d.tone || null, reach, eventTag: eventTag || null, clarifiedAt },
  };
}
