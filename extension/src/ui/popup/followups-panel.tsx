import { useEffect, useLayoutEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import type { OverdueItem } from '@comms-log/shared';
import { toStoredError } from '../../lib/api/error';
import { itemKey, type FollowupActionRequest } from '../../lib/followups/local';
import { fuTeamUsersItem, planItem, type FollowupsHead } from '../../lib/followups/storage-items';
import { formatDateTime, formatRelative, type Lang } from '../../lib/i18n';
import { sendToBackground, type StakeholderSummary } from '../../lib/messages';
import { whoamiItem } from '../../lib/storage-items';
import { errorText } from '../labels';
import { useStorageItem } from '../use-storage-item';
import type { T } from '../use-t';
import { FollowupsList } from './followups-list';
import { endPrepaint } from './prepaint';
import { useThreadOutcomes } from './use-thread-outcomes';
import { useOwnList, useShownList, useTeamList, type View } from './use-followup-lists';
import './followups.css';

export type FollowupsPanelProps = {
  t: T;
  lang: Lang;
  /** "Log a call or meeting" from a row: the manual log, prefilled with the stakeholder. */
  onLogCall: (stakeholder: StakeholderSummary) => void;
};

/** The time relative times are shown against, a minute at a time while the popup is open. */
function useMinuteClock(): number {
  const [nowMs, setNowMs] = useState(() => Date.now());
  useEffect(() => {
    const clock = setInterval(() => setNowMs(Date.now()), 60_000);
    return () => clearInterval(clock);
  }, []);
  return nowMs;
}

/**
 * Once the stored list is on screen: recompute in the background (and sync), which rewrites it. Not before: on a
 * busy machine the recompute would compete with the first paint.
 */
function useRefreshOncePainted(painted: boolean): void {
  useEffect(() => {
    if (!painted) return;
    const timer = setTimeout(() => void sendToBackground('fu-refresh', {}).catch(() => undefined), 0);
    return () => clearTimeout(timer);
  }, [painted]);
}

/**
 * Acting on a row through the background: the row is hidden at once (`hidden`: item key → when), shown again with
 * the failure if the action fails; `afterAct` runs once it went through.
 */
function useActions(t: T, afterAct: () => void) {
  const [hidden, setHidden] = useState<Map<string, number>>(new Map());
  const [error, setError] = useState<string | null>(null);
  async function onAct(item: OverdueItem, action: FollowupActionRequest) {
    setError(null);
    setHidden((h) => new Map(h).set(itemKey(item), Date.now()));
    try {
      await sendToBackground('fu-act', action);
      afterAct();
    } catch (err) {
      setHidden((h) => {
        const next = new Map(h);
        next.delete(itemKey(item));
        return next;
      });
      setError(t('fuActionFailed', errorText(t, toStoredError(err))));
    }
  }
  return { hidden, error, onAct };
}

/** The stakeholder to prefill the manual log with: the directory's entry, else what the row knows of them. */
async function stakeholderOf(
  item: Exclude<OverdueItem, { kind: 'activity' }>,
  id: string,
): Promise<StakeholderSummary> {
  const found = await sendToBackground('fu-stakeholder', { id }).catch(() => null);
  return (
    found ?? {
      id,
      name: item.stakeholderName ?? '',
      type: item.kind === 'reminder' ? 'other' : item.stakeholderType,
      organization: null,
      pending: false,
    }
  );
}

/** The Follow-ups tab: the precomputed list first, then a refresh; managers can switch to anyone's list. */
export function FollowupsPanel({ t, lang, onLogCall }: FollowupsPanelProps) {
  const whoami = useStorageItem(whoamiItem);
  const plan = useStorageItem(planItem);
  const isManager = whoami?.user.role === 'manager' || whoami?.user.role === 'admin';
  const [view, setView] = useState<View>('me');
  const own = useOwnList();
  const { team, loadTeam, loadMore, moreError } = useTeamList(t, view);
  const { hidden, error, onAct } = useActions(t, () => view !== 'me' && loadTeam(view));
  const nowMs = useMinuteClock();
  const shown = useShownList(view, own, team, hidden);
  const outcomes = useThreadOutcomes(t, shown?.groups.awaiting);
  useRefreshOncePainted(own.head !== undefined);
  // The stored list is read and rendered in this commit: the first paint goes in the same frame.
  useLayoutEffect(() => {
    if (own.head !== undefined) endPrepaint();
  }, [own.head]);

  const logCall = (item: OverdueItem) => {
    if (item.kind !== 'activity' && item.stakeholderId) void stakeholderOf(item, item.stakeholderId).then(onLogCall);
  };

  const head = own.head;
  const timeZone = plan?.plan.calendar.timeZone ?? whoami?.org.timeZone;
  return (
    <section aria-label={t('tabFollowups')} data-testid="followups" className="fu-panel-root">
      {isManager ? <TeamSwitch t={t} view={view} onChange={setView} /> : null}
      <PanelNotices t={t} head={view === 'me' ? head : null} error={error ?? moreError ?? outcomes.error} />
      {team && team.view === view && 'error' in team ? (
        <p className="pg-error" role="alert">
          {team.error}
        </p>
      ) : null}
      {shown ? (
        <>
          <p className="pg-muted fu-updated" data-testid="fu-updated">
            {shown.cached
              ? t('teamAsOfOffline', formatDateTime(lang, shown.computedAt, timeZone))
              : t('fuComputedAt', formatRelative(lang, shown.computedAt, new Date(nowMs)))}
            {shown.local ? ` · ${t('fuFromLocal')}` : ''}
          </p>
          <FollowupsList
            t={t}
            lang={lang}
            groups={shown.groups}
            totals={shown.totals}
            nowMs={nowMs}
            timeZone={timeZone}
            next={shown.next}
            onMore={loadMore}
            onAct={onAct}
            onOpen={(url) => void browser.tabs.create({ url })}
            onLogCall={logCall}
            outcomes={outcomes.states}
            onOutcome={outcomes.onOutcome}
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

/** The own list's actions still queued or refused, and the last action's failure. */
function PanelNotices({ t, head, error }: { t: T; head: FollowupsHead | null | undefined; error: string | null }) {
  return (
    <>
      {head && head.pendingActions > 0 ? (
        <p className="pg-muted" data-testid="fu-pending-actions">
          {t('fuPendingActions', head.pendingActions)}
        </p>
      ) : null}
      {head
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
    </>
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
