import { describe, expect, it } from 'vitest';
import { createApp } from '../app';
import type { DbHandle } from '../db/client';
import { freshOrgPerTest, type TestOrg } from '../testing/test-org';

let handle: DbHandle;
let org: TestOrg;
freshOrgPerTest((h, o) => {
  handle = h;
  org = o;
});

// A proxy terminates TLS for https://comms.example.com and forwards to the server over plain http on an inner host.
const PUBLIC = 'https://comms.example.com';
const INNER = 'http://10.0.0.5:8787';

const app = (publicOrigin?: string) => createApp({ db: handle.db, logError: () => {}, webAppDir: null, publicOrigin });

/** A sign-in as the browser sends it through the proxy: the page's Origin on a request to the inner URL. */
async function signIn(publicOrigin: string | undefined, origin: string) {
  const res = await app(publicOrigin).request(`${INNER}/app/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-comms-log-csrf': '1', origin },
    body: JSON.stringify({ token: org.manager.token }),
  });
  return { status: res.status, setCookie: res.headers.get('set-cookie') ?? '' };
}

async function whoami(publicOrigin: string | undefined, cookie: string, origin: string) {
  const res = await app(publicOrigin).request(`${INNER}/trpc/auth.whoami`, {
    headers: { cookie, 'x-comms-log-csrf': '1', origin },
  });
  return res.status;
}

describe('the web view behind a TLS-terminating proxy', () => {
  it('is refused without a configured public origin: the page origin is not the request URL', async () => {
    expect((await signIn(undefined, PUBLIC)).status).toBe(403);
  });

  it('accepts the configured public origin only, and sets a Secure cookie', async () => {
    const ok = await signIn(PUBLIC, PUBLIC);
    expect(ok.status).toBe(200);
    expect(ok.setCookie).toMatch(/; Secure/);
    const cookie = ok.setCookie.split(';')[0]!;
    expect(await whoami(PUBLIC, cookie, PUBLIC)).toBe(200);

    // The inner address is not where browsers open the page, nor is any other site.
    expect((await signIn(PUBLIC, INNER)).status).toBe(403);
    expect((await signIn(PUBLIC, 'https://elsewhere.example')).status).toBe(403);
    expect(await whoami(PUBLIC, cookie, INNER)).toBe(401);
    expect(await whoami(PUBLIC, cookie, 'https://elsewhere.example')).toBe(401);
  });

  it('still compares with the request URL when none is configured', async () => {
    const direct = await signIn(undefined, INNER);
    expect(direct.status).toBe(200);
    expect(direct.setCookie).not.toMatch(/Secure/);
  });
});
