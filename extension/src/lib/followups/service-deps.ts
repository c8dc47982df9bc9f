import type {
  OverdueInput,
  OverdueResult,
  PlannedActivity,
  SnoozeInput,
  StoredPlan,
  TeamFollowupsInput,
  TeamFollowupsResult,
  WaitClosureInput,
} from '@comms-log/shared';
import type { Lang } from '../i18n';
import type { CommsLogDb } from '../outbox/local-db';
import type { TeamUser } from './storage-items';
import type { FollowupsDb } from './store';

/** The server calls the follow-ups need; each throws an ApiError (offline, not configured, refused). */
export type FollowupsApi = {
  overdue(input: OverdueInput): Promise<OverdueResult>;
  /** `followups.team` (managers): the team's or a colleague's list, a page per group. */
  team(input: TeamFollowupsInput): Promise<TeamFollowupsResult>;
  plan(): Promise<StoredPlan>;
  snooze(input: SnoozeInput): Promise<unknown>;
  closeWait(input: WaitClosureInput): Promise<unknown>;
  complete(id: string): Promise<unknown>;
  users(): Promise<TeamUser[]>;
  /** `activities.list`: the owner's activities still planned, every page. */
  plannedActivities(ownerUserId: string): Promise<PlannedActivity[]>;
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
