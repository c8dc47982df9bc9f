import type { CaptureLevel, FollowupData, Followup, Interaction, InteractionData } from '@comms-log/shared';
import { noDerived } from '../../db/queries/derive';
import type { FollowupRow, InteractionRow } from '../../db/schema';
import { fromIso, fromIsoOrNull, toIso, toIsoOrNull } from '../../iso';

/* Rows as stored and as they travel (`interactionSchema`, `followupSchema`; docs/sync.md). */

/** What the org's capture level lets the server keep of a message (docs/architecture.md "Data model"). */
export function applyCaptureLevel<T extends { title: string | null; snippet: string | null }>(
  level: CaptureLevel,
  row: T,
): T {
  if (level === 'metadata') return { ...row, title: null, snippet: null };
  if (level === 'subject') return { ...row, snippet: null };
  return row;
}

/** The client-given columns of a pushed interaction, as the org's capture level lets the server keep them. */
export function incomingInteraction(d: InteractionData, level: CaptureLevel) {
  return applyCaptureLevel(level, {
    threadKey: d.threadKey,
    channel: d.channel,
    direction: d.direction,
    occurredAt: fromIso(d.occurredAt),
    stakeholderId: d.stakeholderId,
    stakeholderType: d.stakeholderType,
    authorName: d.author.name,
    authorHandle: d.author.handle,
    title: d.title,
    snippet: d.snippet,
    url: d.url,
    durationMin: d.durationMin,
    note: d.note,
    automated: d.automated,
    internal: d.internal,
    purpose: d.purpose,
    ...evaluationColumns(d),
  });
}

/** The meeting, project and own-post fields of a pushed interaction, as stored (instants as epoch ms). */
function evaluationColumns(d: InteractionData) {
  return {
    invited: d.invited ?? null,
    attended: d.attended ?? null,
    series: d.series ?? null,
    projectStatus: d.projectStatus ?? null,
    dueAt: fromIsoOrNull(d.dueAt ?? null),
    doneAt: fromIsoOrNull(d.doneAt ?? null),
    reposts: d.reposts ?? null,
    comments: d.comments ?? null,
    likes: d.likes ?? null,
    reads: d.reads ?? null,
    followers: d.followers ?? null,
  };
}
export type IncomingInteraction = ReturnType<typeof incomingInteraction>;

/** A new interaction row logged by `userId` (its change sequence number and derived fields are set on writing). */
export function newInteractionRow(
  d: InteractionData,
  incoming: IncomingInteraction,
  owner: { orgId: string; userId: string },
  now: number,
): InteractionRow {
  return {
    id: d.id,
    orgId: owner.orgId,
    userId: owner.userId,
    source: d.source,
    externalId: d.externalId,
    ...incoming,
    deleted: false,
    createdAt: now,
    updatedAt: now,
    seq: 0,
    ...noDerived,
  };
}

/** A pushed follow-up as a row, keeping the owner and creation time of the stored one (`prev`). */
export function followupRow(
  d: FollowupData,
  prev: FollowupRow | undefined,
  owner: { orgId: string; userId: string },
  now: number,
): FollowupRow {
  return {
    id: d.id,
    orgId: owner.orgId,
    userId: prev?.userId ?? owner.userId,
    dueAt: fromIso(d.dueAt),
    note: d.note,
    stakeholderId: d.stakeholderId,
    threadKey: d.threadKey,
    url: d.url,
    status: d.status,
    snoozedUntil: fromIsoOrNull(d.snoozedUntil),
    deleted: false,
    createdAt: prev?.createdAt ?? now,
    updatedAt: now,
    seq: 0,
  };
}

/** An interaction row as the wire shape (`interactionSchema`); an unanswered wait past its deadline reads as late. */
export function toInteraction(r: InteractionRow, now = Date.now()): Interaction {
  return {
    id: r.id,
    source: r.source,
    externalId: r.externalId,
    threadKey: r.threadKey,
    channel: r.channel,
    direction: r.direction,
    occurredAt: toIso(r.occurredAt),
    stakeholderId: r.stakeholderId,
    stakeholderType: r.stakeholderType,
    author: { name: r.authorName, handle: r.authorHandle },
    title: r.title,
    snippet: r.snippet,
    url: r.url,
    durationMin: r.durationMin,
    note: r.note,
    automated: r.automated,
    internal: r.internal,
    purpose: r.purpose,
    invited: r.invited,
    attended: r.attended,
    series: r.series,
    projectStatus: r.projectStatus,
    dueAt: toIsoOrNull(r.dueAt),
    doneAt: toIsoOrNull(r.doneAt),
    reposts: r.reposts,
    comments: r.comments,
    likes: r.likes,
    reads: r.reads,
    followers: r.followers,
    userId: r.userId,
    deleted: r.deleted,
    createdAt: toIso(r.createdAt),
    updatedAt: toIso(r.updatedAt),
    waitStart: r.waitStart,
    repliedAt: toIsoOrNull(r.repliedAt),
    repliedBy: r.repliedBy,
    responseMs: r.responseMs,
    responseWorkMs: r.responseWorkMs,
    onTime: r.onTime === 'pending' && r.deadlineAt !== null && now > r.deadlineAt ? 'late' : r.onTime,
    seq: r.seq,
  };
}

export function toFollowup(r: FollowupRow): Followup {
  return {
    id: r.id,
    dueAt: toIso(r.dueAt),
    note: r.note,
    stakeholderId: r.stakeholderId,
    threadKey: r.threadKey,
    url: r.url,
    status: r.status,
    snoozedUntil: toIsoOrNull(r.snoozedUntil),
    userId: r.userId,
    deleted: r.deleted,
    updatedAt: toIso(r.updatedAt),
    seq: r.seq,
  };
}
