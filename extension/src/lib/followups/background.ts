import { browser } from 'wxt/browser';
import type { ActivityListResult, PlannedActivity, Role } from '@comms-log/shared';
import { showBadge, type BadgeApi } from './badge';
import { currentPlan } from './plan';
import type { FollowupsServiceDeps } from './service-deps';
import { createFollowupsService, type FollowupsService } from './service';
import { FollowupsDb } from './store';
import { resolveLang } from '../i18n';
import type { MessageHandlers, StakeholderSummary } from '../messages';
import { getStakeholder, stakeholderSummary } from '../outbox/directory';
import type { CommsLogDb } from '../outbox/local-db';
import { withApi } from '../api/session';
import { snoozeUntil } from './snooze-presets';
import { languagePrefItem, whoamiItem } from '../storage-items';

/** A small blue square: Chrome's basic notifications need an icon, and the extension ships none yet. */
const NOTIFICATION_ICON =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAACAAAAAgCAIAAAD8GO2jAAAAMklEQVR42mOQKn5BU8QwasGoBaMWDLgF/4kAg9uC0UgejeTRSB6N5FELRi0YtYBOFgAA6yBCm47jjIkAAAAASUVORK5CYII=';

type FollowupHandlers = Pick<
  MessageHandlers,
  'fu-refresh' | 'fu-act' | 'fu-team' | 'fu-team-more' | 'fu-users' | 'fu-stakeholder'
>;

/** MV3 has `action`, Firefox's MV2 build `browserAction`. */
function badgeApi(): BadgeApi | null {
  const b = browser as unknown as { action?: BadgeApi; browserAction?: BadgeApi };
  return b.action ?? b.browserAction ?? null;
}

/** The follow-ups service over the browser: the tRPC client, storage, the badge and notifications. */
function browserDeps(db: CommsLogDb): FollowupsServiceDeps {
  return {
    db,
    fuDb: new FollowupsDb(),
    now: () => Date.now(),
    async me() {
      const who = await whoamiItem.getValue();
      return who ? { id: who.user.id, role: who.user.role as Role } : null;
    },
    async lang() {
      return resolveLang(await languagePrefItem.getValue(), browser.i18n.getUILanguage());
    },
    api: {
      overdue: (input) => withApi((c) => c.followups.overdue.query(input)),
      team: (input) => withApi((c) => c.followups.team.query(input)),
      plan: () => withApi((c) => c.plan.get.query()),
      snooze: (input) => withApi((c) => c.followups.snooze.mutate(input)),
      closeWait: (input) => withApi((c) => c.followups.closeWait.mutate(input)),
      complete: (id) => withApi((c) => c.followups.complete.mutate({ id })),
      plannedActivities: async (ownerUserId) => {
        const planned: PlannedActivity[] = [];
        let cursor: string | null = null;
        // A person has few activities planned: a handful of pages at most.
        for (let page = 0; page < 10; page++) {
          const at: string | null = cursor;
          const r: ActivityListResult = await withApi((c) =>
            c.activities.list.query({ status: 'planned', ownerUserId, cursor: at, limit: 200 }),
          );
          planned.push(
            ...r.items.map((a) => ({
              id: a.id,
              ownerUserId: a.ownerUserId,
              title: a.title,
              channel: a.channel,
              startAtMs: Date.parse(a.startAt),
              endAtMs: Date.parse(a.endAt),
              recurrence: a.recurrence,
            })),
          );
          cursor = r.nextCursor;
          if (!cursor) break;
        }
        return planned;
      },
      users: async () =>
        (await withApi((c) => c.users.list.query())).map((u) => ({
          id: u.id,
          name: u.name,
          role: u.role,
          active: u.active,
        })),
    },
    ui: {
      async badge(state, title) {
        const api = badgeApi();
        if (api) await showBadge(api, state, title);
      },
      async notify(id, title, message) {
        await browser.notifications.create(id, { type: 'basic', iconUrl: NOTIFICATION_ICON, title, message });
      },
    },
  };
}

function followupHandlers(
  db: CommsLogDb,
  service: FollowupsService,
  syncSoon: () => Promise<unknown>,
): FollowupHandlers {
  return {
    async 'fu-refresh'() {
      // A manager's team list first when none is kept, alone on the server (docs/sync.md "Pull"); then the sync,
      // which ends by recomputing the list (from the server when all is synced): one pass.
      void service.syncAfterTeam(() => syncSoon());
      return { ok: true };
    },
    async 'fu-act'(req) {
      if (req.type === 'snooze') {
        const { calendar } = await currentPlan();
        const untilMs = snoozeUntil(req.preset, Date.now(), calendar);
        await service.act({ type: 'snooze', kind: req.kind, id: req.id, untilMs });
      } else {
        await service.act(req);
      }
      void syncSoon();
      return { ok: true };
    },
    'fu-team': ({ userId }) => service.teamList(userId),
    'fu-team-more': (req) => service.teamListMore(req),
    'fu-users': () => service.teamUsers(),
    async 'fu-stakeholder'({ id }): Promise<StakeholderSummary | null> {
      const s = await getStakeholder(db, id);
      return s ? stakeholderSummary(s) : null;
    },
  };
}

/**
 * Wires the follow-ups service to the browser (badge, notifications, the tRPC client, storage) and answers the
 * popup's follow-up messages. `syncSoon` is the background's sync, run after an action so it reaches the
 * server at once when online.
 */
export function setupFollowups(
  db: CommsLogDb,
  syncSoon: () => Promise<unknown>,
): { service: FollowupsService; handlers: FollowupHandlers } {
  const service = createFollowupsService(browserDeps(db));
  browser.notifications?.onClicked.addListener((id) => {
    if (!id.startsWith('comms-log-')) return;
    void browser.tabs.create({ url: browser.runtime.getURL('/popup.html') });
    void browser.notifications.clear(id);
  });
  return { service, handlers: followupHandlers(db, service, syncSoon) };
}
