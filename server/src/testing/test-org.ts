import { ulid } from 'ulid';
import { afterEach, beforeEach } from 'vitest';
import type { Role } from '@comms-log/shared';
import { createDb, migrateDb, type DbHandle } from '../db/client';
import { createInnerContext } from '../context';
import { createCaller } from '../routers/_app';
import { issueToken, type AuthUser } from '../auth/tokens';
import { createOrg } from '../services/org/orgs';
import { createUser } from '../services/org/users';
import { createStakeholder, type StakeholderFields } from '../services/directory/stakeholders';

/** A fresh in-memory libSQL database with the migrations applied. */
export async function createTestDb(): Promise<DbHandle> {
  const handle = await createDb(':memory:');
  await migrateDb(handle.db);
  return handle;
}

export interface TestMember {
  user: AuthUser;
  token: string;
  caller: ReturnType<typeof createCaller>;
}

/** An org with an admin, a manager and two staff, each with a token and an in-process caller. */
export async function createTestOrg(handle: DbHandle, opts: { name?: string; timeZone?: string } = {}) {
  const { db } = handle;
  const org = await createOrg(db, {
    name: opts.name ?? `Org ${ulid().slice(-6)}`,
    timeZone: opts.timeZone ?? 'Asia/Shanghai',
    // Tests set the holidays they need: preloaded ones would move their deadlines with the year they run in.
    publicHolidays: false,
  });
  const member = async (role: Role, name: string): Promise<TestMember> => {
    const row = await createUser(db, {
      orgId: org.id,
      name,
      email: `${name.toLowerCase()}@${org.id.toLowerCase()}.test`,
      role,
    });
    const issued = await issueToken(db, { orgId: org.id, userId: row.id, name: 'test' });
    const user: AuthUser = { id: row.id, orgId: org.id, name: row.name, email: row.email, role, tokenId: issued.id };
    return { user, token: issued.token, caller: createCaller(createInnerContext({ db, user })) };
  };
  return {
    org,
    admin: await member('admin', 'Ada'),
    manager: await member('manager', 'Mia'),
    staff: await member('staff', 'Sam'),
    staff2: await member('staff', 'Tao'),
  };
}

export type TestOrg = Awaited<ReturnType<typeof createTestOrg>>;

/**
 * Test files only: a fresh in-memory database with a `createTestOrg` org before each test of the file, handed to
 * `use`, and closed after the test.
 */
export function freshOrgPerTest(use: (handle: DbHandle, org: TestOrg) => void): void {
  let handle: DbHandle | undefined;
  beforeEach(async () => {
    handle = await createTestDb();
    use(handle, await createTestOrg(handle));
  });
  afterEach(() => handle?.close());
}

/**
 * Test files only: a stakeholder created by the org's admin at `createdAt` (coverage counts it from then): an
 * active customer of the standard tier, owned by the staff member, with no identities unless `over` says otherwise.
 */
export function testStakeholder(
  handle: DbHandle,
  org: TestOrg,
  createdAt: number,
  name: string,
  over: Partial<StakeholderFields> = {},
) {
  return createStakeholder(
    { db: handle.db, user: org.admin.user, now: createdAt },
    {
      name,
      type: 'customer',
      tier: 'standard',
      organization: null,
      ownerUserId: org.staff.user.id,
      cadenceOverride: null,
      active: true,
      ...over,
      identities: [],
    },
  );
}

/** A valid interaction input with sensible defaults. */
export function interactionData<T extends Record<string, unknown> = Record<never, never>>(over: T = {} as T) {
  const base = {
    id: ulid(),
    source: 'gmail',
    externalId: null,
    threadKey: 'gmail:t1',
    channel: 'email',
    direction: 'inbound',
    occurredAt: '2026-03-09T10:00:00+08:00',
    stakeholderId: null,
    stakeholderType: 'customer',
    author: { name: 'Li Lei', handle: 'lilei@acme.cn' },
    title: 'Order question',
    snippet: 'Hello, where is my order?',
  };
  return { ...base, ...over } as Omit<typeof base, keyof T> & T;
}

export const upsert = (data: { id: string } & Record<string, unknown>) => ({
  op: 'upsert' as const,
  entity: 'interaction' as const,
  id: data.id,
  data,
});

/** Push interactions as `who` through sync.push; throws (failing the test) when the server rejects any. */
export async function pushAccepted(who: TestMember, items: Record<string, unknown>[]): Promise<void> {
  const res = await who.caller.sync.push({ items: items.map((d) => upsert(d as { id: string })) });
  if (res.rejected.length)
    throw new Error(`sync.push rejected ${res.rejected.map((r) => `${r.id}: ${r.reason}`).join('; ')}`);
}
