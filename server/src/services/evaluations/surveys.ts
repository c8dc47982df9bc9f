import { TRPCError } from '@trpc/server';
import { and, eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import {
  DEFAULT_CSAT_SCALE,
  isoDateSchema,
  type Plan,
  type RecordSurveyResult,
  type SurveyResponseData,
} from '@comms-log/shared';
import type { DbOrTx } from '../../db/client';
import { reserveSeq } from '../../db/queries/seq';
import { stakeholders } from '../../db/schema';
import { surveyResponses, type SurveyResponseRow } from '../../db/tables/evaluation';
import { fromIso } from '../../iso';
import { currentPlan } from '../plans';
import { isManager, nowOf, type ServiceCtx, type ServiceUser } from '../service-ctx';
import { lowScoreFollowup } from './low-score-followup';
import { toSurveyResponse } from './rows';

/* Survey responses: recorded one by one (`evaluations.recordSurvey`) or by CSV import. */

/** What storing responses reads once per call: the plan (thresholds, calendar, zone) and the clock. */
export interface SurveyEnv {
  plan: Plan;
  now: number;
}

export async function surveyEnv(db: DbOrTx, orgId: string, now: number): Promise<SurveyEnv> {
  return { plan: (await currentPlan(db, orgId)).plan, now };
}

const badRequest = (message: string) => new TRPCError({ code: 'BAD_REQUEST', message });

/** A date or date-time (an answer's, a report's) as epoch ms: a bare date is midnight in the org's zone. */
export function dateOrInstantMs(value: string, timeZone: string): number {
  if (isoDateSchema.safeParse(value).success) return DateTime.fromISO(value, { zone: timeZone }).toMillis();
  return fromIso(value);
}

/** The org's stakeholder a response names; BAD_REQUEST when it is not the org's. */
async function respondent(db: DbOrTx, orgId: string, id: string) {
  const [s] = await db
    .select({
      id: stakeholders.id,
      name: stakeholders.name,
      type: stakeholders.type,
      ownerUserId: stakeholders.ownerUserId,
    })
    .from(stakeholders)
    .where(and(eq(stakeholders.orgId, orgId), eq(stakeholders.id, id)));
  if (!s) throw badRequest(`stakeholderId: no stakeholder ${id} in your org`);
  return s;
}

/**
 * Store one response recorded by `user` after checking it (answered not in the future, the stakeholder the org's);
 * the stakeholder's type replaces the one given. A low score with a stakeholder also creates a follow-up.
 */
export async function storeSurvey(
  db: DbOrTx,
  user: ServiceUser,
  d: SurveyResponseData,
  env: SurveyEnv,
): Promise<{ row: SurveyResponseRow; followupId: string | null }> {
  const { now } = env;
  const answeredAt = dateOrInstantMs(d.answeredAt, env.plan.calendar.timeZone);
  if (answeredAt > now) throw badRequest('answeredAt: a survey cannot be answered in the future');
  const stakeholder = d.stakeholderId === undefined ? null : await respondent(db, user.orgId, d.stakeholderId);
  const row: SurveyResponseRow = {
    id: d.id,
    orgId: user.orgId,
    userId: user.id,
    instrument: d.instrument,
    score: d.score,
    scale: d.instrument === 'csat' ? (d.scale ?? DEFAULT_CSAT_SCALE) : null,
    stakeholderId: stakeholder?.id ?? null,
    stakeholderType: stakeholder?.type ?? d.stakeholderType,
    dimension: d.dimension ?? null,
    answeredAt,
    comment: d.comment ?? null,
    createdAt: now,
    updatedAt: now,
    seq: await reserveSeq(db, user.orgId, 1),
    deleted: false,
  };
  await db.insert(surveyResponses).values(row);
  const followupId = stakeholder
    ? await lowScoreFollowup(db, user.orgId, { ...row, stakeholder }, { plan: env.plan, recorderId: user.id, now })
    : null;
  return { row, followupId };
}

/**
 * `evaluations.recordSurvey`: one response recorded by the caller. Recording the same id again returns the stored
 * response (and creates no second follow-up).
 */
export function recordSurvey(ctx: ServiceCtx, input: SurveyResponseData): Promise<RecordSurveyResult> {
  const now = nowOf(ctx);
  const { user } = ctx;
  return ctx.db.transaction(async (tx) => {
    const [prev] = await tx.select().from(surveyResponses).where(eq(surveyResponses.id, input.id));
    if (prev && prev.orgId !== user.orgId)
      throw new TRPCError({
        code: 'CONFLICT',
        message: 'this id is already used by another record; generate a new ULID',
      });
    if (prev && prev.userId !== user.id && !isManager(user))
      throw new TRPCError({ code: 'FORBIDDEN', message: 'this id is a response someone else recorded' });
    if (prev) return { response: toSurveyResponse(prev), followupId: null };
    const { row, followupId } = await storeSurvey(tx, user, input, await surveyEnv(tx, user.orgId, now));
    return { response: toSurveyResponse(row), followupId };
  });
}
