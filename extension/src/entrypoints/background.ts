import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { monotonicFactory } from 'ulid';
import { apiTransport, isConfigured, refreshAccount } from '../lib/api/session';
import { logManual, logThread, type LogContext } from '../lib/capture/log-service';
import { matchHandle } from '../lib/capture/match-handle';
import { planPurposes } from '../lib/capture/purpose-choice';
import { registerCoverageMenu } from '../lib/coverage/context-menu';
import { setupFollowups } from '../lib/followups/background';
import { currentPlan } from '../lib/followups/plan';
import type { FollowupsService } from '../lib/followups/service';
import { FollowupsDb } from '../lib/followups/store';
import { logThisHandlers } from '../lib/log-this/handlers';
import { handleMessages, type MessageHandlers } from '../lib/messages';
import { enqueueCoverage } from '../lib/outbox/coverage';
import { searchStakeholders, stakeholderSummary } from '../lib/outbox/directory';
import { lastPurposes } from '../lib/outbox/last-purpose';
import { CommsLogDb } from '../lib/outbox/local-db';
import { outboxRows } from '../lib/outbox/queue';
import { discardRejected, rejectedItems, retryRejected } from '../lib/outbox/rejected';
import { createDexieSyncStore } from '../lib/outbox/sync-store';
import { enqueueThreadOutcome, threadOutcomeStates } from '../lib/outbox/thread-outcomes';
import { threadStatus } from '../lib/outbox/thread-status';
import { keepOwnDomainScripts } from '../lib/own-domains/registration';
import { siteHealthHandlers } from '../lib/site-health/handlers';
import { reportSiteHealth } from '../lib/site-health/report';
import { neverLogMineItem, orgSettingsItem, syncStatusItem, whoamiItem } from '../lib/storage-items';
import type { SyncClock } from '../lib/sync/backoff';
import { createSyncEngine, type SyncEngine } from '../lib/sync/engine';
import type { SyncStore } from '../lib/sync/passes';
import type { SyncOutcome } from '../lib/sync/status';
import { followSignIn } from '../lib/users/follow';
import { discardWaiting, othersWaiting } from '../lib/users/waiting';
import { followWhoami } from '../lib/users/watch';

const SYNC_ALARM = 'comms-log-sync';
/** Who-am-I and the org's settings are re-read at most this often (they change rarely). */
const ACCOUNT_REFRESH_MS = 10 * 60_000;

const realClock: SyncClock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
  random: Math.random,
};

type SyncSoon = (force?: boolean) => Promise<SyncOutcome>;

async function logContext(db: CommsLogDb, newId: () => string): Promise<LogContext> {
  const [settings, mine, whoami] = await Promise.all([
    orgSettingsItem.getValue(),
    neverLogMineItem.getValue(),
    whoamiItem.getValue(),
  ]);
  return {
    db,
    newId,
    now: new Date(),
    // Until the org's level is known, keep the least: metadata never oversteps any org's choice.
    captureLevel: settings?.captureLevel ?? whoami?.org.captureLevel ?? 'metadata',
    neverLog: [...(settings?.neverLog ?? []), ...mine],
    me: whoami ? { name: whoami.user.name, email: whoami.user.email } : null,
  };
}

/** The content scripts' and the popup's logging and directory lookups. */
function captureHandlers(
  db: CommsLogDb,
  store: SyncStore,
  queued: () => Promise<void>,
): Pick<
  MessageHandlers,
  'log-thread' | 'log-manual' | 'match-handles' | 'thread-status' | 'search-stakeholders' | 'purpose-hints'
> {
  const ulid = monotonicFactory();
  const newId = () => ulid();
  return {
    async 'log-thread'(req) {
      const result = await logThread(await logContext(db, newId), req);
      await queued();
      return result;
    },
    async 'log-manual'(req) {
      const result = await logManual(await logContext(db, newId), req);
      await queued();
      return result;
    },
    async 'match-handles'({ handles }) {
      return Promise.all(handles.slice(0, 20).map((handle) => matchHandle(db, store, handle)));
    },
    'thread-status': ({ threadKey }) => threadStatus(db, threadKey),
    async 'search-stakeholders'({ text, limit }) {
      return (await searchStakeholders(db, text, limit)).map(stakeholderSummary);
    },
    async 'purpose-hints'({ threadKey, stakeholderId }) {
      const [plan, last] = await Promise.all([currentPlan(), lastPurposes(db, threadKey, stakeholderId)]);
      return { purposes: [...planPurposes(plan)], last };
    },
  };
}

/** Resolves, reopens and coverage items: the pages checked them (outbox/evaluation-requests.ts), the outbox keeps them. */
function evaluationHandlers(
  db: CommsLogDb,
  queued: () => Promise<void>,
): Pick<MessageHandlers, 'outcome-queue' | 'outcome-states' | 'coverage-queue'> {
  const ulid = monotonicFactory();
  return {
    async 'outcome-queue'({ data }) {
      const id = ulid();
      await enqueueThreadOutcome(db, id, data);
      await queued();
      const states = await threadOutcomeStates(db, [data.threadKey]);
      return { id, state: states[data.threadKey]! };
    },
    'outcome-states': ({ threadKeys }) => threadOutcomeStates(db, threadKeys.slice(0, 200)),
    async 'coverage-queue'({ data }) {
      await enqueueCoverage(db, data);
      await queued();
      return { id: data.id };
    },
  };
}

/** The popup's sync status and "Not synced" list, and the options page's "saved". */
function syncHandlers(
  db: CommsLogDb,
  engine: SyncEngine,
  syncSoon: SyncSoon,
  followups: FollowupsService,
): Pick<MessageHandlers, 'sync-now' | 'get-status' | 'rej-list' | 'rej-retry' | 'rej-discard' | 'settings-changed'> {
  return {
    'sync-now': () => syncSoon(true),
    async 'get-status'() {
      await engine.refreshCounts();
      const rejected = await outboxRows(db, 'rejected', await signedInId());
      return {
        ...engine.status(),
        configured: await isConfigured(),
        rejectedItems: rejected.slice(0, 20).map((r) => ({ id: r.id, entity: r.entity, reason: r.reason ?? '' })),
      };
    },
    'rej-list': async () => rejectedItems(db, await signedInId()),
    async 'rej-retry'({ keys }) {
      const retried = await retryRejected(db, keys, await signedInId());
      await engine.refreshCounts();
      void syncSoon(true);
      return { retried };
    },
    async 'rej-discard'({ key }) {
      const discarded = await discardRejected(db, key, await signedInId());
      await engine.refreshCounts();
      // A dropped reminder may have been on the stored follow-ups list.
      void followups.refresh().catch(() => undefined);
      return { discarded };
    },
    async 'settings-changed'() {
      // Another user's copies go before anything else is shown or sent (lib/users/follow.ts).
      await followSignIn(db).catch(() => undefined);
      await refreshAccount().catch(() => undefined);
      void syncSoon(true);
      return { ok: true };
    },
  };
}

/** The popup's note on what other users left queued here, and discarding it on confirmation. */
function waitingHandlers(
  db: CommsLogDb,
  engine: SyncEngine,
): Pick<MessageHandlers, 'users-waiting' | 'users-discard-waiting'> {
  const fuDb = new FollowupsDb();
  return {
    'users-waiting': async () => othersWaiting(db, fuDb, await signedInId()),
    async 'users-discard-waiting'({ ownerId }) {
      const discarded = await discardWaiting(db, fuDb, ownerId, await signedInId());
      await engine.refreshCounts();
      return { discarded };
    },
  };
}

/** A sync every minute, and at once when the network is back (not waiting for the backoff timer). */
function keepSyncing(syncSoon: SyncSoon): void {
  void browser.alarms.get(SYNC_ALARM).then((existing) => {
    if (!existing) void browser.alarms.create(SYNC_ALARM, { periodInMinutes: 1 });
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) void syncSoon();
  });
  self.addEventListener('online', () => void syncSoon(true));
}

const signedInId = async () => (await whoamiItem.getValue())?.user.id ?? null;

export default defineBackground(() => {
  const db = new CommsLogDb();
  const store = createDexieSyncStore(db);
  const engine = createSyncEngine({
    store,
    transport: apiTransport,
    clock: realClock,
    onStatus: (status) => void syncStatusItem.setValue(status),
  });
  // New outbox rows, the sync's status and counts are the signed-in user's (docs/sync.md "Outbox first").
  followWhoami(db, engine);

  async function syncSoon(force = false) {
    const outcome = await engine.sync({ force });
    if (outcome.ok) {
      const settings = await orgSettingsItem.getValue();
      if (!settings || Date.now() - Date.parse(settings.fetchedAt) > ACCOUNT_REFRESH_MS)
        await refreshAccount().catch(() => undefined);
      await reportSiteHealth().catch(() => undefined);
    }
    // Follow-ups after every attempt, online or not: time passes, and what was just logged may answer a wait.
    await followups.service
      .afterSync({ ok: outcome.ok, outboxPending: engine.status().pending })
      .catch(() => undefined);
    return outcome;
  }
  const followups = setupFollowups(db, () => syncSoon());
  const queued = async () => {
    await engine.refreshCounts();
    void syncSoon();
  };

  handleMessages({
    ...followups.handlers,
    ...captureHandlers(db, store, queued),
    ...evaluationHandlers(db, queued),
    ...syncHandlers(db, engine, syncSoon, followups.service),
    ...waitingHandlers(db, engine),
    ...logThisHandlers(db),
    ...siteHealthHandlers(),
  });
  keepSyncing(syncSoon);
  registerCoverageMenu();
  // Content scripts on the organisation's own hosts added in Options (Firefox forgets them at every start).
  keepOwnDomainScripts();

  // The badge and the stored list first, from the local copy: the sync may wait on a server that is down.
  void followups.service.refresh().catch(() => undefined);
  void engine.refreshCounts().then(() => syncSoon());
});
