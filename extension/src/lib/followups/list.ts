import type { OverdueItem, OverdueResult } from '@comms-log/shared';
import { overdueActivityItem } from '@comms-log/shared/domain';
import { translate } from '../i18n';
import { whoamiItem } from '../storage-items';
import { badgeFor, badgeTitle } from './badge';
import {
  computeLocalOverdue,
  FOLLOWUP_GROUPS,
  groupItems,
  withoutActedOn,
  type FollowupActionRow,
  type FollowupGroup,
  type OverdueActivity,
} from './local';
import { notifyAndDigest } from './notifications';
import { currentPlan } from './plan';
import type { FollowupsServiceDeps } from './service-deps';
import { paintOf } from './paint';
import type { Translate } from './row-text';
import {
  fuHeadItem,
  fuOverdueActivitiesItem,
  fuPaintItem,
  fuPlannedActivitiesItem,
  HEAD_ROWS,
  planItem,
  type FollowupsHead,
} from './storage-items';
import { allActions, OWN_SNAPSHOT_KEY, pruneActions } from './store';

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

/**
 * The overdue planned activities for a list computed here (computeOverdue keeps the list owner's): from the planned
 * ones of the last sync by the shared rule, so a repetition that went by offline shows; before the first such sync,
 * those of the server's last list.
 */
async function offlineActivities(asOfMs: number, zone: string): Promise<OverdueActivity[]> {
  const planned = await fuPlannedActivitiesItem.getValue();
  if (!planned) return fuOverdueActivitiesItem.getValue();
  return planned.flatMap((a) => overdueActivityItem(a, asOfMs, zone) ?? []);
}

/**
 * The list from the local copy with the queued actions laid over it: `forUserId` a person, null every row held,
 * undefined the signed-in user (the local copy holds only their rows: docs/sync.md "Pull").
 */
export async function localResult(
  deps: Pick<FollowupsServiceDeps, 'db' | 'now' | 'me'>,
  forUserId: string | null | undefined,
  actions: readonly FollowupActionRow[],
): Promise<OverdueResult> {
  const { db } = deps;
  const me = (await deps.me())?.id ?? '';
  const [interactions, stakeholders, followups] = await Promise.all([
    db.interactions.toArray(),
    db.stakeholders.toArray(),
    db.followups.toArray(),
  ]);
  const plan = await currentPlan();
  const asOfMs = deps.now();
  return computeLocalOverdue({
    plan,
    asOfMs,
    forUserId: forUserId === undefined ? me : forUserId,
    me,
    interactions,
    stakeholders,
    followups,
    actions,
    overdueActivities: await offlineActivities(asOfMs, plan.calendar.timeZone),
  });
}

/** The popup's first screen for `head`, in the user's language and the plan's time zone (paint.ts). */
async function storePaint(deps: FollowupsServiceDeps, head: FollowupsHead): Promise<void> {
  const lang = await deps.lang();
  const timeZone = (await planItem.getValue())?.plan.calendar.timeZone ?? (await whoamiItem.getValue())?.org.timeZone;
  const t: Translate = (key, ...subs) => translate(lang, key, ...subs);
  await fuPaintItem.setValue(paintOf(head, t, lang, timeZone));
}

/**
 * Recomputes the signed-in user's list, from the server when `fromServer` and it answers, else from the local
 * copy, and stores it for the popup with the badge, late notifications and the digest.
 */
export async function computeList(deps: FollowupsServiceDeps, fromServer: boolean): Promise<FollowupsHead> {
  const { fuDb, api, ui } = deps;
  const nowMs = deps.now();
  await pruneActions(fuDb, nowMs);
  const me = (await deps.me())?.id;
  // Another user's queued actions are theirs: not laid over this user's list (lib/users/waiting.ts).
  const actions = (await allActions(fuDb)).filter((a) => !a.userId || a.userId === me);
  let result: OverdueResult | null = null;
  let source: FollowupsHead['source'] = 'local';
  if (fromServer && (await deps.me())) {
    try {
      result = withoutActedOn(await api.overdue({ asOf: new Date(nowMs).toISOString() }), actions, nowMs);
      source = 'server';
      await fuOverdueActivitiesItem.setValue(result.items.filter((i): i is OverdueActivity => i.kind === 'activity'));
    } catch {
      result = null;
    }
  }
  result ??= await localResult(deps, undefined, actions);
  const computedAt = new Date(nowMs).toISOString();
  const head = headOf(result, computedAt, source, actions);
  // The full list first: a popup that sees the new head may read the list at once.
  await fuDb.snapshot.put({ key: OWN_SNAPSHOT_KEY, computedAt, items: result.items });
  await fuHeadItem.setValue(head);
  await storePaint(deps, head).catch(() => undefined);
  await ui.badge(badgeFor(result.counts), badgeTitle(await deps.lang(), result.counts)).catch(() => undefined);
  await notifyAndDigest(deps, result).catch(() => undefined);
  return head;
}
