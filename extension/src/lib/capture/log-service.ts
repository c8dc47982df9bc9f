import type { CaptureLevel, CapturedThread, FollowupData, InteractionData, StakeholderType } from '@comms-log/shared';
import { captureToInteractions, counterpartHandle, refreshedInteractions, threadKeyOf } from './thread-to-interactions';
import type { LogManualRequest, LogThreadRequest } from '../messages';
import { applyNeverLog, isNeverLogged } from './never-log';
import { getStakeholder, LOCAL_STAKEHOLDER_PREFIX } from '../outbox/directory';
import type { CommsLogDb } from '../outbox/local-db';
import { enqueueInteractions, enqueueStakeholder, requeueInteractions } from '../outbox/queue';
import { loggedExternalIds, loggedInteractions } from '../outbox/thread-status';

/** What logging needs besides the request; the background fills it from storage, tests by hand. */
export type LogContext = {
  db: CommsLogDb;
  newId: () => string;
  now: Date;
  captureLevel: CaptureLevel;
  /** The org's and the user's never-log entries together. */
  neverLog: readonly string[];
  /** The signed-in user, the author of what we send. */
  me: { name: string; email: string } | null;
};

/** 09:00 on a calendar day in the browser's zone: when a reminder set for "that day" comes due. */
export function reminderDueAt(day: string): string {
  const due = new Date(`${day}T09:00:00`);
  if (Number.isNaN(due.getTime())) throw new Error(`not a date: ${day}`);
  return due.toISOString();
}

/**
 * Logs a captured thread: never-log first, then only messages the local copy does not have, all written to
 * the outbox (with a stakeholder to create and a reminder, if asked) before anything goes to the network.
 * Messages logged before are queued again only when the capture changes their project status and dates or the
 * post's counts (docs/architecture.md "Latest values"), so the server keeps what the page shows now.
 */
export async function logThread(
  ctx: LogContext,
  req: LogThreadRequest,
): Promise<{ added: number; skipped: number; stakeholderId: string }> {
  const { thread, removed } = applyNeverLog(req.thread, ctx.neverLog);
  const threadKey = threadKeyOf(thread);
  let stakeholderId: string;
  if ('create' in req.stakeholder) {
    const handle = counterpartHandle(thread);
    stakeholderId = `${LOCAL_STAKEHOLDER_PREFIX}${ctx.newId()}`;
    await enqueueStakeholder(
      ctx.db,
      stakeholderId,
      { ...req.stakeholder.create, identities: handle ? [handle] : [] },
      ctx.now,
    );
  } else {
    stakeholderId = req.stakeholder.id;
  }
  const loggedRows = await loggedInteractions(ctx.db, threadKey);
  const logged = await loggedExternalIds(ctx.db, threadKey);
  const { interactions, skipped } = captureToInteractions(
    thread,
    {
      stakeholderId,
      stakeholderType: req.stakeholderType,
      channel: req.channel,
      captureLevel: ctx.captureLevel,
      purpose: req.purpose,
    },
    { isLogged: (source, externalId) => logged.has(`${source}:${externalId}`), newId: ctx.newId },
  );
  const followup: FollowupData | null = req.followUpOn
    ? {
        id: ctx.newId(),
        dueAt: reminderDueAt(req.followUpOn),
        note: ctx.captureLevel === 'metadata' ? '' : thread.title.slice(0, 2000),
        stakeholderId,
        threadKey,
        url: thread.url,
        status: 'open',
        snoozedUntil: null,
      }
    : null;
  await enqueueInteractions(ctx.db, interactions, { followup, now: ctx.now });
  // Never-log took every message: the thread is with listed people only, and the server would refuse its rows.
  const listedOnly = removed > 0 && thread.messages.length === 0;
  if (!listedOnly) await requeueInteractions(ctx.db, refreshable(thread, loggedRows, ctx.neverLog), ctx.now);
  return { added: interactions.length, skipped: skipped + removed, stakeholderId };
}

/** The logged rows to send again with the capture's latest values; not one whose author is listed now. */
function refreshable(
  thread: CapturedThread,
  logged: readonly InteractionData[],
  neverLog: readonly string[],
): InteractionData[] {
  const allowed = logged.filter((r) => !isNeverLogged(r.author.handle, neverLog));
  return refreshedInteractions(thread, allowed);
}

/** A call, meeting or chat logged by hand: one interaction in its own thread. */
export async function logManual(ctx: LogContext, req: LogManualRequest): Promise<{ id: string }> {
  const stakeholder = await getStakeholder(ctx.db, req.stakeholderId);
  const id = ctx.newId();
  const them = { name: stakeholder?.name ?? '', handle: null };
  const us = { name: ctx.me?.name ?? '', handle: ctx.me?.email ?? null };
  const interaction: InteractionData = {
    id,
    source: 'manual',
    externalId: null,
    threadKey: `manual:${id}`,
    channel: req.channel,
    direction: req.direction,
    occurredAt: new Date(req.occurredAt).toISOString(),
    stakeholderId: req.stakeholderId,
    stakeholderType: (stakeholder?.type ?? req.stakeholderType) as StakeholderType,
    author: req.direction === 'inbound' ? them : us,
    title: null,
    snippet: null,
    url: null,
    durationMin: req.durationMin,
    note: req.note.trim() === '' ? null : req.note.trim().slice(0, 4000),
    automated: false,
    internal: false,
    purpose: req.purpose,
    invited: req.invited ?? null,
    attended: req.attended ?? null,
    series: req.series ?? null,
  };
  await enqueueInteractions(ctx.db, [interaction], { now: ctx.now });
  return { id };
}
