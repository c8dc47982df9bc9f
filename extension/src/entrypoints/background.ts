import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { monotonicFactory } from 'ulid';
import type { HandleRef } from '@comms-log/shared';
import { setupFollowups } from '../lib/followups/background';
import { logManual, logThread, type LogContext } from '../lib/capture/log-service';
import { handleMessages, type StakeholderSummary } from '../lib/messages';
import { getStakeholder, matchLocal, searchStakeholders } from '../lib/outbox/directory';
import { CommsLogDb, type LocalStakeholder } from '../lib/outbox/local-db';
import { outboxRows } from '../lib/outbox/queue';
import { discardRejected, rejectedItems, retryRejected } from '../lib/outbox/rejected';
import { createDexieSyncStore } from '../lib/outbox/sync-store';
import { threadStatus } from '../lib/outbox/thread-status';
import { apiTransport, isConfigured, refreshAccount, withApi } from '../lib/api/session';
import { neverLogMineItem, orgSettingsItem, syncStatusItem, whoamiItem } from '../lib/storage-items';
import { createSyncEngine } from '../lib/sync/engine';

const SYNC_ALARM = 'comms-log-sync';
/** Who-am-I and the org's settings are re-read at most this often (they change rarely). */
const ACCOUNT_REFRESH_MS = 10 * 60_000;

function summary(s: LocalStakeholder): StakeholderSummary {
  return { id: s.id, name: s.name, type: s.type, organization: s.organization, pending: s.pending };
}

export default defineBackground(() => {
  const db = new CommsLogDb();
  const newId = monotonicFactory();
  const store = createDexieSyncStore(db);
  const engine = createSyncEngine({
    store,
    transport: apiTransport,
    clock: {
      now: () => Date.now(),
      setTimeout: (fn, ms) => setTimeout(fn, ms),
      clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
      random: Math.random,
    },
    onStatus: (status) => void syncStatusItem.setValue(status),
  });

  async function syncSoon(force = false) {
    const outcome = await engine.sync({ force });
    if (outcome.ok) {
      const settings = await orgSettingsItem.getValue();
      if (!settings || Date.now() - Date.parse(settings.fetchedAt) > ACCOUNT_REFRESH_MS)
        await refreshAccount().catch(() => undefined);
    }
    // Follow-ups after every attempt, online or not: time passes, and what was just logged may answer a wait.
    await followups.service
      .afterSync({ ok: outcome.ok, outboxPending: engine.status().pending })
      .catch(() => undefined);
    return outcome;
  }
  const followups = setupFollowups(db, () => syncSoon());

  async function logContext(): Promise<LogContext> {
    const [settings, mine, whoami] = await Promise.all([
      orgSettingsItem.getValue(),
      neverLogMineItem.getValue(),
      whoamiItem.getValue(),
    ]);
    return {
      db,
      newId: () => newId(),
      now: new Date(),
      // Until the org's level is known, keep the least: metadata never oversteps any org's choice.
      captureLevel: settings?.captureLevel ?? whoami?.org.captureLevel ?? 'metadata',
      neverLog: [...(settings?.neverLog ?? []), ...mine],
      me: whoami ? { name: whoami.user.name, email: whoami.user.email } : null,
    };
  }

  async function matchOne(handle: HandleRef) {
    const local = await matchLocal(db, handle);
    if (local) return { handle, stakeholder: summary(local.stakeholder), via: local.via };
    if (!(await isConfigured())) return { handle, stakeholder: null, via: null };
    try {
      const [match] = await withApi((c) => c.directory.match.query({ handles: [handle] }));
      if (!match?.stakeholderId) return { handle, stakeholder: null, via: null };
      let known = await getStakeholder(db, match.stakeholderId);
      if (!known) {
        const fetched = await withApi((c) => c.directory.get.query({ id: match.stakeholderId! }));
        await store.applyPull({
          interactions: [],
          followups: [],
          stakeholders: [fetched],
          cursor: await store.getCursor(),
          hasMore: false,
        });
        known = await getStakeholder(db, fetched.id);
      }
      return { handle, stakeholder: known ? summary(known) : null, via: match.via };
    } catch {
      // Offline or refused: the panel still works, the user picks the stakeholder by hand.
      return { handle, stakeholder: null, via: null };
    }
  }

  handleMessages({
    ...followups.handlers,
    async 'log-thread'(req) {
      const result = await logThread(await logContext(), req);
      await engine.refreshCounts();
      void syncSoon();
      return result;
    },
    async 'log-manual'(req) {
      const result = await logManual(await logContext(), req);
      await engine.refreshCounts();
      void syncSoon();
      return result;
    },
    'sync-now': () => syncSoon(true),
    async 'get-status'() {
      await engine.refreshCounts();
      const rejected = await outboxRows(db, 'rejected');
      return {
        ...engine.status(),
        configured: await isConfigured(),
        rejectedItems: rejected.slice(0, 20).map((r) => ({ id: r.id, entity: r.entity, reason: r.reason ?? '' })),
      };
    },
    async 'match-handles'({ handles }) {
      return Promise.all(handles.slice(0, 20).map(matchOne));
    },
    'thread-status': ({ threadKey }) => threadStatus(db, threadKey),
    async 'search-stakeholders'({ text, limit }) {
      return (await searchStakeholders(db, text, limit)).map(summary);
    },
    'rej-list': () => rejectedItems(db),
    async 'rej-retry'({ keys }) {
      const retried = await retryRejected(db, keys);
      await engine.refreshCounts();
      void syncSoon(true);
      return { retried };
    },
    async 'rej-discard'({ key }) {
      const discarded = await discardRejected(db, key);
      await engine.refreshCounts();
      // A dropped reminder may have been on the stored follow-ups list.
      void followups.service.refresh().catch(() => undefined);
      return { discarded };
    },
    async 'settings-changed'() {
      await refreshAccount().catch(() => undefined);
      void syncSoon(true);
      return { ok: true };
    },
  });

  void browser.alarms.get(SYNC_ALARM).then((existing) => {
    if (!existing) void browser.alarms.create(SYNC_ALARM, { periodInMinutes: 1 });
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) void syncSoon();
  });
  // The network is back: do not wait for the backoff timer.
  self.addEventListener('online', () => void syncSoon(true));

  // The badge and the stored list first, from the local copy: the sync may wait on a server that is down.
  void followups.service.refresh().catch(() => undefined);
  void engine.refreshCounts().then(() => syncSoon());
});
