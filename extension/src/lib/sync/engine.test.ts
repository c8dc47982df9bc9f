import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_PUSH_ITEMS, type PullResult, type PushItem, type PushResult, type Stakeholder } from '@comms-log/shared';
import { ApiError } from '../api/error';
import type { SyncClock } from './backoff';
import { createSyncEngine } from './engine';
import { PUSH_BATCH_SIZE, type SyncStore, type SyncTransport } from './passes';

type Row = { item: PushItem; status: 'pending' | 'rejected'; reason?: string; waitsFor?: string };

function fakeStore(rows: Row[] = []) {
  let cursor = 0;
  const pulled: PullResult[] = [];
  const stakeholders: { localId: string; name: string }[] = [];
  const resolved: Record<string, string> = {};
  const store: SyncStore = {
    async pendingStakeholders() {
      return stakeholders.map((s) => ({ localId: s.localId, input: { name: s.name, type: 'customer' } }));
    },
    async resolveStakeholder(localId, s) {
      resolved[localId] = s.id;
      stakeholders.splice(
        stakeholders.findIndex((x) => x.localId === localId),
        1,
      );
      for (const r of rows) if (r.waitsFor === localId) delete r.waitsFor;
    },
    async rejectStakeholder(localId, reason) {
      stakeholders.splice(
        stakeholders.findIndex((x) => x.localId === localId),
        1,
      );
      for (const r of rows) if (r.waitsFor === localId) Object.assign(r, { status: 'rejected', reason });
    },
    async pendingPush(limit) {
      return rows
        .filter((r) => r.status === 'pending' && !r.waitsFor)
        .slice(0, limit)
        .map((r) => r.item);
    },
    async applyPushResult(_sent, result) {
      for (const a of result.applied)
        rows.splice(
          rows.findIndex((r) => r.item.id === a.id),
          1,
        );
      for (const j of result.rejected)
        Object.assign(rows.find((r) => r.item.id === j.id)!, { status: 'rejected', reason: j.reason });
    },
    async getCursor() {
      return cursor;
    },
    async applyPull(page) {
      pulled.push(page);
      cursor = page.cursor;
    },
    async counts() {
      return {
        pending: rows.filter((r) => r.status === 'pending').length,
        rejected: rows.filter((r) => r.status === 'rejected').length,
      };
    },
  };
  return { store, rows, pulled, stakeholders, resolved, getCursor: () => cursor };
}

function item(n: number): PushItem {
  return { op: 'upsert', entity: 'interaction', id: `id-${n}`, data: { n } };
}

function page(cursor: number, hasMore: boolean): PullResult {
  return { interactions: [], followups: [], stakeholders: [], cursor, hasMore };
}

function fakeTransport(opts: { rejectIds?: string[]; pages?: PullResult[]; onPush?: () => void } = {}) {
  const pushes: PushItem[][] = [];
  const pulls: number[] = [];
  let down = false;
  const pages = [...(opts.pages ?? [page(1, false)])];
  const transport: SyncTransport = {
    async push(items): Promise<PushResult> {
      if (down) throw new ApiError('network');
      pushes.push(items);
      opts.onPush?.();
      const rejectIds = new Set(opts.rejectIds ?? []);
      return {
        applied: items
          .filter((i) => !rejectIds.has(i.id))
          .map((i) => ({ id: i.id, entity: i.entity, mergedInto: null })),
        rejected: items
          .filter((i) => rejectIds.has(i.id))
          .map((i) => ({ id: i.id, reason: 'occurredAt: invalid date' })),
        cursor: 0,
      };
    },
    async pull(cursor) {
      if (down) throw new ApiError('network');
      pulls.push(cursor);
      return pages.shift() ?? page(cursor, false);
    },
    async createStakeholder(input): Promise<Stakeholder> {
      if (down) throw new ApiError('network');
      if (input.name === 'bad') throw new ApiError('invalid', 'name: too long');
      return {
        id: 'S1',
        name: input.name,
        type: input.type,
        tier: 'standard',
        organization: null,
        ownerUserId: null,
        cadenceOverride: null,
        active: true,
        identities: [],
        createdAt: '2026-01-01T00:00:00Z',
        updatedAt: '2026-01-01T00:00:00Z',
      };
    },
  };
  return { transport, pushes, pulls, setDown: (v: boolean) => (down = v) };
}

const clock: SyncClock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
  random: () => 0.5,
};

describe('sync engine', () => {
  beforeEach(() => vi.useFakeTimers({ now: new Date('2026-03-10T09:00:00Z') }));
  afterEach(() => vi.useRealTimers());

  it('agrees with the server on the batch size', () => {
    expect(PUSH_BATCH_SIZE).toBe(MAX_PUSH_ITEMS);
  });

  it('pushes pending items in batches of at most 500, then pulls every page', async () => {
    const s = fakeStore(Array.from({ length: 1203 }, (_, n) => ({ item: item(n), status: 'pending' as const })));
    const t = fakeTransport({ pages: [page(10, true), page(20, true), page(25, false)] });
    const engine = createSyncEngine({ store: s.store, transport: t.transport, clock });
    const outcome = await engine.sync();
    expect(outcome).toEqual({ ok: true, pushed: 1203, rejected: 0, pulled: 0 });
    expect(t.pushes.map((b) => b.length)).toEqual([500, 500, 203]);
    expect(t.pulls).toEqual([0, 10, 20]);
    expect(s.getCursor()).toBe(25);
    expect(engine.status()).toMatchObject({
      state: 'idle',
      pending: 0,
      lastError: null,
      lastSyncAt: '2026-03-10T09:00:00.000Z',
    });
  });

  it('keeps rejected items with their reason and does not resend them', async () => {
    const s = fakeStore([1, 2, 3].map((n) => ({ item: item(n), status: 'pending' as const })));
    const t = fakeTransport({ rejectIds: ['id-2'] });
    const engine = createSyncEngine({ store: s.store, transport: t.transport, clock });
    expect(await engine.sync()).toMatchObject({ ok: true, pushed: 2, rejected: 1 });
    expect(s.rows).toEqual([{ item: item(2), status: 'rejected', reason: 'occurredAt: invalid date' }]);
    await engine.sync();
    expect(t.pushes).toHaveLength(1);
    expect(engine.status()).toMatchObject({ pending: 0, rejected: 1 });
  });

  it('runs one sync at a time and one more for what was queued meanwhile', async () => {
    const s = fakeStore([{ item: item(1), status: 'pending' }]);
    let second: Promise<unknown> | null = null;
    let third: Promise<unknown> | null = null;
    const t = fakeTransport({
      onPush: () => {
        if (second) return;
        s.rows.push({ item: item(2), status: 'pending' });
        second = engine.sync();
        third = engine.sync();
      },
    });
    const engine = createSyncEngine({ store: s.store, transport: t.transport, clock });
    const first = engine.sync();
    await first;
    expect(second).toBe(first);
    expect(third).toBe(first);
    expect(t.pushes.map((b) => b.map((i) => i.id))).toEqual([['id-1'], ['id-2']]);
  });

  it('backs off exponentially with jitter while the server is down, and recovers', async () => {
    const s = fakeStore([{ item: item(1), status: 'pending' }]);
    const t = fakeTransport();
    t.setDown(true);
    const statuses: string[] = [];
    const engine = createSyncEngine({
      store: s.store,
      transport: t.transport,
      clock,
      baseDelayMs: 5000,
      maxDelayMs: 60_000,
      onStatus: (st) => statuses.push(st.state),
    });
    const outcome = await engine.sync();
    expect(outcome).toEqual({ ok: false, error: { code: 'network', detail: '' } });
    expect(engine.status()).toMatchObject({
      state: 'backoff',
      failures: 1,
      pending: 1,
      nextRetryAt: '2026-03-10T09:00:03.750Z',
    });

    // A non-forced request (outbox change, alarm) waits for the scheduled retry.
    await engine.sync();
    expect(engine.status().failures).toBe(1);

    await vi.advanceTimersByTimeAsync(3750);
    expect(engine.status()).toMatchObject({ failures: 2, nextRetryAt: '2026-03-10T09:00:11.250Z' });
    await vi.advanceTimersByTimeAsync(7500);
    expect(engine.status().failures).toBe(3);

    t.setDown(false);
    await vi.advanceTimersByTimeAsync(15_000);
    expect(engine.status()).toMatchObject({
      state: 'idle',
      failures: 0,
      pending: 0,
      lastError: null,
      nextRetryAt: null,
    });
    expect(t.pushes).toHaveLength(1);
    expect(statuses).toContain('backoff');
  });

  it('a forced sync (Sync now, back online) runs at once during backoff', async () => {
    const s = fakeStore([{ item: item(1), status: 'pending' }]);
    const t = fakeTransport();
    t.setDown(true);
    const engine = createSyncEngine({ store: s.store, transport: t.transport, clock });
    await engine.sync();
    t.setDown(false);
    expect(await engine.sync({ force: true })).toMatchObject({ ok: true, pushed: 1 });
    expect(engine.status().nextRetryAt).toBeNull();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(t.pushes).toHaveLength(1);
  });

  it('creates queued stakeholders before pushing the items that name them', async () => {
    const s = fakeStore([{ item: item(1), status: 'pending', waitsFor: 'local:A' }]);
    s.stakeholders.push({ localId: 'local:A', name: 'Acme' });
    const t = fakeTransport();
    const engine = createSyncEngine({ store: s.store, transport: t.transport, clock });
    await engine.sync();
    expect(s.resolved).toEqual({ 'local:A': 'S1' });
    expect(t.pushes).toHaveLength(1);
  });

  it('a stakeholder the server refuses rejects the items naming it without blocking others', async () => {
    const s = fakeStore([
      { item: item(1), status: 'pending', waitsFor: 'local:B' },
      { item: item(2), status: 'pending' },
    ]);
    s.stakeholders.push({ localId: 'local:B', name: 'bad' });
    const t = fakeTransport();
    const engine = createSyncEngine({ store: s.store, transport: t.transport, clock });
    expect(await engine.sync()).toMatchObject({ ok: true, pushed: 1 });
    expect(s.rows).toEqual([{ item: item(1), status: 'rejected', reason: 'name: too long', waitsFor: 'local:B' }]);
  });
});
