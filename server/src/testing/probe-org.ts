import { ulid } from 'ulid';
import { issueToken } from '../auth/tokens';
import type { DbHandle } from '../db/client';
import { interactionData, pushAccepted, testStakeholder, type TestOrg } from './test-org';

/** Test files only: what an org seeded by {@link seedProbeOrg} holds, by kind. */
export interface ProbeRecords {
  stakeholderId: string;
  outletId: string;
  identityId: string;
  interactionIds: string[];
  threadKey: string;
  followupId: string;
  surveyId: string;
  coverageId: string;
  activityId: string;
  /** A saved report edition of March 2026, its texts carrying the marker. */
  editionId: string;
  /** A spare token of the second staff member (revoking it locks no caller of the tests out). */
  tokenId: string;
  /** Admin, manager, staff, second staff. */
  userIds: string[];
  userEmails: string[];
}

/**
 * Test files only: one of every record a procedure can name (stakeholders with an identity, a media outlet, a
 * conversation with a wait and a reply, a reminder, a survey response, a media report, a resolved thread), each
 * text carrying `marker` so that an answer showing any of them to another org can be told.
 */
export async function seedProbeOrg(handle: DbHandle, org: TestOrg, marker: string): Promise<ProbeRecords> {
  const at = Date.parse('2026-03-01T00:00:00+08:00');
  // Keys in lower case: a refusal may echo a key it was given, never a text of another org.
  const key = marker.toLowerCase();
  const customer = await testStakeholder(handle, org, at, `${marker} Customer`, {
    organization: `${marker} Group`,
  });
  const withIdentity = await org.manager.caller.directory.addIdentity({
    stakeholderId: customer.id,
    identity: { kind: 'email', value: `buyer@${key}.cn` },
  });
  const outlet = await testStakeholder(handle, org, at, `${marker} Daily`, { type: 'media' });
  const threadKey = `gmail:${key}-thread`;
  const inbound = interactionData({
    threadKey,
    externalId: `${key}-m1`,
    stakeholderId: customer.id,
    title: `${marker} order question`,
    author: { name: `${marker} Buyer`, handle: `buyer@${key}.cn` },
  });
  const reply = interactionData({
    threadKey,
    externalId: `${key}-m2`,
    direction: 'outbound',
    occurredAt: '2026-03-09T11:00:00+08:00',
    stakeholderId: customer.id,
    author: { name: org.staff.user.name, handle: org.staff.user.email },
  });
  const unanswered = interactionData({ threadKey: `${threadKey}-2`, stakeholderId: customer.id, title: marker });
  await pushAccepted(org.staff, [inbound, reply, unanswered]);
  await org.staff.caller.threads.resolve({ threadKey, resolvedAt: '2026-03-09T12:00:00+08:00', note: marker });
  const followup = await org.staff.caller.followups.create({
    id: ulid(),
    dueAt: '2026-03-10T09:00:00+08:00',
    note: `${marker} call back`,
    stakeholderId: customer.id,
    threadKey,
  });
  const survey = await org.staff.caller.evaluations.recordSurvey({
    id: ulid(),
    instrument: 'csat',
    score: 2,
    stakeholderId: customer.id,
    stakeholderType: 'customer',
    answeredAt: '2026-03-10T09:00:00+08:00',
    comment: `${marker} slow`,
  });
  const coverage = await org.staff.caller.evaluations.recordCoverage({
    id: ulid(),
    outletStakeholderId: outlet.id,
    title: `${marker} launch report`,
    url: `https://news.example/${key}`,
    publishedAt: '2026-03-11T08:00:00+08:00',
    tone: 'negative',
  });
  const activity = await org.staff.caller.activities.create({
    id: ulid(),
    title: `${marker} partner review`,
    stakeholderType: null,
    stakeholderIds: [customer.id],
    channel: 'video',
    ownerUserId: org.staff.user.id,
    startAt: '2026-03-12T10:00:00+08:00',
    endAt: '2026-03-12T11:00:00+08:00',
    milestones: [{ title: `${marker} agenda`, dueAt: '2026-03-11T10:00:00+08:00' }],
  });
  const edition = await org.manager.caller.reports.save({
    filter: { from: '2026-03-01T00:00:00+08:00', to: '2026-04-01T00:00:00+08:00' },
    language: 'en',
    texts: { summary: `${marker} summary`, caseNotes: [{ threadKey, note: `${marker} note` }] },
  });
  const spare = await issueToken(handle.db, { orgId: org.org.id, userId: org.staff2.user.id, name: `${marker} spare` });
  return {
    stakeholderId: customer.id,
    outletId: outlet.id,
    identityId: withIdentity.identities[0]!.id,
    interactionIds: [inbound.id, reply.id, unanswered.id],
    threadKey,
    followupId: followup.id,
    surveyId: survey.response.id,
    coverageId: coverage.id,
    activityId: activity.id,
    editionId: edition.id,
    tokenId: spare.id,
    userIds: [org.admin, org.manager, org.staff, org.staff2].map((m) => m.user.id),
    userEmails: [org.admin, org.manager, org.staff, org.staff2].map((m) => m.user.email),
  };
}

/** Every id of `records`, for pools and leak checks. */
export const probeIds = (r: ProbeRecords): string[] => [
  r.stakeholderId,
  r.outletId,
  r.identityId,
  ...r.interactionIds,
  r.followupId,
  r.surveyId,
  r.coverageId,
  r.activityId,
  r.editionId,
  r.tokenId,
  ...r.userIds,
];
