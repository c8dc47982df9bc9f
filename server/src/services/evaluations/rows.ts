import type { MediaCoverage, MediaCoverageData, MediaCoverageInput, SurveyResponse } from '@comms-log/shared';
import type { MediaCoverageRow, SurveyResponseRow } from '../../db/tables/evaluation';
import { fromIso, fromIsoOrNull, toIso, toIsoOrNull } from '../../iso';

/* Evaluation records as stored and as they travel (`surveyResponseSchema`, `mediaCoverageSchema`). */

export function toSurveyResponse(r: SurveyResponseRow): SurveyResponse {
  return {
    id: r.id,
    instrument: r.instrument,
    score: r.score,
    scale: r.scale,
    stakeholderId: r.stakeholderId,
    stakeholderType: r.stakeholderType,
    dimension: r.dimension,
    answeredAt: toIso(r.answeredAt),
    comment: r.comment,
    userId: r.userId,
    createdAt: toIso(r.createdAt),
    updatedAt: toIso(r.updatedAt),
  };
}

export function toCoverage(r: MediaCoverageRow): MediaCoverage {
  return {
    id: r.id,
    outletStakeholderId: r.outletStakeholderId,
    title: r.title,
    url: r.url,
    publishedAt: toIso(r.publishedAt),
    tone: r.tone,
    reach: r.reach,
    eventTag: r.eventTag,
    clarifiedAt: toIsoOrNull(r.clarifiedAt),
    userId: r.userId,
    createdAt: toIso(r.createdAt),
    updatedAt: toIso(r.updatedAt),
  };
}

/** The columns a coverage item's data sets (the rest are the owner's, the clock's and the change sequence's). */
export function coverageColumns(d: MediaCoverageData) {
  return {
    outletStakeholderId: d.outletStakeholderId,
    title: d.title,
    url: d.url,
    publishedAt: fromIso(d.publishedAt),
    tone: d.tone,
    reach: d.reach ?? null,
    eventTag: d.eventTag ?? null,
    clarifiedAt: fromIsoOrNull(d.clarifiedAt),
  };
}
export type CoverageColumns = ReturnType<typeof coverageColumns>;

/** A stored item as the input that would record it, to check a change against the whole item. */
export function coverageInputOf(r: MediaCoverageRow): MediaCoverageInput {
  const {
    userId: _by,
    createdAt: _created,
    updatedAt: _updated,
    reach,
    eventTag,
    clarifiedAt,
    ...rest
  } = toCoverage(r);
  return { ...rest, reach: reach ?? undefined, eventTag: eventTag ?? undefined, clarifiedAt: clarifiedAt ?? undefined };
}
