import { and, eq, inArray } from 'drizzle-orm';
import type { privacyStakeholderInputSchema } from '@comms-log/shared';
import type { z } from 'zod';
import { followupIdsOf, interactionIdsOf } from '../../db/queries/erasure';
import { followups, interactions } from '../../db/schema';
import { mediaCoverage, surveyResponses, threadOutcomes } from '../../db/tables/evaluation';
import { toIso } from '../../iso';
import { record } from '../audit/record';
import { readStakeholder } from '../directory/stakeholders';
import { toCoverage, toSurveyResponse } from '../evaluations/rows';
import { toFollowup, toInteraction } from '../sync/rows';
import { nowOf, type ServiceCtx } from '../service-ctx';

const CHUNK = 500;

/** Rows of `ids`, read `CHUNK` at a time. */
async function inChunks<T>(ids: string[], read: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) out.push(...(await read(ids.slice(i, i + CHUNK))));
  return out;
}

/**
 * Everything the org holds about one stakeholder, as JSON, to answer an access request: the same rows an erasure
 * would remove (README "Reliability and security"). Recorded in the audit trail. NOT_FOUND for another org's.
 */
export async function exportStakeholder(ctx: ServiceCtx, input: z.output<typeof privacyStakeholderInputSchema>) {
  const { db } = ctx;
  const orgId = ctx.user.orgId;
  const now = nowOf(ctx);
  const stakeholder = await readStakeholder(db, orgId, input.stakeholderId);
  const interactionRows = await inChunks(await interactionIdsOf(db, orgId, stakeholder.id), (chunk) =>
    db
      .select()
      .from(interactions)
      .where(and(eq(interactions.orgId, orgId), inArray(interactions.id, chunk))),
  );
  const followupRows = await inChunks(await followupIdsOf(db, orgId, stakeholder.id), (chunk) =>
    db
      .select()
      .from(followups)
      .where(and(eq(followups.orgId, orgId), inArray(followups.id, chunk))),
  );
  const threadKeys = [...new Set(interactionRows.map((r) => r.threadKey))];
  const outcomes = await inChunks(threadKeys, (chunk) =>
    db
      .select()
      .from(threadOutcomes)
      .where(and(eq(threadOutcomes.orgId, orgId), inArray(threadOutcomes.threadKey, chunk))),
  );
  const surveys = await db
    .select()
    .from(surveyResponses)
    .where(and(eq(surveyResponses.orgId, orgId), eq(surveyResponses.stakeholderId, stakeholder.id)));
  const coverage = await db
    .select()
    .from(mediaCoverage)
    .where(and(eq(mediaCoverage.orgId, orgId), eq(mediaCoverage.outletStakeholderId, stakeholder.id)));
  await record(ctx, {
    action: 'stakeholder.export',
    target: stakeholder.id,
    detail: { interactions: interactionRows.length },
  });
  return {
    exportedAt: toIso(now),
    stakeholder,
    interactions: interactionRows.sort((a, b) => a.occurredAt - b.occurredAt).map((r) => toInteraction(r, now)),
    followups: followupRows.map(toFollowup),
    threadOutcomes: outcomes.map((o) => ({ threadKey: o.threadKey, event: o.event, at: toIso(o.at), note: o.note })),
    surveyResponses: surveys.map(toSurveyResponse),
    mediaCoverage: coverage.map(toCoverage),
  };
}
