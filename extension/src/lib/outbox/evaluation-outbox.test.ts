import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { InteractionData, MediaCoverageData, ThreadOutcomeData } from '@comms-log/shared';
import { ApiError } from '../api/error';
import { enqueueCoverage } from './coverage';
import { queueCoverage, queueThreadOutcome } from './evaluation-requests';
import { CommsLogDb } from './local-db';
import { enqueueInteractions, outboxRows } from './queue';
import { discardRejected, rejectedItems, retryRejected } from './rejected';
import { createDexieSyncStore } from './sync-store';
import { enqueueThreadOutcome, threadOutcomeStates } from './thread-outcomes';

let db: CommsLogDb;
let n = 0;

beforeEach(async () => {
  db = new CommsLogDb(`eval-test-${n++}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const resolve: ThreadOutcomeData = {
  threadKey: 'gmail:T1',
  event: 'resolved',
  at: '2026-03-10T10:00:00+08:00',
  note: 'refund sent',
};
const reopen: ThreadOutcomeData = { threadKey: 'gmail:T1', event: 'reopened', at: '2026-03-11T09:00:00+08:00' };
const coverage: MediaCoverageData = {
  id: '01JQ0000000000000000000001',
  outletStakeholderId: 'M1',
  title: 'Launch reviewed',
  url: 'https://news.example.com/launch',
  publishedAt: '2026-03-09T08:00:00+08:00',
  tone: 'positive',
  reach: 12000,
};

function message(id: string, occurredAt: string): InteractionData {
  return {
    id,
    source: 'gmail',
    externalId: `m-${id}`,
    threadKey: 'gmail:T1',
    channel: 'email',
    direction: 'inbound',
    occurredAt,
    stakeholderId: 'S1',
    stakeholderType: 'customer',
    author: { name: 'Ann', handle: 'ann@customer.com' },
    title: null,
    snippet: null,
    url: null,
    durationMin: null,
    note: null,
    automated: false,
    internal: false,
    purpose: 'complaint',
  };
}

describe('thread outcomes in the outbox', () => {
  it('queues a resolve as a thread_outcome push item and shows the thread resolved at once', async () => {
    await enqueueInteractions(db, [
      message('A', '2026-03-09T11:00:00+08:00'),
      message('B', '2026-03-09T09:00:00+08:00'),
    ]);
    await enqueueThreadOutcome(db, 'O1', resolve, new Date('2026-03-10T03:00:00Z'));
    const pushed = await createDexieSyncStore(db).pendingPush(500);
    expect(pushed.at(-1)).toEqual({ op: 'upsert', entity: 'thread_outcome', id: 'O1', data: resolve });
    expect(await threadOutcomeStates(db, ['gmail:T1', 'gmail:none'])).toEqual({
      'gmail:T1': {
        threadKey: 'gmail:T1',
        resolved: true,
        resolvedAt: '2026-03-10T02:00:00.000Z',
        pending: true,
        firstAt: '2026-03-09T09:00:00+08:00',
      },
      'gmail:none': { threadKey: 'gmail:none', resolved: false, resolvedAt: null, pending: false, firstAt: null },
    });
  });

  it('an applied outcome leaves the outbox and stays as the local state; a reopen undoes the resolve', async () => {
    const store = createDexieSyncStore(db);
    await enqueueThreadOutcome(db, 'O1', resolve, new Date('2026-03-10T03:00:00Z'));
    await store.applyPushResult(await store.pendingPush(500), {
      applied: [{ id: 'O1', entity: 'thread_outcome', mergedInto: null }],
      rejected: [],
      cursor: 5,
    });
    expect(await outboxRows(db, 'pending')).toEqual([]);
    expect((await threadOutcomeStates(db, ['gmail:T1']))['gmail:T1']).toMatchObject({ resolved: true, pending: false });
    await enqueueThreadOutcome(db, 'O2', reopen, new Date('2026-03-11T02:00:00Z'));
    expect((await threadOutcomeStates(db, ['gmail:T1']))['gmail:T1']).toMatchObject({
      resolved: false,
      resolvedAt: null,
      pending: true,
    });
  });

  it('a refused outcome is listed with its reason, does not count, and discarding it drops the local record', async () => {
    const store = createDexieSyncStore(db);
    await enqueueInteractions(db, [{ ...message('A', '2026-03-09T11:00:00+08:00'), title: 'Broken picker arm' }]);
    await store.applyPushResult(await store.pendingPush(500), {
      applied: [{ id: 'A', entity: 'interaction', mergedInto: null }],
      rejected: [],
      cursor: 1,
    });
    await enqueueThreadOutcome(db, 'O1', resolve);
    const reason = 'This conversation is already resolved (2026-03-09T02:00:00.000Z): reopen it first.';
    await store.applyPushResult(await store.pendingPush(500), {
      applied: [],
      rejected: [{ id: 'O1', reason }],
      cursor: 0,
    });
    expect(await rejectedItems(db)).toMatchObject([
      {
        key: 'thread_outcome:O1',
        entity: 'thread_outcome',
        reason,
        outcome: { threadKey: 'gmail:T1', event: 'resolved', at: resolve.at, title: 'Broken picker arm' },
      },
    ]);
    expect((await threadOutcomeStates(db, ['gmail:T1']))['gmail:T1']!.resolved).toBe(false);
    expect(await retryRejected(db, ['thread_outcome:O1'])).toBe(1);
    expect((await threadOutcomeStates(db, ['gmail:T1']))['gmail:T1']!.resolved).toBe(true);
    await store.applyPushResult(await store.pendingPush(500), {
      applied: [],
      rejected: [{ id: 'O1', reason }],
      cursor: 0,
    });
    expect(await discardRejected(db, 'thread_outcome:O1')).toBe(true);
    expect(await db.threadOutcomes.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.interactions.count()).toBe(1);
  });
});

describe('coverage in the outbox', () => {
  it('queues a coverage item as given; queuing the same id again replaces it; applied leaves the outbox', async () => {
    const store = createDexieSyncStore(db);
    await enqueueCoverage(db, coverage);
    await enqueueCoverage(db, { ...coverage, tone: 'negative' });
    const pushed = await store.pendingPush(500);
    expect(pushed).toEqual([
      { op: 'upsert', entity: 'coverage', id: coverage.id, data: { ...coverage, tone: 'negative' } },
    ]);
    await store.applyPushResult(pushed, {
      applied: [{ id: coverage.id, entity: 'coverage', mergedInto: null }],
      rejected: [],
      cursor: 3,
    });
    expect(await db.outbox.count()).toBe(0);
  });

  it('a refused coverage item is listed by its title and can be discarded', async () => {
    const store = createDexieSyncStore(db);
    await enqueueCoverage(db, coverage);
    const reason = 'The outlet must be a media stakeholder';
    await store.applyPushResult(await store.pendingPush(500), {
      applied: [],
      rejected: [{ id: coverage.id, reason }],
      cursor: 0,
    });
    expect(await rejectedItems(db)).toMatchObject([
      { entity: 'coverage', reason, coverage: { title: 'Launch reviewed' } },
    ]);
    expect(await discardRejected(db, `coverage:${coverage.id}`)).toBe(true);
    expect(await db.outbox.count()).toBe(0);
  });
});

describe('pages check a record before it is queued', () => {
  beforeEach(() => fakeBrowser.reset());

  it('refuses a bad outcome or coverage item with what to fix, sending nothing to the background', async () => {
    const sent: unknown[] = [];
    fakeBrowser.runtime.onMessage.addListener((m: unknown) => {
      sent.push(m);
    });
    const bad = queueThreadOutcome({ ...resolve, at: 'yesterday', event: 'closed' as 'resolved' });
    await expect(bad).rejects.toBeInstanceOf(ApiError);
    await expect(bad).rejects.toMatchObject({ code: 'invalid', detail: expect.stringMatching(/event: .*; at: /) });
    const clarifiedEarly = queueCoverage({ ...coverage, tone: 'negative', clarifiedAt: '2026-03-01T00:00:00Z' });
    await expect(clarifiedEarly).rejects.toMatchObject({
      code: 'invalid',
      detail: 'clarifiedAt: The clarification date is before the publication date',
    });
    expect(sent).toEqual([]);
  });

  it('sends a good record to the background as the schema outputs it', async () => {
    const sent: unknown[] = [];
    // The fake browser answers with what the listener returns.
    fakeBrowser.runtime.onMessage.addListener(async (m: unknown) => {
      sent.push(m);
      return { ok: true, value: { id: coverage.id } };
    });
    await expect(queueCoverage({ ...coverage, title: '  Launch reviewed  ' })).resolves.toEqual({ id: coverage.id });
    expect(sent).toEqual([{ type: 'coverage-queue', payload: { data: coverage }, commsLog: 1 }]);
  });
});
