import { storage } from 'wxt/utils/storage';
import type {
  OverdueItem,
  OverdueResult,
  PlannedActivity,
  Role,
  StoredPlan,
  TeamFollowupsResult,
} from '@comms-log/shared';
import type { FollowupGroup, OverdueActivity } from './local';
import type { FollowupsPaint } from './paint-shape';

/**
 * What the popup paints first: the counts and the first rows of each group, small enough to read and render
 * at once. The background writes it (with the full list in IndexedDB) on every sync, alarm and action,
 * so opening the popup computes nothing.
 */
export type FollowupsHead = {
  computedAt: string;
  /** `server`: the server's `followups.overdue` (online, nothing queued); `local`: computed from the local copy. */
  source: 'local' | 'server';
  counts: OverdueResult['counts'];
  totals: Record<FollowupGroup, number>;
  head: Record<FollowupGroup, OverdueItem[]>;
  /** Actions still on their way to the server, and those it refused (with its reason). */
  pendingActions: number;
  rejectedActions: { key: string; error: string }[];
};

/** How many rows of each group the head carries: more than the popup shows before scrolling. */
export const HEAD_ROWS = 20;

/** The whole list behind the head is in IndexedDB (store.ts), read once the first rows are on screen. */
export const fuHeadItem = storage.defineItem<FollowupsHead | null>('local:fuHead', { fallback: null });

/**
 * The planned activities past their date in the server's last list of the user's own: the local copy holds no
 * activities (sync.pull does not carry them), so a list computed offline shows these, as the server last saw them.
 */
export const fuOverdueActivitiesItem = storage.defineItem<OverdueActivity[]>('local:fuOverdueActivities', {
  fallback: [],
});

/**
 * The user's activities still planned, from `activities.list` after each sync: an offline list dates the overdue
 * ones by the shared rule (`overdueActivityItem`), including repetitions that went by since. Null before the first.
 */
export const fuPlannedActivitiesItem = storage.defineItem<PlannedActivity[] | null>('local:fuPlannedActivities', {
  fallback: null,
});

/** The popup's first screen in words, drawn before its code loads (paint.ts); written with every head. */
export const fuPaintItem = storage.defineItem<FollowupsPaint | null>('local:fuPaint', { fallback: null });

/** The org's communication plan from `plan.get`, cached on sync so the list is right offline. */
export const planItem = storage.defineItem<StoredPlan | null>('local:plan', { fallback: null });

/** Options: a desktop notification when something becomes late (off unless the user turns it on). */
export const fuNotifyLateItem = storage.defineItem<boolean>('local:fuNotifyLate', { fallback: false });

/** Options: the digest at the start of each working day. */
export const fuDigestItem = storage.defineItem<boolean>('local:fuDigest', { fallback: true });

/** The local date (plan calendar) of the last digest shown. */
export const fuLastDigestItem = storage.defineItem<string | null>('local:fuLastDigest', { fallback: null });

/** Keys of the items that were late at the last check; null before the first. */
export const fuKnownLateItem = storage.defineItem<string[] | null>('local:fuKnownLate', { fallback: null });

export type TeamUser = { id: string; name: string; role: Role; active: boolean };

/** Managers: the org's people for the team switch, from `users.list`. */
export const fuTeamUsersItem = storage.defineItem<TeamUser[]>('local:fuTeamUsers', { fallback: [] });

/** A team list as the server last sent it (`followups.team`), with the pages the popup loaded after its first. */
export type CachedTeamList = { page: TeamFollowupsResult; fetchedAt: string };

/**
 * Managers: the last team lists shown, by view (`team` or a user id), for reading offline: the local copy holds
 * only the manager's own rows (docs/sync.md "Pull"), so the team's list offline is the server's last.
 */
export const fuTeamListsItem = storage.defineItem<Record<string, CachedTeamList>>('local:fuTeamLists', {
  fallback: {},
});
