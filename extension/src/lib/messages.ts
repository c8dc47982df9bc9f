import { browser, type Browser } from 'wxt/browser';
import type {
  CapturedThread,
  Channel,
  Direction,
  FollowupGroupName,
  HandleRef,
  MediaCoverageData,
  Purpose,
  StakeholderType,
  TeamFollowupsResult,
  ThreadOutcomeData,
} from '@comms-log/shared';
import { ApiError, toStoredError, type StoredError } from './api/error';
import type { LastPurposes } from './capture/purpose-choice';
import type { LogThisView, PanelHandoff } from './log-this/types';
import type { SiteFailure } from './site-health/types';
import type { FollowupActionRequest } from './followups/local';
import type { TeamUser } from './followups/storage-items';
import type { TeamListResult } from './followups/team';
import type { WaitingForUser } from './users/waiting';
import type { StakeholderSummary } from './outbox/directory';
import type { RejectedItem } from './outbox/rejected';
import type { ThreadOutcomeState } from './outbox/thread-outcomes';
import type { ThreadStatus } from './outbox/thread-status';
import type { SyncOutcome, SyncStatus } from './sync/status';

export type { StakeholderSummary } from './outbox/directory';

/** Who the panel logs against: an existing stakeholder, or one to create (queued if offline). */
export type StakeholderChoice = { id: string } | { create: { name: string; type: StakeholderType } };

export type LogThreadRequest = {
  thread: CapturedThread;
  stakeholder: StakeholderChoice;
  stakeholderType: StakeholderType;
  channel: Channel;
  /** Optional reminder, a local calendar date (YYYY-MM-DD): due at 09:00 that day. */
  followUpOn: string | null;
  /** What the conversation is for: an id of the plan's purposes, set on every message logged; null for none. */
  purpose: string | null;
};

export type LogManualRequest = {
  stakeholderId: string;
  stakeholderType: StakeholderType;
  channel: Channel;
  direction: Direction;
  occurredAt: string;
  durationMin: number | null;
  note: string;
  /** An id of the plan's purposes, or null. */
  purpose: string | null;
  /** Calls and meetings: headcounts and the meeting series (checked by lib/capture/meeting-fields.ts). */
  invited?: number | null;
  attended?: number | null;
  series?: string | null;
};

export type StatusView = SyncStatus & {
  configured: boolean;
  rejectedItems: { id: string; entity: string; reason: string }[];
};

/** Every request the content scripts, popup and options send to the background, with its answer. */
export type MessageMap = {
  'log-thread': { req: LogThreadRequest; res: { added: number; skipped: number; stakeholderId: string } };
  'log-manual': { req: LogManualRequest; res: { id: string } };
  'sync-now': { req: Record<string, never>; res: SyncOutcome };
  'get-status': { req: Record<string, never>; res: StatusView };
  'match-handles': {
    req: { handles: HandleRef[] };
    res: { handle: HandleRef; stakeholder: StakeholderSummary | null; via: 'exact' | 'domain' | null }[];
  };
  'thread-status': { req: { threadKey: string }; res: ThreadStatus };
  'search-stakeholders': { req: { text: string; limit?: number }; res: StakeholderSummary[] };
  /** The plan's purposes and the last ones of the thread and the stakeholder, to offer and preselect one. */
  'purpose-hints': {
    req: { threadKey: string | null; stakeholderId: string | null };
    res: { purposes: Purpose[]; last: LastPurposes };
  };
  /** Options saved: re-read the connection, refresh who-am-I and the org's settings, then sync. */
  'settings-changed': { req: Record<string, never>; res: { ok: true } };
  /** Follow-ups: recompute the stored list now (the popup opened), from the server when all is synced. */
  'fu-refresh': { req: Record<string, never>; res: { ok: true } };
  /** Follow-ups: done, snooze or "no reply needed", applied locally at once and queued for the server. */
  'fu-act': { req: FollowupActionRequest; res: { ok: true } };
  /** Managers: another person's list, or the team's (`userId` null). */
  'fu-team': { req: { userId: string | null }; res: TeamListResult };
  /** Managers: the next page of one group of that list. */
  'fu-team-more': {
    req: { userId: string | null; group: FollowupGroupName; cursor: string };
    res: TeamFollowupsResult;
  };
  'fu-users': { req: Record<string, never>; res: TeamUser[] };
  /** One directory entry, to prefill the manual log from a follow-up. */
  'fu-stakeholder': { req: { id: string }; res: StakeholderSummary | null };
  /** Changes the server refused, oldest first, described for the popup's "Not synced" list. */
  'rej-list': { req: Record<string, never>; res: RejectedItem[] };
  /** Refused changes back to pending (all when `keys` is null), then a sync. */
  'rej-retry': { req: { keys: string[] | null }; res: { retried: number } };
  /** One refused change dropped from the outbox (and from the local copy when only it had the record). */
  'rej-discard': { req: { key: string }; res: { discarded: boolean } };
  /** Changes other users wrote here, waiting in the outbox for them to sign in again. */
  'users-waiting': { req: Record<string, never>; res: WaitingForUser[] };
  /** Drops what one other user left queued here (the popup asked the signed-in user to confirm). */
  'users-discard-waiting': { req: { ownerId: string }; res: { discarded: number } };
  /**
   * A resolve or reopen queued through the outbox (offline-first), then a sync; send it with
   * `queueThreadOutcome` (outbox/evaluation-requests.ts), which checks it first. Answers the thread's new state.
   */
  'outcome-queue': { req: { data: ThreadOutcomeData }; res: { id: string; state: ThreadOutcomeState } };
  /** Each thread's resolved state from the outcomes queued or synced in this browser. */
  'outcome-states': { req: { threadKeys: string[] }; res: Record<string, ThreadOutcomeState> };
  /** A media coverage item queued through the outbox, then a sync; send it with `queueCoverage`. */
  'coverage-queue': { req: { data: MediaCoverageData }; res: { id: string } };
  /** Log this: the button's words in the user's language, and "Logged N messages, <when>" once logged. */
  'log-this-view': { req: { threadKey: string | null }; res: LogThisView };
  /** Log this: a content script leaves the thread it read for the panel page it frames next (lib/log-this). */
  'panel-put': { req: { nonce: string; handoff: PanelHandoff }; res: { ok: true } };
  /** The panel page takes what its content script left, once; null when nothing waits under that nonce. */
  'panel-take': { req: { nonce: string }; res: PanelHandoff | null };
  /** An adapter could not read a page: counted per site, adapter version and field (lib/site-health). */
  'site-failure': { req: SiteFailure; res: { ok: true } };
};
export type MessageType = keyof MessageMap;

type Envelope = { type: MessageType; payload: unknown; commsLog: 1 };
type Reply<T> = { ok: true; value: T } | { ok: false; error: StoredError };

/** Sends a request to the background; a failure there arrives as the same ApiError. */
export async function sendToBackground<K extends MessageType>(
  type: K,
  payload: MessageMap[K]['req'],
): Promise<MessageMap[K]['res']> {
  const envelope: Envelope = { type, payload, commsLog: 1 };
  const reply = (await browser.runtime.sendMessage(envelope)) as Reply<MessageMap[K]['res']> | undefined;
  if (!reply) throw new ApiError('unknown', 'no answer from the extension background');
  if (!reply.ok) throw new ApiError(reply.error.code, reply.error.detail);
  return reply.value;
}

export type MessageHandlers = {
  [K in MessageType]: (
    payload: MessageMap[K]['req'],
    sender: Browser.runtime.MessageSender,
  ) => Promise<MessageMap[K]['res']>;
};

/**
 * Answers requests in the background. `sendResponse` plus `return true` works in Chrome and Firefox alike
 * (returning a promise from the listener does not in every Chrome version).
 */
export function handleMessages(handlers: MessageHandlers): void {
  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
    const envelope = message as Partial<Envelope> | null;
    if (envelope?.commsLog !== 1 || typeof envelope.type !== 'string' || !(envelope.type in handlers)) return false;
    const handler = handlers[envelope.type] as (
      payload: unknown,
      sender: Browser.runtime.MessageSender,
    ) => Promise<unknown>;
    handler(envelope.payload, sender).then(
      (value) => sendResponse({ ok: true, value } satisfies Reply<unknown>),
      (err: unknown) => sendResponse({ ok: false, error: toStoredError(err) } satisfies Reply<unknown>),
    );
    return true;
  });
}
