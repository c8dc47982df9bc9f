import type { FollowupGroupName, TeamFollowupsResult } from '@comms-log/shared';
import { applyAction, flushActions } from './actions';
import { computeList } from './list';
import type { FollowupAction } from './local';
import type { FollowupsServiceDeps } from './service-deps';
import { fuPlannedActivitiesItem, planItem, type FollowupsHead, type TeamUser } from './storage-items';
import { pendingActions } from './store';
import { prefetchTeamList, syncAfterTeam, teamAsksSettled, teamList, teamListMore, type TeamListResult } from './team';
import { teamUsers } from './team-users';
import { isOwnAction } from '../users/waiting';

export type FollowupsService = {
  /** Recomputes the list into storage and updates the badge; `fromServer` asks the server first. */
  refresh(opts?: { fromServer?: boolean }): Promise<FollowupsHead>;
  /** Applies an action locally at once (outbox or action queue) and refreshes the list. */
  act(action: FollowupAction): Promise<void>;
  /** Sends queued actions; stops at the first one the network does not carry. */
  flush(): Promise<{ sent: number; rejected: number }>;
  /**
   * After each sync attempt: plan, queued actions, then the list (from the server when all is synced); managers'
   * kept team list when it is missing or old.
   */
  afterSync(opts: { ok: boolean; outboxPending: number }): Promise<void>;
  /** Alarm tick without a sync: the list as time passes, late notifications and the daily digest. */
  tick(): Promise<void>;
  /**
   * The popup's open: a manager's team list first when none is kept or it is old (a switch to the team joins that
   * ask), then `sync` (team.ts `syncAfterTeam`).
   */
  syncAfterTeam(sync: () => Promise<unknown>): Promise<void>;
  /** Managers: another person's list, or the team's (`userId` null): the server's, else the last one kept. */
  teamList(userId: string | null): Promise<TeamListResult>;
  /** Managers: the next page of one group of that list. */
  teamListMore(req: { userId: string | null; group: FollowupGroupName; cursor: string }): Promise<TeamFollowupsResult>;
  teamUsers(): Promise<TeamUser[]>;
};

/** Caches the org's plan when the server's differs from the cached one (writes are broadcast to open pages). */
async function refreshPlan(deps: Pick<FollowupsServiceDeps, 'api'>): Promise<void> {
  const stored = await deps.api.plan();
  const cached = await planItem.getValue();
  if (!cached || cached.version !== stored.version || cached.updatedAt !== stored.updatedAt)
    await planItem.setValue(stored);
}

/** The user's activities still planned, for the offline list (storage-items.ts `fuPlannedActivitiesItem`). */
async function refreshPlannedActivities(deps: Pick<FollowupsServiceDeps, 'api' | 'me'>): Promise<void> {
  const me = await deps.me();
  if (me) await fuPlannedActivitiesItem.setValue(await deps.api.plannedActivities(me.id));
}

/**
 * The background's side of the follow-ups: keeps the precomputed list in storage for the popup, the badge,
 * notifications and the digest, and carries the popup's actions to the server.
 */
export function createFollowupsService(deps: FollowupsServiceDeps): FollowupsService {
  let running: Promise<FollowupsHead> | null = null;
  let again: { fromServer: boolean } | null = null;

  // One computation at a time; requests meanwhile fold into one more run (from the server if any asked).
  function refresh(opts: { fromServer?: boolean } = {}): Promise<FollowupsHead> {
    const fromServer = opts.fromServer ?? false;
    if (running) {
      again = { fromServer: fromServer || (again?.fromServer ?? false) };
      return running;
    }
    running = (async () => {
      let head = await computeList(deps, fromServer);
      while (again) {
        const next = again;
        again = null;
        head = await computeList(deps, next.fromServer);
      }
      return head;
    })().finally(() => {
      running = null;
    });
    return running;
  }

  return {
    refresh,
    async act(action) {
      await applyAction(deps, action);
      await refresh();
    },
    flush: () => flushActions(deps),
    async afterSync({ ok, outboxPending }) {
      let allSent = false;
      // A team view's first page goes first: each call below, made meanwhile, would queue ahead of it on the server.
      const afterTeam = async (step: () => Promise<unknown>) => {
        await teamAsksSettled(deps);
        await step().catch(() => undefined);
      };
      if (ok) {
        await afterTeam(() => refreshPlan(deps));
        await afterTeam(() => refreshPlannedActivities(deps));
        await afterTeam(() => flushActions(deps));
        // Another user's queued actions wait for them (users/waiting.ts); they do not keep this list local.
        const me = (await deps.me())?.id;
        allSent = outboxPending === 0 && (await pendingActions(deps.fuDb)).filter(isOwnAction(me)).length === 0;
      }
      await teamAsksSettled(deps);
      await refresh({ fromServer: allSent });
      // After the own list: the team's may take the server longer to compute.
      if (ok) await prefetchTeamList(deps).catch(() => undefined);
    },
    async tick() {
      await refresh();
    },
    syncAfterTeam: (sync) => syncAfterTeam(deps, sync),
    teamList: (userId) => teamList(deps, userId),
    teamListMore: (req) => teamListMore(deps, req),
    teamUsers: () => teamUsers(deps),
  };
}
