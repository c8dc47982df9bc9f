import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { issueToken } from './tokens';
import { serve, type RunningServer } from '../serve';
import { freshOrgPerTest, type TestOrg } from '../testing/test-org';
import type { DbHandle } from '../db/client';

let handle: DbHandle;
let t: TestOrg;
let server: RunningServer;
freshOrgPerTest((h, org) => {
  handle = h;
  t = org;
});
beforeEach(async () => {
  server = await serve({ app: createApp({ db: handle.db, logError: () => {}, webAppDir: null }), port: 0 });
});
afterEach(() => server.close());

/** `auth.whoami` over HTTP with `token` as the bearer. */
async function whoami(token: string) {
  const started = Date.now();
  const res = await fetch(`${server.url}/trpc/auth.whoami`, { headers: { authorization: `Bearer ${token}` } });
  return {
    status: res.status,
    retryAfter: res.headers.get('retry-after'),
    ms: Date.now() - started,
    body: await res.text(),
  };
}

const wrong = (i: number) => `cl_${String(i).padStart(43, 'x')}`;

describe('sign-in abuse resistance', () => {
  it('slows repeated failed sign-ins from one address, then answers the 11th in a minute 429 with Retry-After', async () => {
    const answers = [];
    for (let i = 1; i <= 10; i++) answers.push(await whoami(wrong(i)));
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(401));
    // The first five at full speed, the next ones held back longer and longer.
    expect(answers[9]!.ms).toBeGreaterThanOrEqual(700);
    expect(answers[9]!.ms).toBeGreaterThan(answers[5]!.ms);

    const eleventh = await whoami(wrong(11));
    expect(eleventh.status).toBe(429);
    expect(Number(eleventh.retryAfter)).toBeGreaterThan(0);
    expect(Number(eleventh.retryAfter)).toBeLessThanOrEqual(60);
    expect(eleventh.body).toMatch(/Too many failed sign-ins/);
    // While refused, no token is checked: not even a valid one gets through from this address.
    expect((await whoami(t.staff.token)).status).toBe(429);
  }, 30_000);

  it('does not count good sign-ins or requests without a token', async () => {
    for (let i = 0; i < 15; i++) expect((await whoami(t.staff.token)).status).toBe(200);
    for (let i = 0; i < 15; i++) expect((await fetch(`${server.url}/trpc/auth.whoami`)).status).toBe(401);
    expect((await whoami(t.staff.token)).status).toBe(200);
  }, 30_000);

  it('refuses a token after its expiry and accepts it before', async () => {
    const now = Date.now();
    const soon = await issueToken(
      handle.db,
      { orgId: t.org.id, userId: t.staff.user.id, name: 'short', expiresAt: now + 60_000 },
      now,
    );
    const past = await issueToken(
      handle.db,
      { orgId: t.org.id, userId: t.staff.user.id, name: 'old', expiresAt: now - 1 },
      now - 120_000,
    );
    expect((await whoami(soon.token)).status).toBe(200);
    const refused = await whoami(past.token);
    expect(refused.status).toBe(401);
    expect(refused.body).toMatch(/expired/);
  });
});
