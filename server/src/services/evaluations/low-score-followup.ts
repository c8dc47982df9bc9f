import { ulid } from 'ulid';
import { deadlineFor, isLowScore, type Plan, type SurveyInstrument } from '@comms-log/shared';
import type { DbOrTx } from '../../db/client';
import { reserveSeq } from '../../db/queries/seq';
import { followups } from '../../db/schema';

/** A recorded response as the low-score rule reads it, with its stakeholder. */
export interface ScoredResponse {
  instrument: SurveyInstrument;
  score: number;
  scale: number | null;
  dimension: string | null;
  stakeholder: { id: string; name: string; ownerUserId: string | null };
}

const instrumentLabel: Record<SurveyInstrument, string> = { csat: 'CSAT', nps: 'NPS', score100: '0–100 score' };

/** "Low CSAT: 2/5 from Acme (usability): follow up." */
function noteOf(r: ScoredResponse): string {
  const score = r.instrument === 'csat' ? `${r.score}/${r.scale}` : String(r.score);
  const dimension = r.dimension ? ` (${r.dimension})` : '';
  return `Low ${instrumentLabel[r.instrument]}: ${score} from ${r.stakeholder.name}${dimension}: follow up.`;
}

/**
 * A response at or below the plan's threshold (`plan.evaluation.lowScore`) becomes an open follow-up for the
 * stakeholder's owner (or `recorderId` when it has none), due one working day after `now` on the plan's calendar.
 * Returns its id, or null when the score is not low.
 */
export async function lowScoreFollowup(
  db: DbOrTx,
  orgId: string,
  r: ScoredResponse,
  env: { plan: Plan; recorderId: string; now: number },
): Promise<string | null> {
  const { plan, now } = env;
  if (!isLowScore({ instrument: r.instrument, score: r.score, scale: r.scale ?? undefined }, plan.evaluation.lowScore))
    return null;
  const id = ulid(now);
  await db.insert(followups).values({
    id,
    orgId,
    userId: r.stakeholder.ownerUserId ?? env.recorderId,
    // A calendar with no working time in reach has no working deadline: a calendar day stands in for it.
    dueAt: deadlineFor(now, { value: 1, unit: 'working_days' }, plan.calendar) ?? now + 86_400_000,
    note: noteOf(r),
    stakeholderId: r.stakeholder.id,
    status: 'open',
    createdAt: now,
    updatedAt: now,
    seq: await reserveSeq(db, orgId, 1),
  });
  return id;
}
