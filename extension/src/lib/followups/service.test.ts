import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { InteractionData, OverdueResult } from '@comms-log/shared';
import { ApiError } from '../api/error';
import {
  fuHeadItem,
  fuKnownLateItem,
  fuLastDigestItem,
  fuNotifyLateItem,
  fuOverdueActivitiesItem,
} from './storage-items';
import { createFollowupsService, type FollowupsService } from './service';
import type { FollowupsApi } from './service-deps';
import { readStoredItems } from './snapshot';
import { FOLLOWUPS_DB_NAME, FollowupsDb, OWN_SNAPSHOT_KEY, SNAPSHOT_STORE } from './store';
import { CommsLogDb } from '../outbox/local-db';
import { enqueueInteractions } from '../outbox/queue';
import { createDexieSyncStore } from '../outbox/sync-store';
import { dropDeps } from './testing/deps';

// Shanghai: Wednesday 2026-03-11 at 15:00.
const NOW = Date.parse('2026-03-11T15:00:00+08:00');
const HOUR = 3_600_000;

let n = 0;
let db: CommsLogDb;
let fuDb: FollowupsDb;
let clock: number;
let api: { [K in keyof FollowupsApi]: ReturnType<typeof vi.fn> };
let badges: { text: string; color: string | null }[];
let notes: { id: string; title: string; message: string }[];
let service: FollowupsService;

const lateEmail: InteractionData = {
  id: '01JP0000000000000000000001',
  source: 'gmail',
  externalId: 'm1',
  threadKey: 'gmail:T1',
  channel: 'email',
  direction: 'inbound',
  occurredAt: '2026-03-09T02:00:00.000Z',
  stakeholderId: 'C1',
  stakeholderType: 'customer',
  author: { name: 'Marcus', handle: null },
  title: 'Order 1182',
  snippet: null,
  url: null,
  durationMin: null,
  note: null,
  automated: false,
  internal: false,
  purpose: null,
};

async function pulled() {
  await createDexieSyncStore(db).applyPull({
    interactions: [
      {
        ...lateEmail,
        userId: 'u1',
        deleted: false,
        createdAt: lateEmail.occurredAt,
        updatedAt: lateEmail.occurredAt,
        waitStart: true,
        repliedAt: null,
        repliedBy: null,
        responseMs: null,
        responseWorkMs: null,
        onTime: 'pending',
        seq: 1,
      },
    ],
    followups: [
      {
        id: '01JP0000000000000000000009',
        dueAt: '2026-03-10T01:00:00.000Z',
        note: 'Send the quote',
        stakeholderId: 'C1',
        threadKey: null,
        url: null,
        status: 'open',
        snoozedUntil: null,
        userId: 'u1',
        deleted: false,
        updatedAt: '2026-03-01T00:00:00.000Z',
        seq: 2,
      },
    ],
    stakeholders: [
      {
        id: 'C1',
        name: 'Marcus Reid',
        type: 'customer',
        tier: 'standard',
        organization: null,
        ownerUserId: 'u1',
        cadenceOverride: null,
        active: true,
        identities: [],
        createdAt: '2026-03-01T00:00:00.000Z',
        updatedAt: '2026-03-01T00:00:00.000Z',
      },
    ],
    cursor: 2,
    hasMore: false,
  });
}

const kinds = async () => {
  const stored = await readStoredItems();
  return stored?.items.map((i) => `${i.kind}:${i.state}`) ?? null;
};

beforeEach(async () => {
  fakeBrowser.reset();
  db = new CommsLogDb(`svc-${n}`);
  fuDb = new FollowupsDb();
  clock = NOW;
  badges = [];
  notes = [];
  api = {
    overdue: vi.fn(async () => {
      throw new ApiError('network');
    }),
    team: vi.fn(async () => {
      throw new ApiError('network');
    }),
    plan: vi.fn(async () => {
      throw new ApiError('network');
    }),
    snooze: vi.fn(async () => ({})),
    closeWait: vi.fn(async () => ({})),
    complete: vi.fn(async () => ({})),
    users: vi.fn(async () => []),
    plannedActivities: vi.fn(async () => {
      throw new ApiError('network');
    }),
  };
  service = createFollowupsService({
    db,
    fuDb,
    api: api as unknown as FollowupsApi,
    now: () => clock,
    me: async () => ({ id: 'u1', role: 'staff' }),
    lang: async () => 'en',
    ui: {
      badge: async (state) => void badges.push(state),
      notify: async (id, title, message) => void notes.push({ id, title, message }),
    },
  });
  await pulled();
  n++;
});

afterEach(() => dropDeps({ db, fuDb }));

describe('followups service', () => {
  it('precomputes the list into storage and IndexedDB, with the badge', async () => {
    const head = await service.refresh();
    expect(head.counts.late).toBe(1);
    expect(head.totals).toEqual({ awaiting: 1, cold: 0, reminders: 1 });
    expect(head.source).toBe('local');
    expect((await fuHeadItem.getValue())?.computedAt).toBe(new Date(NOW).toISOString());
    expect(await kinds()).toEqual(['wait:late', 'reminder:due']);
    expect(badges.at(-1)).toEqual({ text: '1', color: '#d93025' });
  });

  it('applies a snooze and a closure at once, queues them, and sends them when the server answers', async () => {
    await service.act({ type: 'snooze', kind: 'wait', id: lateEmail.id, untilMs: NOW + HOUR });
    expect(await kinds()).toEqual(['reminder:due']);
    expect(badges.at(-1)?.text).toBe('');
    api.snooze.mockRejectedValueOnce(new ApiError('network'));
    expect(await service.flush()).toEqual({ sent: 0, rejected: 0 });
    expect((await fuHeadItem.getValue())?.pendingActions).toBe(1);
    expect(await service.flush()).toEqual({ sent: 1, rejected: 0 });
    expect(api.snooze).toHaveBeenLastCalledWith({
      kind: 'wait',
      id: lateEmail.id,
      until: new Date(NOW + HOUR).toISOString(),
    });
    // Sent, it still hides the wait (the server's snoozes are not pulled) until it runs out.
    clock = NOW + 2 * HOUR;
    await service.refresh();
    expect(await kinds()).toEqual(['wait:late', 'reminder:due']);
  });

  it('a closure the server refuses is shown with its reason and the wait comes back', async () => {
    await expect(service.act({ type: 'close', interactionId: lateEmail.id, reason: '  ' })).rejects.toThrow(/why/);
    await service.act({ type: 'close', interactionId: lateEmail.id, reason: 'auto-acknowledgement' });
    expect(await kinds()).toEqual(['reminder:due']);
    api.closeWait.mockRejectedValueOnce(new ApiError('invalid', 'This wait was already answered'));
    expect(await service.flush()).toEqual({ sent: 0, rejected: 1 });
    const head = await service.refresh();
    expect(head.rejectedActions).toEqual([{ key: `close:${lateEmail.id}`, error: 'This wait was already answered' }]);
    expect(await kinds()).toEqual(['wait:late', 'reminder:due']);
  });

  it('marks a pulled reminder done through the outbox, as an entity upsert', async () => {
    await service.act({ type: 'done', id: '01JP0000000000000000000009' });
    expect(await kinds()).toEqual(['wait:late']);
    const [row] = await db.outbox.toArray();
    expect(row).toMatchObject({
      entity: 'followup',
      op: 'upsert',
      id: '01JP0000000000000000000009',
      status: 'pending',
    });
    expect((row!.data as { status: string }).status).toBe('done');
    expect(api.complete).not.toHaveBeenCalled();
  });

  it('holds back an action on a wait the server does not have yet', async () => {
    const fresh = { ...lateEmail, id: '01JP0000000000000000000002', externalId: 'm2', threadKey: 'gmail:T2' };
    await enqueueInteractions(db, [fresh], { now: new Date(NOW) });
    await service.act({ type: 'close', interactionId: fresh.id, reason: 'spam' });
    expect(await service.flush()).toEqual({ sent: 0, rejected: 0 });
    expect(api.closeWait).not.toHaveBeenCalled();
  });

  it("uses the server's list when everything is synced, minus what is still queued", async () => {
    const server: OverdueResult = {
      items: [],
      counts: { late: 0, dueSoon: 0, cadenceOverdue: 0, cadenceDue: 0, reminders: 0 },
    };
    api.overdue.mockResolvedValue(server);
    api.plan.mockResolvedValue({
      version: 3,
      updatedAt: '2026-03-01T00:00:00.000Z',
      plan: (await import('@comms-log/shared/domain')).defaultPlan,
    });
    await service.afterSync({ ok: true, outboxPending: 0 });
    expect((await fuHeadItem.getValue())?.source).toBe('server');
    expect(await kinds()).toEqual([]);
    // Something still in the outbox: the local copy is the truth until it is pushed.
    await service.afterSync({ ok: true, outboxPending: 1 });
    expect((await fuHeadItem.getValue())?.source).toBe('local');
  });

  it('notifies of newly late items only when asked, and sends the digest once per working day', async () => {
    clock = Date.parse('2026-03-11T08:00:00+08:00');
    await fuKnownLateItem.setValue([]);
    await service.refresh();
    expect(notes).toEqual([]);
    await fuNotifyLateItem.setValue(true);
    await fuKnownLateItem.setValue([]);
    await service.refresh();
    expect(notes.map((x) => x.title)).toEqual(['Now late: Marcus Reid']);
    notes = [];
    clock = Date.parse('2026-03-11T09:01:00+08:00');
    await service.refresh();
    await service.refresh();
    expect(notes.map((x) => x.title)).toEqual(["Today's follow-ups"]);
    expect(notes[0]!.message).toBe('1 late, 0 due soon, 0 going cold, 1 reminders');
    expect(await fuLastDigestItem.getValue()).toBe('2026-03-11');
  });
});

describe('readStoredItems', () => {
  it('reads what the background stored, with the names the store uses', async () => {
    await fuDb.snapshot.put({ key: OWN_SNAPSHOT_KEY, computedAt: 'x', items: [] });
    expect(await readStoredItems(FOLLOWUPS_DB_NAME, SNAPSHOT_STORE, OWN_SNAPSHOT_KEY)).toEqual({
      key: 'own',
      computedAt: 'x',
      items: [],
    });
    expect(await readStoredItems()).toEqual({ key: 'own', computedAt: 'x', items: [] });
  });

  it('returns null without creating a database that does not exist', async () => {
    expect(await readStoredItems('no-such-db')).toBeNull();
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain('no-such-db');
  });

  it('keeps the overdue planned activities the server listed in a list computed offline', async () => {
    const activity = {
      kind: 'activity' as const,
      id: '01JP00000000000000000000A1',
      state: 'overdue' as const,
      ownerUserId: 'u1',
      title: 'Quarterly partner review',
      channel: 'video' as const,
      startAt: '2026-03-09T02:00:00.000Z',
      endAt: '2026-03-09T03:00:00.000Z',
    };
    const colleagues = { ...activity, id: '01JP00000000000000000000A2', ownerUserId: 'u2' };
    api.overdue.mockResolvedValueOnce({
      items: [activity],
      counts: { late: 0, dueSoon: 0, cadenceOverdue: 0, cadenceDue: 0, reminders: 1 },
    } satisfies OverdueResult);
    expect((await service.refresh({ fromServer: true })).source).toBe('server');
    expect(await kinds()).toEqual(['activity:overdue']);
    await fuOverdueActivitiesItem.setValue([activity, colleagues]);

    // Offline now: the local copy has the wait and the reminder, and the activity comes from the server's list.
    const head = await service.refresh({ fromServer: true });
    expect(head.source).toBe('local');
    expect(await kinds()).toEqual(['wait:late', 'activity:overdue', 'reminder:due']);
    expect((await readStoredItems())?.items.find((i) => i.kind === 'activity')).toEqual(activity);
    expect(head.counts.reminders).toBe(2);
  });

  it('lists a planned activity overdue offline, dated by each repetition that goes by', async () => {
    // Weekly on Mondays, 10:00–11:00 in Shanghai, from 2 March; the sync brings it, then the server is gone.
    api.plannedActivities.mockResolvedValueOnce([
      {
        id: '01JP00000000000000000000A3',
        ownerUserId: 'u1',
        title: 'Weekly partner sync',
        channel: 'video',
        startAtMs: Date.parse('2026-03-02T10:00:00+08:00'),
        endAtMs: Date.parse('2026-03-02T11:00:00+08:00'),
        recurrence: 'weekly',
      },
    ]);
    await service.afterSync({ ok: true, outboxPending: 0 });
    expect(api.plannedActivities).toHaveBeenCalledWith('u1');
    const activity = async () => (await readStoredItems())?.items.find((i) => i.kind === 'activity');
    // Wednesday 11 March: Monday the 9th is the latest that went by.
    expect(await activity()).toMatchObject({ title: 'Weekly partner sync', startAt: '2026-03-09T02:00:00.000Z' });
    clock = NOW + 7 * 24 * HOUR;
    await service.refresh();
    expect(await activity()).toMatchObject({ startAt: '2026-03-16T02:00:00.000Z' });
  });
});
