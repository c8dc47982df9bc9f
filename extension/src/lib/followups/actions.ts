import { toApiError } from '../api/error';
import { enqueueInteractions } from '../outbox/queue';
import type { FollowupAction, FollowupActionRow } from './local';
import type { FollowupsServiceDeps } from './service-deps';
import { markAction, pendingActions, queueAction } from './store';

type ActionDeps = Pick<FollowupsServiceDeps, 'db' | 'fuDb' | 'now' | 'me'>;
type ActionBase = Pick<FollowupActionRow, 'userId' | 'queuedAtMs' | 'untilMs' | 'reason'>;

/** Done or snoozed on a reminder: one the local copy holds changes as an entity, through the outbox like any other edit. */
async function actOnReminder(
  deps: ActionDeps,
  action: Extract<FollowupAction, { id: string }>,
  base: ActionBase,
): Promise<void> {
  const { db, fuDb } = deps;
  const id = action.id;
  const local = await db.followups.get(id);
  if (local) {
    const { pending: _p, userId: _u, deleted: _d, updatedAt: _t, seq: _s, ...data } = local;
    const next =
      action.type === 'done'
        ? { ...data, status: 'done' as const }
        : { ...data, snoozedUntil: new Date(action.untilMs).toISOString() };
    await enqueueInteractions(db, [], { followup: next, now: new Date(base.queuedAtMs) });
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
}

/** Applies an action locally at once: to the outbox or the action queue, whichever carries it. */
export async function applyAction(deps: ActionDeps, action: FollowupAction): Promise<void> {
  const nowMs = deps.now();
  const userId = (await deps.me())?.id ?? '';
  const base: ActionBase = { userId, queuedAtMs: nowMs, untilMs: null, reason: null };
  if (action.type === 'close') {
    const reason = action.reason.trim();
    if (!reason) throw new Error('say why no reply is needed');
    await queueAction(deps.fuDb, {
      ...base,
      type: 'close',
      targetKind: 'wait',
      targetId: action.interactionId,
      reason: reason.slice(0, 500),
    });
  } else if (action.type === 'done' || action.kind === 'followup') {
    await actOnReminder(deps, action, base);
  } else {
    if (!(action.untilMs > nowMs)) throw new Error('a snooze must end in the future');
    await queueAction(deps.fuDb, {
      ...base,
      type: 'snooze',
      targetKind: action.kind,
      targetId: action.id,
      untilMs: action.untilMs,
    });
  }
}

async function send(deps: Pick<FollowupsServiceDeps, 'api' | 'now'>, a: FollowupActionRow): Promise<void> {
  const { api } = deps;
  if (a.type === 'close') await api.closeWait({ interactionId: a.targetId, reason: a.reason ?? '' });
  else if (a.type === 'complete') await api.complete(a.targetId);
  else await api.snooze({ kind: a.targetKind, id: a.targetId, until: new Date(a.untilMs ?? deps.now()).toISOString() });
}

/** Sends the signed-in user's queued actions; stops at the first one the network does not carry. */
export async function flushActions(
  deps: Pick<FollowupsServiceDeps, 'db' | 'fuDb' | 'api' | 'now' | 'me'>,
): Promise<{ sent: number; rejected: number }> {
  const { db, fuDb } = deps;
  const me = (await deps.me())?.id;
  let sent = 0;
  let rejected = 0;
  for (const a of await pendingActions(fuDb)) {
    // Another user's action waits for them to sign in again, as their outbox rows do (docs/sync.md "Outbox first").
    if (a.userId && a.userId !== me) continue;
    // A wait or reminder still in the outbox is unknown to the server: its action follows it next time.
    const target =
      a.targetKind === 'wait'
        ? await db.interactions.get(a.targetId)
        : a.targetKind === 'followup'
          ? await db.followups.get(a.targetId)
          : null;
    if (target?.pending) continue;
    try {
      await send(deps, a);
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
