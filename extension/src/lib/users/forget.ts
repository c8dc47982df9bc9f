import { storage } from 'wxt/utils/storage';
import {
  fuHeadItem,
  fuKnownLateItem,
  fuLastDigestItem,
  fuOverdueActivitiesItem,
  fuPaintItem,
  fuPlannedActivitiesItem,
  fuTeamUsersItem,
} from '../followups/storage-items';
import { FollowupsDb } from '../followups/store';
import { forgetTeamLists } from '../followups/team';
import { neverLogMineItem } from '../storage-items';

/**
 * Personal never-log lists of the users who signed in here before, by user id: a list's site handles are kept only
 * in this browser (lib/api/session.ts sends the server addresses and domains), so it waits here for its user.
 */
const keptNeverLogItem = storage.defineItem<Record<string, string[]>>('local:usersNeverLogKept', { fallback: {} });

/** `from`'s personal never-log list is put aside and `to`'s (or none, signed out) takes its place. */
async function swapNeverLogMine(from: string, to: string | null): Promise<void> {
  const kept = { ...(await keptNeverLogItem.getValue()) };
  const current = await neverLogMineItem.getValue();
  if (from && current.length > 0) kept[from] = current;
  const next = to ? (kept[to] ?? []) : [];
  if (to) delete kept[to];
  await keptNeverLogItem.setValue(kept);
  await neverLogMineItem.setValue(next);
}

/**
 * Drops the copies the extension keeps in storage for the user signed in until now (`from`, '' when unknown): the
 * popup's stored follow-ups and first paint, the team lists and people a manager saw, the offline activities and
 * the digest's and notifications' marks. The next sync writes the signed-in user's (docs/sync.md "Outbox first").
 */
export async function forgetUserCopies(from: string, to: string | null): Promise<void> {
  const items = [
    fuHeadItem,
    fuPaintItem,
    fuOverdueActivitiesItem,
    fuPlannedActivitiesItem,
    fuKnownLateItem,
    fuLastDigestItem,
    fuTeamUsersItem,
  ];
  await Promise.all([...items.map((item) => item.removeValue()), forgetTeamLists()]);
  const fuDb = new FollowupsDb();
  try {
    await fuDb.snapshot.clear();
  } finally {
    fuDb.close();
  }
  await swapNeverLogMine(from, to);
}
