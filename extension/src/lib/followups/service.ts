import { defaultPlan } from '@comms-log/shared/domain';
import type {
  OverdueInput,
  OverdueItem,
  OverdueResult,
  Plan,
  SnoozeInput,
  StoredPlan,
  WaitClosureInput,
} from '@comms-log/shared';
import { toApiError } from '../api/error';
import { badgeFor } from './badge';
import { digestDueOn, digestMessage, lateMessage, newlyLate } from './digest';
import {
  computeLocalOverdue,
  FOLLOWUP_GROUPS,
  groupItems,
  withoutActedOn,
  type FollowupAction,
  type FollowupActionRow,
  type FollowupGroup,
} from './local';
import {
  fuDigestItem,
  fuHeadItem,
  fuKnownLateItem,
  fuLastDigestItem,
  fuNotifyLateItem,
  fuTeamUsersItem,
  HEAD_ROWS,
  planItem,
  type FollowupsHead,
  type TeamUser,
} from './storage-items';
import {
  allActions,
  markAction,
  OWN_SNAPSHOT_KEY,
  pendingActions,
  pruneActions,
  queueAction,
  type FollowupsDb,
} from './store';
import { translate, type Lang } from '../i18n';
import type { CommsLogDb } from '../outbox/local-db';
import { enqueueInteractions } from '../outbox/queue';

/** The server calls the follow-ups need; each throws an ApiError (offline, not configured, refused). */
export type FollowupsApi = {
  overdue(input: OverdueInput): Promise<OverdueResult>;
  plan(): Promise<StoredPlan>;
  snooze(input: SnoozeInput): Promise<unknown>;
  closeWait(input: WaitClosureInput): Promise<unknown>;
  complete(id: string): Promise<unknown>;
  users(): Promise<TeamUser[]>;
};

/** What the browser shows: the toolbar badge and desktop notifications. */
export type FollowupsUi = {
  badge(state: { text: string; color: string | null }, title: string): Promise<void>;
  notify(id: string, title: string, message: string): Promise<void>;
};

export type FollowupsServiceDeps = {
  db: CommsLogDb;
  fuDb: FollowupsDb;
  api: FollowupsApi;
  ui: FollowupsUi;
  now: () => number;
  /** The signed-in user (from `auth.whoami`), null before sign-in. */
  me: () => Promise<{ id: string; role: 'staff' | 'manager' | 'admin' } | null>;
  lang: () => Promise<Lang>;
};

export type TeamListResult = { result: OverdueResult; source: 'server' | 'local'; asOf: string };

export type FollowupsService = {
  /** Recomputes the list into storage and updates the badge; `fromServer` asks the server first. */
  refresh(opts?: { fromServer?: boolean }): Promise<FollowupsHead>;
  /** Applies an action locally at once (outbox or action queue) and refreshes the list. */
  act(action: FollowupAction): Promise<void>;
  /** Sends queued actions; stops at the first one the network does not carry. */
  flush(): Promise<{ sent: number; rejected: number }>;
  /** After each sync attempt: plan, queued actions, then the list (from the server when all is synced). */
  afterSync(opts: { ok: boolean; outboxPending: number }): Promise<void>;
  /** Alarm tick without a sync: the list as time passes, late notifications and the daily digest. */
  tick(): Promise<void>;
  /** Managers: another person's list, or the team's (`userId` null). */
  teamList(userId: string | null): Promise<TeamListResult>;
  teamUsers(): Promise<TeamUser[]>;
};

function headOf(
  result: OverdueResult,
  computedAt: string,
  source: FollowupsHead['source'],
  actions: readonly FollowupActionRow[],
): FollowupsHead {
  const groups = groupItems(result.items);
  const totals = {} as Record<FollowupGroup, number>;
  const head = {} as Record<FollowupGroup, OverdueItem[]>;
  for (const g of FOLLOWUP_GROUPS) {
    totals[g] = groups[g].length;
    head[g] = groups[g].slice(0, HEAD_ROWS);
  }
  return {
    computedAt,
    source,
    counts: result.counts,
    totals,
    head,
    pendingActions: actions.filter((a) => a.state === 'pending').length,
    rejectedActions: actions.filter((a) => a.state === 'rejected').map((a) => ({ key: a.key, error: a.error ?? '' })),
  };
}

function tooltip(lang: Lang, counts: OverdueResult['counts']): string {
  return translate(
    lang,
    'fuBadgeTitle',
    counts.late,
    counts.dueSoon,
    counts.cadenceOverdue + counts.cadenceDue,
    counts.reminders,
  );
}

/**
 * The background's side of the follow-ups: keeps the precomputed list in storage for the popup, the badge,
 * notifications and the digest, and carries the popup's actions to the server.
 */
export function createFollowupsService(deps: FollowupsServiceDeps): FollowupsService {
  const { db, fuDb, api, ui } = deps;
  let running: Promise<FollowupsHead> | null = null;
  let again: { fromServer: boolean } | null = null;

  async function plan(): Promise<Plan> {
    return (await planItem.getValue())?.plan ?? defaultPlan;
  }

  async function localResult(
    forUserId: string | null | undefined,
    actions: readonly FollowupActionRow[],
  ): Promise<OverdueResult> {
    const me = (await deps.me())?.id ?? '';
    const [interactions, stakeholders, followups] = await Promise.all([
      db.interactions.toArray(),
      db.stakeholders.toArray(),
      db.followups.toArray(),
    ]);
    return computeLocalOverdue({
      plan: await plan(),
      asOfMs: deps.now(),
      forUserId: forUserId === undefined ? me : forUserId,
      me,
      interactions,
      stakeholders,
      followups,
      actions,
    });
  }

  async function notifyAndDigest(result: OverdueResult): Promise<void> {
    const lang = await deps.lang();
    const known = await fuKnownLateItem.getValue();
    const { lateKeys, fresh } = newlyLate(known, result.items);
    // Written only when it changes: every storage.local write is broadcast to the open pages.
    if (!known || known.length !== lateKeys.length || lateKeys.some((k, i) => k !== known[i]))
      await fuKnownLateItem.setValue(lateKeys);
    if (fresh.length > 0 && (await fuNotifyLateItem.getValue())) {
      const { title, message } = lateMessage(lang, fresh);
      await ui.notify(`comms-log-late-${deps.now()}`, title, message);
    }
    const day = digestDueOn(deps.now(), (await plan()).calendar, await fuLastDigestItem.getValue());
    if (day !== null) {
      await fuLastDigestItem.setValue(day);
      const c = result.counts;
      const any = c.late + c.dueSoon + c.cadenceOverdue + c.cadenceDue + c.reminders > 0;
      if (any && (await fuDigestItem.getValue())) {
        const { title, message } = digestMessage(lang, c);
        await ui.notify(`comms-log-digest-${day}`, title, message);
      }
    }
  }

  async function computeOnce(fromServer: boolean): Promise<FollowupsHead> {
    const nowMs = deps.now();
    await pruneActions(fuDb, nowMs);
    const actions = await allActions(fuDb);
    let result: OverdueResult | null = null;
    let source: FollowupsHead['source'] = 'local';
    if (fromServer && (await deps.me())) {
      try {
        result = withoutActedOn(await api.overdue({ asOf: new Date(nowMs).toISOString() }), actions, nowMs);
        source = 'server';
      } catch {
        result = null;
      }
    }
    result ??= await localResult(undefined, actions);
    const computedAt = new Date(nowMs).toISOString();
    const head = headOf(result, computedAt, source, actions);
    // The full list first: a popup that sees the new head may read the list at once.
    await fuDb.snapshot.put({ key: OWN_SNAPSHOT_KEY, computedAt, items: result.items });
    await fuHeadItem.setValue(head);
    await ui.badge(badgeFor(result.counts), tooltip(await deps.lang(), result.counts)).catch(() => undefined);
    await notifyAndDigest(result).catch(() => undefined);
    return head;
  }

  function refresh(opts: { fromServer?: boolean } = {}): Promise<FollowupsHead> {
    const fromServer = opts.fromServer ?? false;
    if (running) {
      again = { fromServer: fromServer || (again?.fromServer ?? false) };
      return running;
    }
    running = (async () => {
      let head = await computeOnce(fromServer);
      while (again) {
        const next = again;
        again = null;
        head = await computeOnce(next.fromServer);
      }
      return head;
    })().finally(() => {
      running = null;
    });
    return running;
  }

  async function act(action: FollowupAction): Promise<void> {
    const nowMs = deps.now();
    const userId = (await deps.me())?.id ?? '';
    const base = { userId, queuedAtMs: nowMs, untilMs: null, reason: null };
    if (action.type === 'close') {
      const reason = action.reason.trim();
      if (!reason) throw new Error('say why no reply is needed');
      await queueAction(fuDb, {
        ...base,
        type: 'close',
        targetKind: 'wait',
        targetId: action.interactionId,
        reason: reason.slice(0, 500),
      });
    } else if (action.type === 'done' || action.kind === 'followup') {
      // A reminder the local copy holds changes as an entity, through the outbox like any other edit.
      const id = action.id;
      const local = await db.followups.get(id);
      if (local) {
        const { pending: _p, userId: _u, deleted: _d, updatedAt: _t, seq: _s, ...data } = local;
        const next =
          action.type === 'done'
            ? { ...data, status: 'done' as const }
            : { ...data, snoozedUntil: new Date(action.untilMs).toISOString() };
        await enqueueInteractions(db, [], { followup: next, now: new Date(nowMs) });
      } else if (action.type === 'done') {
        await queueAction(fuDb, { ...base, type: 'complete', targetKind: 'followup', targetId: id });
      } else {
        await queueAction(fuDb, {
          ...base,
          type: 'snooze',
          targetKind: 'followup',
          targetId: id,
          untilMs: action.untilMs,
        });
      }
    } else {
      if (!(action.untilMs > nowMs)) throw new Error('a snooze must end in the future');
      await queueAction(fuDb, {
        ...base,
        type: 'snooze',
        targetKind: action.kind,
        targetId: action.id,
        untilMs: action.untilMs,
      });
    }
    await refresh();
  }

  async function send(a: FollowupActionRow): Promise<void> {
    if (a.type === 'close') await api.closeWait({ interactionId: a.targetId, reason: a.reason ?? '' });
    else if (a.type === 'complete') await api.complete(a.targetId);
    else
      await api.snooze({ kind: a.targetKind, id: a.targetId, until: new Date(a.untilMs ?? deps.now()).toISOString() });
  }

  async function flush(): Promise<{ sent: number; rejected: number }> {
    let sent = 0;
    let rejected = 0;
    for (const a of await pendingActions(fuDb)) {
      // A wait or reminder still in the outbox is unknown to the server: its action follows it next time.
      const target =
        a.targetKind === 'wait'
          ? await db.interactions.get(a.targetId)
          : a.targetKind === 'followup'
            ? await db.followups.get(a.targetId)
            : null;
      if (target?.pending) continue;
      try {
        await send(a);
        await markAction(fuDb, a.key, 'sent');
        sent++;
      } catch (err) {
        const e = toApiError(err);
        // "Already closed" means the server agrees with us.
        if (a.type === 'close' && /already closed/i.test(e.detail)) {
          await markAction(fuDb, a.key, 'sent');
          sent++;
          continue;
        }
        if (!e.isPermanent) break;
        await markAction(fuDb, a.key, 'rejected', e.detail || e.code);
        rejected++;
      }
    }
    return { sent, rejected };
  }

  async function refreshPlan(): Promise<void> {
    const stored = await api.plan();
    const cached = await planItem.getValue();
    if (!cached || cached.version !== stored.version || cached.updatedAt !== stored.updatedAt)
      await planItem.setValue(stored);
  }

  return {
    refresh,
    act,
    flush,
    async afterSync({ ok, outboxPending }) {
      let allSent = false;
      if (ok) {
        await refreshPlan().catch(() => undefined);
        await flush().catch(() => undefined);
        allSent = outboxPending === 0 && (await pendingActions(fuDb)).length === 0;
      }
      await refresh({ fromServer: allSent });
    },
    async tick() {
      await refresh();
    },
    async teamList(userId) {
      const asOfMs = deps.now();
      const asOf = new Date(asOfMs).toISOString();
      const actions = await allActions(fuDb);
      try {
        const result = await api.overdue(userId === null ? { team: true, asOf } : { userId, asOf });
        return { result, source: 'server', asOf };
      } catch {
        // Offline: a manager's local copy holds the org's rows (sync.pull by role).
        return { result: await localResult(userId, actions), source: 'local', asOf };
      }
    },
    async teamUsers() {
      try {
        const users = await api.users();
        await fuTeamUsersItem.setValue(users);
        return users;
      } catch {
        return fuTeamUsersItem.getValue();
      }
    },
  };
}
