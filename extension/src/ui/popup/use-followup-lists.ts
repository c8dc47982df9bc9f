import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { OverdueItem } from '@comms-log/shared';
import { toStoredError } from '../../lib/api/error';
import { groupItems, itemKey, type FollowupGroup } from '../../lib/followups/local';
import type { TeamListResult } from '../../lib/followups/team';
import { readStoredItems } from '../../lib/followups/snapshot';
import { fuHeadItem, fuTeamListsItem, type FollowupsHead } from '../../lib/followups/storage-items';
import { sendToBackground } from '../../lib/messages';
import type { T } from '../use-t';
import { teamListErrorText } from './followup-format';

/** Started when the module loads, before React renders: the first rows need nothing else. Used once. */
let firstHead: Promise<FollowupsHead | null> | null = fuHeadItem.getValue();

export type Groups = Record<FollowupGroup, OverdueItem[]>;
/** `me`, `team`, or another person's user id (managers). */
export type View = string;
type TeamState = { view: View; data: TeamListResult } | { view: View; error: string } | null;

/** The user's own list: the stored head at once, then the whole stored list once the first rows are painted. */
export function useOwnList(): { head: FollowupsHead | null | undefined; groups: Groups | null } {
  const [head, setHead] = useState<FollowupsHead | null | undefined>(undefined);
  const [full, setFull] = useState<{ computedAt: string; groups: Groups } | null>(null);
  useEffect(() => {
    let live = true;
    // The tab mounts again after a manual log: read afresh then, the module's first read is stale.
    const initial = firstHead ?? fuHeadItem.getValue();
    firstHead = null;
    void initial.then((h) => live && setHead((cur) => cur ?? h));
    const unwatch = fuHeadItem.watch((h) => setHead(h));
    return () => {
      live = false;
      unwatch();
    };
  }, []);
  useEffect(() => {
    if (!head) return;
    let live = true;
    // The whole list after the first rows are painted; a newer head brings a newer list.
    const timer = setTimeout(() => {
      void readStoredItems().then((all) => {
        if (!live || !all || all.computedAt !== head.computedAt) return;
        setFull({ computedAt: all.computedAt, groups: groupItems(all.items) });
        if (performance.getEntriesByName('fu-full-list').length === 0) performance.mark('fu-full-list');
      });
    }, 0);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [head]);
  const groups = head ? (full?.computedAt === head.computedAt ? full.groups : head.head) : null;
  return { head, groups };
}

const teamUserId = (v: View) => (v === 'team' ? null : v);

/**
 * The team's or another person's list (managers) whenever the view changes: the one kept from last time at once,
 * then the server's first page of each group asked of the background (offline: the kept one, marked so).
 * `loadMore` appends a group's next page.
 */
export function useTeamList(t: T, view: View) {
  const [team, setTeam] = useState<TeamState>(null);
  const [moreError, setMoreError] = useState<string | null>(null);
  const asked = useRef<View | null>(null);
  const loadTeam = useCallback(
    (v: View) => {
      if (v === 'me') return;
      asked.current = v;
      setTeam(null);
      setMoreError(null);
      let answered = false;
      void fuTeamListsItem.getValue().then((lists) => {
        const list = lists[v];
        if (list && !answered && asked.current === v) setTeam({ view: v, data: { ...list, source: 'kept' } });
      });
      sendToBackground('fu-team', { userId: teamUserId(v) }).then(
        (data) => {
          answered = true;
          if (asked.current === v) setTeam({ view: v, data });
        },
        (err: unknown) => {
          answered = true;
          if (asked.current === v) setTeam({ view: v, error: teamListErrorText(t, toStoredError(err)) });
        },
      );
    },
    [t],
  );
  useEffect(() => loadTeam(view), [view, loadTeam]);
  const loadMore = useCallback(
    (group: FollowupGroup) => {
      if (!team || !('data' in team)) return;
      const cursor = team.data.page.next[group];
      if (!cursor) return;
      setMoreError(null);
      const v = team.view;
      sendToBackground('fu-team-more', { userId: teamUserId(v), group, cursor }).then(
        (more) =>
          setTeam((cur) => {
            if (!cur || cur.view !== v || !('data' in cur) || cur.data.page.next[group] !== cursor) return cur;
            const page = cur.data.page;
            const next = { ...page.next, [group]: more.next[group] };
            return { view: v, data: { ...cur.data, page: { ...page, items: [...page.items, ...more.items], next } } };
          }),
        (err: unknown) => setMoreError(teamListErrorText(t, toStoredError(err))),
      );
    },
    [t, team],
  );
  return { team, loadTeam, loadMore, moreError };
}

/**
 * The list on screen: the view's groups and totals, less the items acted on (hidden at once when acted on; shown
 * again only if a list computed after the action still has them).
 */
export function useShownList(
  view: View,
  own: ReturnType<typeof useOwnList>,
  team: TeamState,
  hidden: Map<string, number>,
) {
  const listComputedAt =
    view === 'me' ? own.head?.computedAt : team && 'data' in team ? team.data.page.asOf : undefined;
  const visible = useCallback(
    (groups: Groups): Groups => {
      const since = listComputedAt ? Date.parse(listComputedAt) : 0;
      const keep = (i: OverdueItem) => !((hidden.get(itemKey(i)) ?? -Infinity) >= since);
      return {
        awaiting: groups.awaiting.filter(keep),
        cold: groups.cold.filter(keep),
        reminders: groups.reminders.filter(keep),
      };
    },
    [hidden, listComputedAt],
  );
  return useMemo(() => {
    if (view === 'me') {
      if (!own.head || !own.groups) return null;
      const groups = visible(own.groups);
      const removed = (g: FollowupGroup) => own.groups![g].length - groups[g].length;
      const totals = {
        awaiting: own.head.totals.awaiting - removed('awaiting'),
        cold: own.head.totals.cold - removed('cold'),
        reminders: own.head.totals.reminders - removed('reminders'),
      };
      return {
        groups,
        totals,
        computedAt: own.head.computedAt,
        local: own.head.source === 'local',
        cached: false,
        next: null,
      };
    }
    if (!team || team.view !== view || !('data' in team)) return null;
    const { page, source } = team.data;
    const all = groupItems(page.items);
    const groups = visible(all);
    // The server's totals count the rows of pages not loaded yet; rows acted on here come off them.
    const totals = {
      awaiting: page.totals.awaiting - (all.awaiting.length - groups.awaiting.length),
      cold: page.totals.cold - (all.cold.length - groups.cold.length),
      reminders: page.totals.reminders - (all.reminders.length - groups.reminders.length),
    };
    return { groups, totals, computedAt: page.asOf, local: false, cached: source === 'cache', next: page.next };
  }, [view, own, team, visible]);
}
