import { CommsLogDb } from '../../outbox/local-db';
import type { FollowupsApi, FollowupsServiceDeps } from '../service-deps';
import { FollowupsDb } from '../store';

/** A follow-ups service's dependencies on fresh databases named `name`: `api` answers, the UI does nothing. */
export function testDeps(
  name: string,
  api: FollowupsApi,
  opts: { now: number; me: { id: string; role: 'staff' | 'manager' | 'admin' } },
): FollowupsServiceDeps {
  return {
    db: new CommsLogDb(name),
    fuDb: new FollowupsDb(),
    api,
    now: () => opts.now,
    me: async () => opts.me,
    lang: async () => 'en',
    ui: { badge: async () => undefined, notify: async () => undefined },
  };
}

/** Closes and deletes the databases of `deps`. */
export async function dropDeps(deps: Pick<FollowupsServiceDeps, 'db' | 'fuDb'>): Promise<void> {
  deps.db.close();
  await deps.db.delete();
  deps.fuDb.close();
  await deps.fuDb.delete();
}
