import type { DbOrTx } from '../../server/src/db/client';
import { createOrg } from '../../server/src/services/org/orgs';
import { createUser } from '../../server/src/services/org/users';
import type { BenchUser } from './generate';

/** An org in Asia/Shanghai (default plan) with `users`, made through the server's own services; user ids in order. */
export async function createBenchOrg(
  db: DbOrTx,
  name: string,
  users: readonly BenchUser[],
  now: number,
): Promise<{ orgId: string; userIds: string[] }> {
  const org = await createOrg(db, { name, timeZone: 'Asia/Shanghai' }, now);
  const userIds: string[] = [];
  for (const u of users)
    userIds.push((await createUser(db, { orgId: org.id, name: u.name, email: u.email, role: u.role }, now)).id);
  return { orgId: org.id, userIds };
}
