import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TeamFollowupsResult } from '@comms-log/shared';
import { ApiError } from '../api/error';
import { createFollowupsService } from './service';
import type { FollowupsApi, FollowupsServiceDeps } from './service-deps';
import { dropDeps, testDeps } from './testing/deps';
import { syncAfterTeam } from './team';
import { fuTeamUsersItem } from './storage-items';
import { teamUsers } from './team-users';

/*
 * The server answers reads one at a time, so what the popup waits for goes first (docs/sync.md "Pull"): a popup's
 * open asks for the team list before it syncs, a sync's own calls wait while a team list is being asked, and the
 * team switch's people come from the kept copy.
 */

const NOW = Date.parse('2026-03-11T07:00:00Z');
let n = 0;
let deps: FollowupsServiceDeps;
/** Every server call, in the order it was made. */
let calls: string[];
let releaseTeam: () => void;

const emptyPage: TeamFollowupsResult = {
  asOf: new Date(NOW).toISOString(),
  items: [],
  counts: { late: 0, dueSoon: 0, cadenceOverdue: 0, cadenceDue: 0, reminders: 0 },
  totals: { awaiting: 0, cold: 0, reminders: 0 },
  next: { awaiting: null, cold: null, reminders: null },
};

beforeEach(() => {
  fakeBrowser.reset();
  calls = [];
  const held = new Promise<void>((r) => {
    releaseTeam = r;
  });
  const api: FollowupsApi = {
    team: async () => {
      calls.push('team');
      await held;
      calls.push('team answered');
      return emptyPage;
    },
    overdue: async () => {
      calls.push('overdue');
      return { items: [], counts: emptyPage.counts };
    },
    plan: async () => {
      calls.push('plan');
      throw new ApiError('network');
    },
    plannedActivities: async () => {
      calls.push('activities');
      return [];
    },
    users: async () => {
      calls.push('users');
      return [{ id: 'sam', name: 'Sam', role: 'staff', active: true }];
    },
    snooze: async () => ({}),
    closeWait: async () => ({}),
    complete: async () => ({}),
  };
  deps = testDeps(`team-order-${n}`, api, { now: NOW, me: { id: 'mia', role: 'manager' } });
  n++;
});

afterEach(() => dropDeps(deps));

const tick = () => new Promise((r) => setTimeout(r, 20));

describe('a team list asked while a sync ends', () => {
  it("goes to the server first: the sync's own calls wait for its answer", async () => {
    const service = createFollowupsService(deps);
    const shown = service.teamList(null);
    const synced = service.afterSync({ ok: true, outboxPending: 0 });
    await tick();
    expect(calls).toEqual(['team']);
    releaseTeam();
    await shown;
    await synced;
    expect(calls.slice(0, 2)).toEqual(['team', 'team answered']);
    expect(calls).toEqual(expect.arrayContaining(['plan', 'activities', 'overdue']));
  });
});

describe("a popup's open", () => {
  it('asks for the team list first when none is kept, and syncs once it is answered', async () => {
    const synced = syncAfterTeam(deps, async () => calls.push('sync'));
    await tick();
    expect(calls).toEqual(['team']);
    releaseTeam();
    await synced;
    expect(calls).toEqual(['team', 'team answered', 'sync']);
    // Kept now: the next open syncs at once.
    await syncAfterTeam(deps, async () => calls.push('sync'));
    expect(calls).toEqual(['team', 'team answered', 'sync', 'sync']);
  });

  it('syncs anyway when the team list takes too long', async () => {
    await syncAfterTeam(deps, async () => calls.push('sync'), 30);
    expect(calls).toEqual(['team', 'sync']);
    releaseTeam();
  });
});

describe("the team switch's people", () => {
  it('come from the kept copy for ten minutes, then from the server; offline the kept ones', async () => {
    expect((await teamUsers(deps)).map((u) => u.id)).toEqual(['sam']);
    expect((await teamUsers({ ...deps, now: () => NOW + 9 * 60_000 })).map((u) => u.id)).toEqual(['sam']);
    expect(calls).toEqual(['users']);
    await teamUsers({ ...deps, now: () => NOW + 10 * 60_000 });
    expect(calls).toEqual(['users', 'users']);
    const offline = {
      ...deps,
      now: () => NOW + 30 * 60_000,
      api: {
        ...deps.api,
        users: async () => {
          throw new ApiError('network');
        },
      },
    };
    expect((await teamUsers(offline)).map((u) => u.id)).toEqual(['sam']);
  });

  it('are not kept when another user signed in while they were asked', async () => {
    let signedIn = 'mia';
    const changing = {
      ...deps,
      me: async () => ({ id: signedIn, role: 'manager' as const }),
      api: {
        ...deps.api,
        users: async () => {
          signedIn = 'ana';
          return [{ id: 'sam', name: 'Sam', role: 'staff' as const, active: true }];
        },
      },
    };
    expect((await teamUsers(changing)).map((u) => u.id)).toEqual(['sam']);
    expect(await fuTeamUsersItem.getValue()).toEqual([]);
  });

  it('are asked of the server again for another signed-in user', async () => {
    await teamUsers(deps);
    await teamUsers({ ...deps, me: async () => ({ id: 'ana', role: 'manager' }) });
    expect(calls).toEqual(['users', 'users']);
  });
});
