import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import type { DbHandle } from '../db/client';
import { type RunningServer, serve } from '../serve';
import { freshOrgPerTest, type TestOrg } from '../testing/test-org';
import { defaultSignInLimit, SignInLimiter } from './sign-in-limit';

let handle: DbHandle;
let t: TestOrg;
let server: RunningServer | undefined;
freshOrgPerTest((h, org) => {
  handle = h;
  t = org;
});
afterEach(() => server?.close());

/** The server over real HTTP on loopback, as a reverse proxy on the same machine would reach it. */
async function start(trustedProxies?: string[]) {
  // No delays: the limit, not its slowing, is under test here (sign-in.test.ts times the delays).
  const signInLimiter = new SignInLimiter({ ...defaultSignInLimit, stepMs: 0 });
  server = await serve({
    app: createApp({ db: handle.db, logError: () => {}, webAppDir: null, signInLimiter, trustedProxies }),
    port: 0,
    host: '127.0.0.1',
  });
}

/** `auth.whoami` with `token`, forwarded for `client`; the status. */
async function whoami(token: string, client: string) {
  const res = await fetch(`${server!.url}/trpc/auth.whoami`, {
    headers: { authorization: `Bearer ${token}`, 'x-forwarded-for': client },
  });
  return res.status;
}

const wrong = 'cl_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx';

describe('the sign-in limit behind a reverse proxy', () => {
  it('counts each forwarded client apart when the proxy is trusted', async () => {
    await start(['127.0.0.1', '::1']);
    for (let i = 0; i < 10; i++) expect(await whoami(wrong, '198.51.100.1')).toBe(401);
    expect(await whoami(t.staff.token, '198.51.100.1')).toBe(429);
    // Another client behind the same proxy is not refused with the guesser.
    expect(await whoami(t.staff.token, '198.51.100.2')).toBe(200);
    // A guesser cannot escape its count by writing its own X-Forwarded-For: the proxy appends its real address.
    expect(await whoami(t.staff.token, '203.0.113.50, 198.51.100.1')).toBe(429);
  });

  it('ignores X-Forwarded-For unless it is set: every client behind the proxy shares the proxy address', async () => {
    await start();
    for (let i = 0; i < 10; i++) expect(await whoami(wrong, `198.51.100.${i + 1}`)).toBe(401);
    expect(await whoami(t.staff.token, '198.51.100.200')).toBe(429);
  });

  it('ignores X-Forwarded-For from a peer that is not a trusted proxy', async () => {
    await start(['10.0.0.0/8']);
    for (let i = 0; i < 10; i++) expect(await whoami(wrong, `198.51.100.${i + 1}`)).toBe(401);
    expect(await whoami(t.staff.token, '198.51.100.200')).toBe(429);
  });
});
