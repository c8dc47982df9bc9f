import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTRPCClient, httpBatchLink, TRPCClientError } from '@trpc/client';
import type { DbHandle } from './db/client';
import { createApp } from './app';
import { serve, type RunningServer } from './serve';
import type { AppRouter } from './routers/_app';
import { createTestDb, createTestOrg, interactionData, upsert, type TestOrg } from './testing/test-org';

let handle: DbHandle;
let t: TestOrg;
let app: ReturnType<typeof createApp>;
const logged: string[] = [];

beforeEach(async () => {
  handle = await createTestDb();
  t = await createTestOrg(handle);
  logged.length = 0;
  app = createApp({ db: handle.db, logError: (m) => logged.push(m) });
});
afterEach(() => handle.close());

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('HTTP app', () => {
  it('answers /healthz with the database reachable', async () => {
    const res = await app.request('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, db: 'ok' });
  });

  it('refuses bodies over 1 MiB with 413 and a JSON error', async () => {
    const big = JSON.stringify({ items: [{ op: 'delete', entity: 'interaction', id: 'x'.repeat(1024 * 1024) }] });
    const res = await app.request('/trpc/sync.push', {
      method: 'POST',
      body: big,
      headers: { ...bearer(t.staff.token), 'content-type': 'application/json' },
    });
    expect(res.status).toBe(413);
    const body = (await res.json()) as { error: { message: string } };
    expect(body.error.message).toMatch(/1 MiB/);
  });

  it('sends CORS headers to a chrome-extension origin and not to a web page', async () => {
    const origin = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
    const pre = await app.request('/trpc/auth.whoami', {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type',
      },
    });
    expect(pre.headers.get('access-control-allow-origin')).toBe(origin);
    expect(pre.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
    const get = await app.request('/healthz', { headers: { origin: 'moz-extension://1234-5678' } });
    expect(get.headers.get('access-control-allow-origin')).toBe('moz-extension://1234-5678');
    const evil = await app.request('/healthz', { headers: { origin: 'https://evil.example' } });
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses a missing or unknown token with 401 and a message, never a stack', async () => {
    const none = await app.request('/trpc/auth.whoami');
    expect(none.status).toBe(401);
    const bad = await app.request('/trpc/auth.whoami', { headers: bearer('cl_nottherealtoken') });
    expect(bad.status).toBe(401);
    const text = await bad.text();
    expect(text).toMatch(/not valid/);
    expect(text).not.toMatch(/stack|\.ts:\d+/);
  });

  it('refuses a revoked token at once', async () => {
    const ok = await app.request('/trpc/auth.whoami', { headers: bearer(t.staff.token) });
    expect(ok.status).toBe(200);
    await t.staff.caller.auth.tokens.revoke({ id: t.staff.user.tokenId! });
    const after = await app.request('/trpc/auth.whoami', { headers: bearer(t.staff.token) });
    expect(after.status).toBe(401);
  });

  it('returns input errors as 400 with the field path, without a stack', async () => {
    const res = await app.request(`/trpc/sync.pull?input=${encodeURIComponent(JSON.stringify({ cursor: -1 }))}`, {
      headers: bearer(t.staff.token),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { message: string; data: Record<string, unknown> } };
    expect(body.error.message).toMatch(/cursor/);
    expect(body.error.data.stack).toBeUndefined();
  });

  it('hides unexpected errors behind a generic 500 and logs them', async () => {
    handle.close();
    const res = await app.request('/trpc/auth.whoami', { headers: bearer(t.staff.token) });
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).toMatch(/Internal server error/);
    expect(text).not.toMatch(/closed|libsql|stack/i);
    expect(logged.length).toBeGreaterThan(0);
    handle = await createTestDb();
  });
});

describe('over real HTTP with @trpc/client', () => {
  let server: RunningServer;
  beforeEach(async () => {
    server = await serve({ app, port: 0, host: '127.0.0.1' });
  });
  afterEach(async () => {
    await server.close();
  });

  const client = (token: string) =>
    createTRPCClient<AppRouter>({
      links: [httpBatchLink({ url: `${server.url}/trpc`, headers: () => bearer(token) })],
    });

  it('pushes, pulls and keeps a staff member out of other users’ interactions and the plan', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const staff = client(t.staff.token);
    const other = client(t.staff2.token);
    const me = await staff.auth.whoami.query();
    expect(me.user.id).toBe(t.staff.user.id);
    const a = interactionData();
    const res = await staff.sync.push.mutate({ items: [upsert(a)] });
    expect(res.applied).toHaveLength(1);
    expect((await other.sync.pull.query({ cursor: 0 })).interactions).toEqual([]);
    expect((await staff.sync.pull.query({ cursor: 0 })).interactions.map((i) => i.id)).toEqual([a.id]);
    const plan = await staff.plan.get.query();
    const err = await staff.plan.update.mutate(plan.plan).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TRPCClientError);
    expect((err as TRPCClientError<AppRouter>).data?.code).toBe('FORBIDDEN');
  });

  it('accepts queries sent as POST (methodOverride) for inputs too long for a URL', async () => {
    const post = createTRPCClient<AppRouter>({
      links: [
        httpBatchLink({ url: `${server.url}/trpc`, methodOverride: 'POST', headers: () => bearer(t.staff.token) }),
      ],
    });
    const handles = Array.from({ length: 200 }, (_, i) => ({
      kind: 'email' as const,
      value: `${'x'.repeat(250)}${i}@nowhere.example`,
    }));
    const result = await post.directory.match.query({ handles });
    expect(result).toHaveLength(200);
  });
});
