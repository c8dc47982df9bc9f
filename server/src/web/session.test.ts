import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { SESSION_TTL_MS, sessionUser } from '../auth/session';
import type { DbHandle } from '../db/client';
import { apiTokens, users } from '../db/schema';
import { webSessions } from '../db/tables/sessions';
import { freshOrgPerTest, type TestOrg } from '../testing/test-org';

let handle: DbHandle;
let org: TestOrg;
freshOrgPerTest((h, o) => {
  handle = h;
  org = o;
});

const app = () => createApp({ db: handle.db, logError: () => {}, webAppDir: null });
const fromPage = { 'content-type': 'application/json', 'x-comms-log-csrf': '1' };

/** Signs in over HTTP with `token`; the cookie's `name=value` and the whole Set-Cookie header. */
async function signIn(token: string) {
  const res = await app().request('/app/api/session', {
    method: 'POST',
    headers: fromPage,
    body: JSON.stringify({ token }),
  });
  const header = res.headers.get('set-cookie') ?? '';
  return { status: res.status, header, cookie: header.split(';')[0]! };
}

async function whoami(cookie: string, headers: Record<string, string> = { 'x-comms-log-csrf': '1' }) {
  const res = await app().request('/trpc/auth.whoami', { headers: { cookie, ...headers } });
  return res.status;
}

describe('web view sessions', () => {
  it('exchange a token for an httpOnly, SameSite=Strict cookie that signs tRPC calls in', async () => {
    const { status, header, cookie } = await signIn(org.manager.token);
    expect(status).toBe(200);
    expect(header).toMatch(/HttpOnly/);
    expect(header).toMatch(/SameSite=Strict/);
    expect(header).not.toContain(org.manager.token);
    expect(await whoami(cookie)).toBe(200);
    const [row] = await handle.db.select().from(webSessions);
    expect(row?.secretHash).not.toBe(cookie.split('=')[1]);
  });

  it('refuse a refused token, a missing header and another origin', async () => {
    expect((await signIn('cl_not-a-token')).status).toBe(401);
    const elsewhere = await app().request('/app/api/session', {
      method: 'POST',
      headers: { ...fromPage, origin: 'https://elsewhere.example' },
      body: JSON.stringify({ token: org.admin.token }),
    });
    expect(elsewhere.status).toBe(403);
    const { cookie } = await signIn(org.admin.token);
    expect(await whoami(cookie, {})).toBe(401);
    expect(await whoami(cookie, { 'x-comms-log-csrf': '1', origin: 'https://elsewhere.example' })).toBe(401);
  });

  it('end at sign-out, at expiry, and with their token or their user', async () => {
    const out = await signIn(org.staff.token);
    await app().request('/app/api/session/end', { method: 'POST', headers: { cookie: out.cookie, ...fromPage } });
    expect(await whoami(out.cookie)).toBe(401);

    const secret = (await signIn(org.staff2.token)).cookie.split('=')[1]!;
    const now = Date.now();
    expect(await sessionUser(handle.db, secret, now)).not.toBeNull();
    expect(await sessionUser(handle.db, secret, now + SESSION_TTL_MS + 1000)).toBeNull();

    const revoked = await signIn(org.manager.token);
    await handle.db.update(apiTokens).set({ revokedAt: now }).where(eq(apiTokens.id, org.manager.user.tokenId!));
    expect(await whoami(revoked.cookie)).toBe(401);

    const deactivated = await signIn(org.admin.token);
    await handle.db.update(users).set({ active: false }).where(eq(users.id, org.admin.user.id));
    expect(await whoami(deactivated.cookie)).toBe(401);
  });
});
