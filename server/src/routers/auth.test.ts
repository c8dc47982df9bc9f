import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { whoamiSchema } from '@comms-log/shared';
import type { DbHandle } from '../db/client';
import { authenticate, hashToken } from '../auth/tokens';
import { apiTokens } from '../db/schema';
import { createTestDb, createTestOrg, interactionData, upsert, type TestOrg } from '../testing/test-org';

let handle: DbHandle;
let t: TestOrg;
let other: TestOrg;

beforeEach(async () => {
  handle = await createTestDb();
  t = await createTestOrg(handle, { name: 'Acme' });
  other = await createTestOrg(handle, { name: 'Globex' });
});
afterEach(() => handle.close());

describe('auth', () => {
  it('whoami returns the caller and the org from the token', async () => {
    const me = await t.staff.caller.auth.whoami();
    expect(whoamiSchema.parse(me)).toEqual(me);
    expect(me.user).toEqual({ id: t.staff.user.id, name: 'Sam', email: t.staff.user.email, role: 'staff' });
    expect(me.org).toMatchObject({ id: t.org.id, name: 'Acme', timeZone: 'Asia/Shanghai', captureLevel: 'subject' });
  });

  it('issues cl_ tokens of 32 random bytes, stores only their SHA-256, and shows them once', async () => {
    const issued = await t.staff.caller.auth.tokens.create({ name: 'laptop' });
    expect(issued.token).toMatch(/^cl_[A-Za-z0-9_-]{43}$/);
    const rows = await handle.db.select().from(apiTokens);
    expect(rows.some((r) => r.tokenHash === hashToken(issued.token))).toBe(true);
    expect(JSON.stringify(rows)).not.toContain(issued.token);
    const list = await t.staff.caller.auth.tokens.list();
    expect(list.map((x) => x.id)).toContain(issued.id);
    expect(JSON.stringify(list)).not.toContain(issued.token);
    expect((await authenticate(handle.db, issued.token))?.id).toBe(t.staff.user.id);
    expect((await t.staff.caller.auth.tokens.list()).find((x) => x.id === issued.id)!.lastUsedAt).not.toBeNull();
  });

  it('lets staff see and revoke only their own tokens; admins manage all of the org', async () => {
    const staffTokens = await t.staff.caller.auth.tokens.list();
    expect(staffTokens.every((x) => x.userId === t.staff.user.id)).toBe(true);
    await expect(t.staff.caller.auth.tokens.revoke({ id: t.staff2.user.tokenId! })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(t.staff.caller.auth.tokens.create({ name: 'x', userId: t.staff2.user.id })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const all = await t.admin.caller.auth.tokens.list();
    expect(new Set(all.map((x) => x.userId)).size).toBe(4);
    await t.admin.caller.auth.tokens.revoke({ id: t.staff2.user.tokenId! });
    expect(await authenticate(handle.db, t.staff2.token)).toBeNull();
    // Another org's admin cannot touch this org's tokens.
    await expect(other.admin.caller.auth.tokens.revoke({ id: t.staff.user.tokenId! })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await authenticate(handle.db, t.staff.token)).not.toBeNull();
  });

  it('refuses tokens of deactivated users', async () => {
    await t.admin.caller.users.update({ id: t.staff.user.id, active: false });
    expect(await authenticate(handle.db, t.staff.token)).toBeNull();
  });
});

describe('org isolation and roles', () => {
  it('keeps another org’s interactions, stakeholders and plan out of reach', async () => {
    const s = await t.manager.caller.directory.create({
      name: 'Secret Customer',
      type: 'customer',
      identities: [{ kind: 'email', value: 'boss@secret.cn' }],
    });
    await t.staff.caller.sync.push({ items: [upsert(interactionData({ stakeholderId: s.id }))] });
    const pulled = await other.admin.caller.sync.pull({ cursor: 0 });
    expect(pulled.interactions).toEqual([]);
    expect(pulled.stakeholders).toEqual([]);
    await expect(other.admin.caller.directory.get({ id: s.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(
      (await other.admin.caller.directory.match({ handles: [{ kind: 'email', value: 'boss@secret.cn' }] }))[0]!
        .stakeholderId,
    ).toBeNull();
    expect((await other.admin.caller.directory.list()).total).toBe(0);
    // Referencing another org's stakeholder is rejected, not linked.
    const res = await other.staff.caller.sync.push({ items: [upsert(interactionData({ stakeholderId: s.id }))] });
    expect(res.rejected[0]!.reason).toMatch(/stakeholderId/);
  });

  it('does not let a staff token change the plan, users, or org settings', async () => {
    const { plan } = await t.staff.caller.plan.get();
    await expect(t.staff.caller.plan.update(plan)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(t.staff.caller.plan.recompute()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(t.staff.caller.users.list()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(t.manager.caller.users.create({ name: 'X', email: 'x@y.z', role: 'admin' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(t.staff.caller.settings.update({ captureLevel: 'snippet' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('lets admins create and update users, but not lock themselves out', async () => {
    const u = await t.admin.caller.users.create({ name: 'New Person', email: 'New@Example.com', role: 'staff' });
    expect(u.email).toBe('new@example.com');
    await expect(t.admin.caller.users.create({ name: 'Dup', email: 'new@example.com' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    expect((await t.manager.caller.users.list()).map((x) => x.email)).toContain('new@example.com');
    const updated = await t.admin.caller.users.update({ id: u.id, role: 'manager' });
    expect(updated.role).toBe('manager');
    await expect(t.admin.caller.users.update({ id: t.admin.user.id, role: 'staff' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await expect(other.admin.caller.users.update({ id: u.id, name: 'Hijack' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
