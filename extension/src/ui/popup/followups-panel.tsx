import { useCallback, useEffect, useMemo, useState } from 'react';
import { browser } from 'wxt/browser';
import type { OverdueItem } from '@comms-log/shared';
import { toStoredError } from '../../lib/api/error';
import { fuHeadItem, fuTeamUsersItem, planItem, type FollowupsHead } from '../../lib/followups/storage-items';
import { readStoredItems } from '../../lib/followups/snapshot';
import { groupItems, itemKey, type FollowupActionRequest, type FollowupGroup } from '../../lib/followups/local';
import { formatRelative, type Lang } from '../../lib/i18n';
import { sendToBackground, type StakeholderSummary } from '../../lib/messages';
import type { TeamListResult } from '../../lib/followups/service';
import { whoamiItem } from '../../lib/storage-items';
import { errorText } from '../labels';
import { useStorageItem } from '../use-storage-item';
import type { T } from '../use-t';
import { FollowupsList } from './followups-list';
import './followups.css';

/** Started when the module loads, before React renders: the first rows need nothing else. Used once. */
let firstHead: Promise<FollowupsHead | null> | null = fuHeadItem.getValue();

type Groups = Record<FollowupGroup, OverdueItem[]>;
/** `me`, `team`, or another person's user id (managers). */
type View = string;

function useOwnList(): { head: FollowupsHead | null | undefined; groups: Groups | null } {
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

export type FollowupsPanelProps = {
  t: T;
  lang: Lang;
  /** "Log a call or meeting" from a row: the manual log, prefilled with the stakeholder. */
  onLogCall: (stakeholder: StakeholderSummary) => void;
};

/** The Follow-ups tab: the precomputed list first, then a refresh; managers can switch to anyone's list. */
export function FollowupsPanel({ t, lang, onLogCall }: FollowupsPanelProps) {
  const whoami = useStorageItem(whoamiItem);
  const plan = useStorageItem(planItem);
  const isManager = whoami?.user.role === 'manager' || whoami?.user.role === 'admin';
  const [view, setView] = useState<View>('me');
  const own = useOwnList();
  const [team, setTeam] = useState<{ view: View; data: TeamListResult } | { view: View; error: string } | null>(null);
  const [hidden, setHidden] = useState<Map<string, number>>(new Map());
  const [error, setError] = useState<string | null>(null);
  const [nowMs, setNowMs] = useState(() => Date.now());

  useEffect(() => {
    const clock = setInterval(() => setNowMs(Date.now()), 60_000);
    return () => clearInterval(clock);
  }, []);

  // Once the stored list is on screen: recompute in the background (and sync), which rewrites it. Not before:
  // on a busy machine the recompute would compete with the first paint.
  const painted = own.head !== undefined;
  useEffect(() => {
    if (!painted) return;
    const timer = setTimeout(() => void sendToBackground('fu-refresh', {}).catch(() => undefined), 0);
    return () => clearTimeout(timer);
  }, [painted]);

  const loadTeam = useCallback(
    (v: View) => {
      if (v === 'me') return;
      setTeam(null);
      sendToBackground('fu-team', { userId: v === 'team' ? null : v }).then(
        (data) => setTeam({ view: v, data }),
        (err: unknown) => setTeam({ view: v, error: errorText(t, toStoredError(err)) }),
      );
    },
    [t],
  );
  useEffect(() => loadTeam(view), [view, loadTeam]);

  // Hidden at once when acted on; shown again only if a list computed after the action still has it.
  const listComputedAt = view === 'me' ? own.head?.computedAt : team && 'data' in team ? team.data.asOf : undefined;
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

  const shown = useMemo(() => {
    if (view === 'me') {
      if (!own.head || !own.groups) return null;
      const groups = visible(own.groups);
      const removed = (g: FollowupGroup) => own.groups![g].length - groups[g].length;
      const totals = {
        awaiting: own.head.totals.awaiting - removed('awaiting'),
        cold: own.head.totals.cold - removed('cold'),
        reminders: own.head.totals.reminders - removed('reminders'),
      };
      return { groups, totals, computedAt: own.head.computedAt, local: own.head.source === 'local' };
    }
    if (!team || team.view !== view || !('data' in team)) return null;
    const groups = visible(groupItems(team.data.result.items));
    return {
      groups,
      totals: { awaiting: groups.awaiting.length, cold: groups.cold.length, reminders: groups.reminders.length },
      computedAt: team.data.asOf,
      local: team.data.source === 'local',
    };
  }, [view, own, team, visible]);

  async function onAct(item: OverdueItem, action: FollowupActionRequest) {
    setError(null);
    setHidden((h) => new Map(h).set(itemKey(item), Date.now()));
    try {
      await sendToBackground('fu-act', action);
      if (view !== 'me') loadTeam(view);
    } catch (err) {
      setHidden((h) => {
        const next = new Map(h);
        next.delete(itemKey(item));
        return next;
      });
      setError(t('fuActionFailed', errorText(t, toStoredError(err))));
    }
  }

  async function logCall(item: OverdueItem) {
    if (!item.stakeholderId) return;
    const found = await sendToBackground('fu-stakeholder', { id: item.stakeholderId }).catch(() => null);
    onLogCall(
      found ?? {
        id: item.stakeholderId,
        name: item.stakeholderName ?? '',
        type: item.kind === 'reminder' ? 'other' : item.stakeholderType,
        organization: null,
        pending: false,
      },
    );
  }

  const head = own.head;
  return (
    <section aria-label={t('tabFollowups')} data-testid="followups" className="fu-panel-root">
      {isManager ? <TeamSwitch t={t} view={view} onChange={setView} /> : null}
      {view === 'me' && head && head.pendingActions > 0 ? (
        <p className="pg-muted" data-testid="fu-pending-actions">
          {t('fuPendingActions', head.pendingActions)}
        </p>
      ) : null}
      {view === 'me' && head
        ? head.rejectedActions.map((r) => (
            <p key={r.key} className="pg-error" role="alert">
              {t('fuRejectedAction', r.error)}
            </p>
          ))
        : null}
      {error ? (
        <p className="pg-error" role="alert">
          {error}
        </p>
      ) : null}
      {team && team.view === view && 'error' in team ? (
        <p className="pg-error" role="alert">
          {team.error}
        </p>
      ) : null}
      {shown ? (
        <>
          <p className="pg-muted fu-updated" data-testid="fu-updated">
            {t('fuComputedAt', formatRelative(lang, shown.computedAt, new Date(nowMs)))}
            {shown.local ? ` · ${t('fuFromLocal')}` : ''}
          </p>
          <FollowupsList
            t={t}
            lang={lang}
            groups={shown.groups}
            totals={shown.totals}
            nowMs={nowMs}
            timeZone={plan?.plan.calendar.timeZone ?? whoami?.org.timeZone}
            onAct={onAct}
            onOpen={(url) => void browser.tabs.create({ url })}
            onLogCall={(item) => void logCall(item)}
          />
        </>
      ) : view === 'me' && head === null ? (
        <p className="pg-muted" data-testid="fu-nothing-yet">
          {t('fuNoList')}
        </p>
      ) : (
        <p className="pg-muted">{t('fuLoading')}</p>
      )}
    </section>
  );
}

function TeamSwitch({ t, view, onChange }: { t: T; view: View; onChange: (v: View) => void }) {
  const cached = useStorageItem(fuTeamUsersItem);
  const [users, setUsers] = useState(cached ?? []);
  const me = useStorageItem(whoamiItem)?.user.id;
  useEffect(() => {
    if (cached && users.length === 0) setUsers(cached);
  }, [cached, users.length]);
  useEffect(() => {
    void sendToBackground('fu-users', {}).then(setUsers, () => undefined);
  }, []);
  return (
    <div className="fu-team">
      <label htmlFor="fu-team-switch">{t('fuTeamSwitch')}</label>
      <select id="fu-team-switch" value={view} onChange={(e) => onChange(e.target.value)}>
        <option value="me">{t('fuMe')}</option>
        <option value="team">{t('fuWholeTeam')}</option>
        {users
          .filter((u) => u.active && u.id !== me)
          .map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
      </select>
    </div>
  );
}
