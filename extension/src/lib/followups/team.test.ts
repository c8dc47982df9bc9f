import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OverdueItem, TeamFollowupsInput, TeamFollowupsResult } from '@comms-log/shared';
import { ApiError } from '../api/error';
import type { FollowupsApi, FollowupsServiceDeps } from './service-deps';
import { dropDeps, testDeps } from './testing/deps';
import { fuTeamListsItem } from './storage-items';
import { forgetErasedInTeamLists, forgetTeamLists, prefetchTeamList, teamList, teamListMore } from './team';

const NOW = Date.parse('2026-03-11T07:00:00Z');
let n = 0;
let deps: FollowupsServiceDeps;
/** What the server answers next: a page, or an error to throw. */
let answer: (input: TeamFollowupsInput) => TeamFollowupsResult;
let asked: TeamFollowupsInput[];

const reminder = (id: string): OverdueItem => ({
  kind: 'reminder',
  id,
  state: 'due',
  userId: 'sam',
  dueAt: '2026-03-10T01:00:00.000Z',
  note: `reminder ${id}`,
  stakeholderId: null,
  stakeholderName: null,
  url: null,
});

const page = (ids: string[], next: string | null): TeamFollowupsResult => ({
  asOf: new Date(NOW).toISOString(),
  items: ids.map(reminder),
  counts: { late: 0, dueSoon: 0, cadenceOverdue: 0, cadenceDue: 0, reminders: 3 },
  totals: { awaiting: 0, cold: 0, reminders: 3 },
  next: { awaiting: null, cold: null, reminders: next },
});

beforeEach(() => {
  fakeBrowser.reset();
  asked = [];
  const api = {
    team: async (input: TeamFollowupsInput) => {
      asked.push(input);
      return answer(input);
    },
  } as unknown as FollowupsApi;
  deps = testDeps(`team-${n}`, api, { now: NOW, me: { id: 'mia', role: 'manager' } });
  n++;
});

afterEach(() => dropDeps(deps));

const offline = () => {
  throw new ApiError('network');
};

describe("managers' team list", () => {
  it("is the server's, kept with its pages for reading offline as of the server's instant", async () => {
    answer = () => page(['F1', 'F2'], 'c2');
    const online = await teamList(deps, null);
    expect(online.source).toBe('server');
    expect(asked[0]).toEqual({ limit: 50 });
    answer = (input) => (input.cursor === 'c2' ? page(['F3'], null) : offline());
    expect((await teamListMore(deps, { userId: null, group: 'reminders', cursor: 'c2' })).items).toHaveLength(1);

    answer = offline;
    const cached = await teamList(deps, null);
    expect(cached.source).toBe('cache');
    expect(cached.page.asOf).toBe(online.page.asOf);
    expect(cached.page.items.map((i) => i.id)).toEqual(['F1', 'F2', 'F3']);
    expect(cached.page.next.reminders).toBeNull();
  });

  it("keeps each view apart, and offline without a kept list says the server can't be reached", async () => {
    answer = () => page(['F1'], null);
    await teamList(deps, 'sam');
    answer = offline;
    expect((await teamList(deps, 'sam')).page.items.map((i) => i.id)).toEqual(['F1']);
    await expect(teamList(deps, null)).rejects.toMatchObject({ code: 'network' });
  });

  it('does not stand in a kept list for a refusal', async () => {
    answer = () => page(['F1'], null);
    await teamList(deps, null);
    answer = () => {
      throw new ApiError('forbidden');
    };
    await expect(teamList(deps, null)).rejects.toMatchObject({ code: 'forbidden' });
  });
});

describe("a manager's team list after a sync", () => {
  it('is fetched when none is kept or it is ten minutes old, and not for staff', async () => {
    answer = () => page(['F1'], null);
    await prefetchTeamList(deps);
    expect(asked).toHaveLength(1);
    await prefetchTeamList(deps);
    expect(asked).toHaveLength(1);
    const later = { ...deps, now: () => NOW + 10 * 60_000 };
    await prefetchTeamList(later);
    expect(asked).toHaveLength(2);
    await prefetchTeamList({ ...later, now: () => NOW + 60 * 60_000, me: async () => ({ id: 'sam', role: 'staff' }) });
    expect(asked).toHaveLength(2);
  });
});

describe('asks of one view at once', () => {
  it("join the one under way: the server computes the list once, a colleague's is asked apart", async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => {
      release = r;
    });
    answer = () => page(['F1'], null);
    const slowApi = {
      team: async (input: TeamFollowupsInput) => {
        asked.push(input);
        await held;
        return answer(input);
      },
    } as unknown as FollowupsApi;
    const slow = { ...deps, api: slowApi };
    const prefetch = prefetchTeamList(slow);
    await new Promise((r) => setTimeout(r, 10));
    const popup = teamList(slow, null);
    const colleague = teamList(slow, 'sam');
    await new Promise((r) => setTimeout(r, 10));
    release();
    await prefetch;
    expect((await popup).page.items.map((i) => i.id)).toEqual(['F1']);
    await colleague;
    expect(asked).toEqual([{ limit: 50 }, { limit: 50, userId: 'sam' }]);
    // Once answered, the next look asks the server again.
    await teamList(slow, null);
    expect(asked).toHaveLength(3);
  });
});

describe('a sign-in change', () => {
  it('drops the kept views, and a list asked for the last user is not kept when it arrives', async () => {
    answer = () => page(['F1'], null);
    await teamList(deps, 'sam');
    let release!: () => void;
    const held = new Promise<void>((r) => {
      release = r;
    });
    const slowApi = {
      team: async (input: TeamFollowupsInput) => {
        await held;
        return answer(input);
      },
    } as unknown as FollowupsApi;
    const asking = teamList({ ...deps, api: slowApi }, null);
    await new Promise((r) => setTimeout(r, 10));
    await forgetTeamLists();
    expect(await fuTeamListsItem.getValue()).toEqual({});
    release();
    expect((await asking).source).toBe('server');
    // Its write would have come after the one the change made: nothing is kept for the new user to read offline.
    await forgetErasedInTeamLists([]);
    expect(await fuTeamListsItem.getValue()).toEqual({});
    answer = offline;
    await expect(teamList(deps, null)).rejects.toMatchObject({ code: 'network' });
  });
});

describe('an erasure', () => {
  it('drops the kept lists that hold a row about the erased person, and keeps the others', async () => {
    answer = () => ({ ...page(['F1'], null), items: [{ ...reminder('F1'), stakeholderId: 'S-erased' }] });
    await teamList(deps, null);
    answer = () => page(['F2'], null);
    await teamList(deps, 'sam');
    await forgetErasedInTeamLists([{ stakeholderId: 'S-erased', interactionIds: [], followupIds: [] }]);
    answer = offline;
    await expect(teamList(deps, null)).rejects.toMatchObject({ code: 'network' });
    expect((await teamList(deps, 'sam')).page.items.map((i) => i.id)).toEqual(['F2']);
  });
});
