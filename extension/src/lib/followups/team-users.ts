import type { FollowupsServiceDeps } from './service-deps';
import { fuTeamUsersItem, type TeamUser } from './storage-items';

/*
 * Managers' team switch lists the org's people (`users.list`). The popup asks for them at every open, at the same
 * moment as the team view's first page, on a server that answers one read at a time: so the kept people are
 * answered while fresh, and the server is asked again only after {@link USERS_FRESH_MS} (docs/sync.md "Pull").
 */

/** How long the people kept from `users.list` are answered without asking the server again. */
export const USERS_FRESH_MS = 10 * 60_000;

/** When the kept people were fetched, and for whom: this worker's memory, so a restart asks once again. */
const fetched = new WeakMap<FollowupsServiceDeps['api'], { userId: string; atMs: number }>();

/** The org's people for the team switch: the kept ones while fresh, else the server's; offline the kept ones. */
export async function teamUsers(deps: FollowupsServiceDeps): Promise<TeamUser[]> {
  const me = (await deps.me())?.id ?? null;
  const kept = await fuTeamUsersItem.getValue();
  const last = fetched.get(deps.api);
  if (kept.length > 0 && last?.userId === me && deps.now() - last.atMs < USERS_FRESH_MS) return kept;
  try {
    const users = await deps.api.users();
    // Kept only while the one who asked is still signed in: a change meanwhile cleared the people (lib/users/forget.ts).
    if ((await deps.me())?.id !== me) return users;
    await fuTeamUsersItem.setValue(users);
    if (me) fetched.set(deps.api, { userId: me, atMs: deps.now() });
    return users;
  } catch {
    return kept;
  }
}
