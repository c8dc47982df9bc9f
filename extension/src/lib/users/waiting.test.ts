import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OverdueResult } from '@comms-log/shared';
import { defaultPlan } from '@comms-log/shared/domain';
import { ApiError } from '../api/error';
import { createFollowupsService } from '../followups/service';
import type { FollowupsApi } from '../followups/service-deps';
import { fuHeadItem } from '../followups/storage-items';
import { FollowupsDb, queueAction } from '../followups/store';
import { CommsLogDb } from '../outbox/local-db';
import { enqueueInteractions } from '../outbox/queue';
import { whoamiItem } from '../storage-items';
import { discardWaiting, othersWaiting } from './waiting';
import { followWhoami } from './watch';
import { logged, who } from './testing/people';
import { dropDeps } from '../followups/testing/deps';

const NOW = Date.parse('2026-03-11T15:00:00+08:00');
let n = 0;
let db: CommsLogDb;
let fuDb: FollowupsDb;

/** A snooze `userId` queued from the popup while signed in here. */
const snoozeBy = (userId: string, targetId: string) =>
  queueAction(fuDb, {
    type: 'snooze',
    targetKind: 'wait',
    targetId,
    untilMs: NOW + 86_400_000,
    reason: null,
    userId,
    queuedAtMs: NOW,
  });

beforeEach(async () => {
  fakeBrowser.reset();
  db = new CommsLogDb(`waiting-${n++}`);
  fuDb = new FollowupsDb(`waiting-fu-${n}`);
  await db.open();
});

afterEach(() => dropDeps({ db, fuDb }));

describe("another user's queued follow-up actions", () => {
  it('are counted in the waiting note under their e-mail, and discarded with their rows', async () => {
    const stop = followWhoami(db, { forgetStatus: async () => undefined });
    await whoamiItem.setValue(who('alice'));
    await vi.waitFor(() => expect(db.signedIn?.id).toBe('alice'));
    await enqueueInteractions(db, [logged('A1')]);
    await snoozeBy('alice', 'W1');
    await snoozeBy('carol', 'W2');
    await whoamiItem.setValue(who('bob'));
    await vi.waitFor(() => expect(db.signedIn?.id).toBe('bob'));
    await snoozeBy('bob', 'W3');
    stop();
    expect(await othersWaiting(db, fuDb, 'bob')).toEqual([
      { ownerId: 'alice', label: 'alice@example.cn', count: 2 },
      { ownerId: 'carol', label: 'carol', count: 1 },
    ]);
    expect(await discardWaiting(db, fuDb, 'alice', 'bob')).toBe(2);
    expect(await discardWaiting(db, fuDb, 'bob', 'bob')).toBe(0);
    expect((await fuDb.actions.toArray()).map((a) => a.userId).sort()).toEqual(['bob', 'carol']);
    expect(await othersWaiting(db, fuDb, 'bob')).toEqual([{ ownerId: 'carol', label: 'carol', count: 1 }]);
  });

  it("leave the new user's list to the server, and are not sent as them", async () => {
    const server: OverdueResult = {
      items: [],
      counts: { late: 0, dueSoon: 0, cadenceOverdue: 0, cadenceDue: 0, reminders: 0 },
    };
    const api = {
      overdue: vi.fn(async () => server),
      team: vi.fn(async () => {
        throw new ApiError('network');
      }),
      plan: vi.fn(async () => ({ version: 1, updatedAt: '2026-03-01T00:00:00.000Z', plan: defaultPlan })),
      snooze: vi.fn(async () => ({})),
      closeWait: vi.fn(async () => ({})),
      complete: vi.fn(async () => ({})),
      users: vi.fn(async () => []),
      plannedActivities: vi.fn(async () => []),
    };
    const service = createFollowupsService({
      db,
      fuDb,
      api: api as unknown as FollowupsApi,
      now: () => NOW,
      me: async () => ({ id: 'bob', role: 'staff' }),
      lang: async () => 'en',
      ui: { badge: async () => undefined, notify: async () => undefined },
    });
    await snoozeBy('alice', 'W1');
    await service.afterSync({ ok: true, outboxPending: 0 });
    expect((await fuHeadItem.getValue())?.source).toBe('server');
    expect(api.snooze).not.toHaveBeenCalled();
    expect(await fuDb.actions.where('state').equals('pending').count()).toBe(1);
  });
});
