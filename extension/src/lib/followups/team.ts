import type {
  ErasureTombstone,
  FollowupGroupName,
  OverdueItem,
  TeamFollowupsInput,
  TeamFollowupsResult,
} from '@comms-log/shared';
import { toApiError } from '../api/error';
import { groupOf, withoutActedOn, type FollowupActionRow } from './local';
import type { FollowupsServiceDeps } from './service-deps';
import { fuTeamListsItem, type CachedTeamList } from './storage-items';
import { allActions } from './store';

/*
 * Managers' team views (docs/sync.md "Pull"): the team's list, or a colleague's, is the server's `followups.team`,
 * a page per group. The last lists shown are kept with their time for reading offline.
 */

/**
 * `cache`: the server could not be reached and this is its last list for the view, as of `page.asOf`; `kept`: that
 * list shown while the server is asked (the popup paints it at once).
 */
export type TeamListResult = CachedTeamList & { source: 'server' | 'cache' | 'kept' };

/** Rows per group and page: more than the popup shows before scrolling. */
export const TEAM_PAGE_ROWS = 50;
/** Views kept for offline reading: the whole team and the last few colleagues looked at. */
const KEPT_VIEWS = 6;

const viewKey = (userId: string | null) => userId ?? 'team';

/** Hides what queued actions settle, as on the own list, and takes them off the group totals. */
function withoutActed(page: TeamFollowupsResult, actions: readonly FollowupActionRow[], asOfMs: number) {
  const kept = withoutActedOn({ items: page.items, counts: page.counts }, actions, asOfMs);
  if (kept.items.length === page.items.length) return page;
  const totals = { ...page.totals };
  const keptKeys = new Set(kept.items);
  for (const item of page.items) if (!keptKeys.has(item)) totals[groupOf(item)] -= 1;
  return { ...page, items: kept.items, counts: kept.counts, totals };
}

/** `lists` with `list` as the view's, newest last: the oldest views drop out first. */
function withView(lists: Record<string, CachedTeamList>, userId: string | null, list: CachedTeamList) {
  const rest = Object.entries(lists).filter(([key]) => key !== viewKey(userId));
  return Object.fromEntries([...rest.slice(-(KEPT_VIEWS - 1)), [viewKey(userId), list] as const]);
}

/** The kept lists' changes, one after another: each reads and rewrites the whole set of views. */
let keeping: Promise<void> = Promise.resolve();

/** Changes the kept lists after the changes begun before (`change` answers null: nothing to write). */
function changeKept(
  change: (lists: Record<string, CachedTeamList>) => Record<string, CachedTeamList> | null,
): Promise<void> {
  const write = async () => {
    const next = change(await fuTeamListsItem.getValue());
    if (next) await fuTeamListsItem.setValue(next);
  };
  keeping = keeping.then(write, write);
  return keeping;
}

/** Counts sign-in changes: a list asked of the server before one is the last user's, and is not kept after it. */
let signIns = 0;

/**
 * Another user signed in, or nobody is: the kept views go, after the changes begun before, and a list still being
 * asked for the last user is not written back when it arrives.
 */
export function forgetTeamLists(): Promise<void> {
  signIns += 1;
  return changeKept(() => ({}));
}

/** The kept lists once every change begun so far is written. */
async function keptLists(): Promise<Record<string, CachedTeamList>> {
  await keeping.catch(() => undefined);
  return fuTeamListsItem.getValue();
}

/** The views being asked of the server now, per API: a second ask of one view joins the first. */
const asking = new WeakMap<FollowupsServiceDeps['api'], Map<string, Promise<TeamListResult>>>();

/**
 * The server's list for the view, or, when it cannot be reached, the last one kept. While one ask of the view is
 * under way (the popup's, or the prefetch after a sync) another joins it: each ask makes the server compute the
 * whole list, and on a busy server the popup's own ask would queue behind the duplicate (docs/sync.md "Pull").
 */
export function teamList(deps: FollowupsServiceDeps, userId: string | null): Promise<TeamListResult> {
  const views = asking.get(deps.api) ?? new Map<string, Promise<TeamListResult>>();
  asking.set(deps.api, views);
  const key = viewKey(userId);
  const running = views.get(key);
  if (running) return running;
  const ask = askTeamList(deps, userId).finally(() => views.delete(key));
  views.set(key, ask);
  return ask;
}

/**
 * Resolves once no team list is being asked of the server: the sync's own calls wait for it, since the server
 * answers reads one at a time and the view's first page would otherwise queue behind them (docs/sync.md "Pull").
 */
export async function teamAsksSettled(deps: Pick<FollowupsServiceDeps, 'api'>): Promise<void> {
  const views = asking.get(deps.api);
  while (views && views.size > 0) await Promise.allSettled([...views.values()]);
}

async function askTeamList(deps: FollowupsServiceDeps, userId: string | null): Promise<TeamListResult> {
  const nowMs = deps.now();
  const signedIn = signIns;
  const input: TeamFollowupsInput = { limit: TEAM_PAGE_ROWS, ...(userId === null ? {} : { userId }) };
  try {
    const page = withoutActed(await deps.api.team(input), await allActions(deps.fuDb), nowMs);
    const list = { page, fetchedAt: new Date(nowMs).toISOString() };
    // Kept after the popup has it: rewriting every kept view costs the first paint tens of ms on a busy machine.
    void changeKept((lists) => (signedIn === signIns ? withView(lists, userId, list) : null)).catch(() => undefined);
    return { ...list, source: 'server' };
  } catch (err) {
    const kept = (await keptLists())[viewKey(userId)];
    if (!kept || toApiError(err).isPermanent) throw err;
    return { ...kept, source: 'cache' };
  }
}

/**
 * Stakeholders erased on request leave the kept lists too (docs/sync.md "Erasure"): a list holding a row about one
 * of them, or one of the rows the erasure removed, is dropped whole; the next look at its view asks the server.
 */
export async function forgetErasedInTeamLists(erasures: readonly ErasureTombstone[]): Promise<void> {
  if (erasures.length === 0) return;
  const erased = new Set(erasures.flatMap((e) => [e.stakeholderId, ...e.interactionIds, ...e.followupIds]));
  const about = (item: OverdueItem) =>
    erased.has(item.id) || ('stakeholderId' in item && item.stakeholderId !== null && erased.has(item.stakeholderId));
  await changeKept((lists) => {
    const kept = Object.entries(lists).filter(([, list]) => !list.page.items.some(about));
    return kept.length === Object.keys(lists).length ? null : Object.fromEntries(kept);
  });
}

/** How old the kept team list may grow before a sync fetches it again. */
const PREFETCH_AFTER_MS = 10 * 60_000;

/**
 * Managers, as the popup opens and after a sync: the whole team's list, when none is kept or it is older than
 * {@link PREFETCH_AFTER_MS}, so that switching to the team paints at once even the first time.
 */
export async function prefetchTeamList(deps: FollowupsServiceDeps): Promise<void> {
  const me = await deps.me();
  if (me?.role !== 'manager' && me?.role !== 'admin') return;
  const kept = (await keptLists())[viewKey(null)];
  if (kept && deps.now() - Date.parse(kept.fetchedAt) < PREFETCH_AFTER_MS) return;
  await teamList(deps, null);
}

/** How long a popup's open sync waits for a manager's team list asked first. */
const TEAM_FIRST_MS = 2_000;

/**
 * A popup's open: a manager's team list first when none is kept or it is old, alone on the server, then `sync`
 * (at once when nothing is asked, after {@link TEAM_FIRST_MS} at most): a switch to the team joins that ask.
 */
export async function syncAfterTeam(
  deps: FollowupsServiceDeps,
  sync: () => Promise<unknown>,
  capMs = TEAM_FIRST_MS,
): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const cap = new Promise((r) => {
    timer = setTimeout(r, capMs);
  });
  await Promise.race([prefetchTeamList(deps).catch(() => undefined), cap]);
  clearTimeout(timer);
  await sync();
}

/** The next page of one group of the view's list; it joins the kept list when that is the same list. */
export async function teamListMore(
  deps: FollowupsServiceDeps,
  req: { userId: string | null; group: FollowupGroupName; cursor: string },
): Promise<TeamFollowupsResult> {
  const { userId, group, cursor } = req;
  const input = { limit: TEAM_PAGE_ROWS, group, cursor, ...(userId === null ? {} : { userId }) };
  const signedIn = signIns;
  const page = withoutActed(await deps.api.team(input), await allActions(deps.fuDb), deps.now());
  await changeKept((lists) => {
    const kept = lists[viewKey(userId)];
    if (signedIn !== signIns || !kept || kept.page.asOf !== page.asOf) return null;
    const items = [...kept.page.items, ...page.items];
    const next = { ...kept.page.next, [group]: page.next[group] };
    return withView(lists, userId, { ...kept, page: { ...kept.page, items, next } });
  });
  return page;
}
