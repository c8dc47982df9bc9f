import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { followupInputSchema, interactionInputSchema, type CapturedThread } from '@comms-log/shared';
import { logManual, logThread, type LogContext } from './log-service';
import { CommsLogDb } from '../outbox/local-db';
import { outboxRows } from '../outbox/queue';
import { createDexieSyncStore } from '../outbox/sync-store';
import { threadStatus } from '../outbox/thread-status';

let db: CommsLogDb;
let dbN = 0;
let idN = 0;
const newId = () => `01J0000000000000000000${String(idN++).padStart(4, '0')}`;

beforeEach(async () => {
  db = new CommsLogDb(`log-${dbN++}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const thread: CapturedThread = {
  site: 'weibo',
  channel: 'social',
  url: 'https://weibo.com/1234/Abc',
  threadId: 'Abc',
  title: '新品发布',
  account: { name: '官方账号', handle: '1234' },
  messages: [
    {
      id: 'c1',
      author: { name: '<img src=x onerror=alert(1)>', handle: '555' },
      direction: 'inbound',
      sentAt: '2026-03-09T09:00:00+08:00',
      text: '请问什么时候发货',
    },
    {
      id: 'c2',
      author: { name: '官方账号', handle: '1234' },
      direction: 'outbound',
      sentAt: '2026-03-09T09:20:00+08:00',
      text: '明天',
    },
    {
      id: 'c3',
      author: { name: 'spam', handle: '777' },
      direction: 'inbound',
      sentAt: '2026-03-09T09:30:00+08:00',
      text: 'x',
    },
  ],
};

function ctx(over: Partial<LogContext> = {}): LogContext {
  return {
    db,
    newId,
    now: new Date('2026-03-10T02:00:00Z'),
    captureLevel: 'snippet',
    neverLog: [],
    me: { name: 'Li', email: 'li@acme.cn' },
    ...over,
  };
}

describe('logThread', () => {
  it('queues valid interactions with the chosen purpose, then only new messages when logged again', async () => {
    const first = await logThread(ctx(), {
      thread: { ...thread, messages: thread.messages.slice(0, 2) },
      stakeholder: { id: 'S1' },
      stakeholderType: 'customer',
      channel: 'social',
      followUpOn: null,
      purpose: 'complaint',
    });
    expect(first).toEqual({ added: 2, skipped: 0, stakeholderId: 'S1' });
    const again = await logThread(ctx(), {
      thread,
      stakeholder: { id: 'S1' },
      stakeholderType: 'customer',
      channel: 'social',
      followUpOn: null,
      purpose: null,
    });
    expect(again).toMatchObject({ added: 1, skipped: 2 });
    const rows = await outboxRows(db, 'pending');
    expect(rows).toHaveLength(3);
    for (const r of rows) interactionInputSchema.parse(r.data);
    // Each log sets its own choice on the messages it adds.
    expect(rows.map((r) => (r.data as { purpose: string | null }).purpose)).toEqual(['complaint', 'complaint', null]);
    expect(rows[0]!.data).toMatchObject({
      author: { name: '<img src=x onerror=alert(1)>' },
      snippet: '请问什么时候发货',
      threadKey: 'weibo:Abc',
    });
    expect(await threadStatus(db, 'weibo:Abc')).toMatchObject({ count: 3, pending: 3 });
  });

  it('leaves out never-log authors', async () => {
    const res = await logThread(ctx({ neverLog: ['777'] }), {
      thread,
      stakeholder: { id: 'S1' },
      stakeholderType: 'customer',
      channel: 'social',
      followUpOn: null,
      purpose: null,
    });
    expect(res).toMatchObject({ added: 2, skipped: 1 });
    expect((await outboxRows(db, 'pending')).map((r) => (r.data as { externalId: string }).externalId)).toEqual([
      'c1',
      'c2',
    ]);
  });

  it('queues a new stakeholder with the counterpart handle, and a reminder', async () => {
    const res = await logThread(ctx(), {
      thread,
      stakeholder: { create: { name: 'Fan Club', type: 'media' } },
      stakeholderType: 'media',
      channel: 'social',
      followUpOn: '2026-03-12',
      purpose: null,
    });
    expect(res.stakeholderId).toMatch(/^local:/);
    const rows = await outboxRows(db, 'pending');
    expect(rows.map((r) => r.entity)).toEqual(['stakeholder', 'interaction', 'interaction', 'interaction', 'followup']);
    expect(rows[0]!.data).toMatchObject({
      name: 'Fan Club',
      type: 'media',
      identities: [{ kind: 'weibo', value: '555' }],
    });
    const followup = followupInputSchema.parse(rows[4]!.data);
    expect(followup).toMatchObject({ stakeholderId: res.stakeholderId, threadKey: 'weibo:Abc', status: 'open' });
    expect(new Date(followup.dueAt).getHours()).toBe(9);
    expect(await createDexieSyncStore(db).pendingPush(500)).toEqual([]);
  });

  it('keeps only metadata when the org says so', async () => {
    await logThread(ctx({ captureLevel: 'metadata' }), {
      thread,
      stakeholder: { id: 'S1' },
      stakeholderType: 'customer',
      channel: 'social',
      followUpOn: null,
      purpose: null,
    });
    const rows = await outboxRows(db, 'pending');
    expect(
      rows.every(
        (r) =>
          (r.data as { title: null; snippet: null }).title === null && (r.data as { snippet: null }).snippet === null,
      ),
    ).toBe(true);
  });
});

describe('logThread: latest values of rows logged before', () => {
  const jira: CapturedThread = {
    site: 'jira',
    channel: 'project',
    url: 'https://hexacloud.atlassian.net/browse/ATLAS-151',
    threadId: 'ATLAS-151',
    title: 'Rotate HMAC keys',
    account: { name: 'Zhou Li', handle: '712020:a3c9' },
    messages: [
      {
        id: '10296',
        author: { name: 'Lukas', handle: '712020:cb01' },
        direction: 'inbound',
        sentAt: '2026-03-09T09:00:00+08:00',
        text: 'Keys rotated?',
      },
      {
        id: '10307',
        author: { name: 'Zhou Li', handle: '712020:a3c9' },
        direction: 'outbound',
        sentAt: '2026-03-09T10:00:00+08:00',
        text: 'Tomorrow',
      },
    ],
    project: { status: 'In Progress', dueAt: '2026-03-13T00:00:00+08:00', doneAt: null },
  };
  const post: CapturedThread = {
    site: 'weibo',
    channel: 'social',
    url: 'https://weibo.com/5893321047/QvA3kLmP2',
    threadId: 'QvA3kLmP2',
    title: '新品发布',
    account: { name: '明澜家电官方', handle: '5893321047' },
    messages: [
      {
        id: 'QvA3kLmP2',
        author: { name: '明澜家电官方', handle: '5893321047' },
        direction: 'outbound',
        sentAt: '2026-03-20T19:00:00+08:00',
        text: '新品发布',
      },
      {
        id: 'c9',
        author: { name: '小周', handle: '6620183457' },
        direction: 'inbound',
        sentAt: '2026-03-20T19:26:00+08:00',
        text: '能以旧换新吗？',
      },
    ],
    ownPost: { reposts: 10, comments: 20, likes: 30, reads: 400, followers: 5000 },
  };
  const log = (t: CapturedThread, over: Partial<LogContext> = {}) =>
    logThread(ctx(over), {
      thread: t,
      stakeholder: { id: 'S1' },
      stakeholderType: 'partner',
      channel: t.channel,
      followUpOn: null,
      purpose: null,
    });

  /** The server took everything queued: the outbox is empty and the local copy synced. */
  async function synced(): Promise<void> {
    const store = createDexieSyncStore(db);
    const sent = await store.pendingPush(500);
    const applied = sent.map((p) => ({ id: p.id, entity: 'interaction' as const, mergedInto: null }));
    await store.applyPushResult(sent, { applied, rejected: [], cursor: 1 });
    expect(await outboxRows(db, 'pending')).toEqual([]);
  }

  it('queues the logged rows again, same ids, with a changed status and dates, and adds no row', async () => {
    await log(jira);
    const first = await db.interactions.toArray();
    await synced();
    // What a pull adds to the local copy stays there and is not sent.
    await db.interactions.update(first[0]!.id, { repliedAt: '2026-03-09T02:00:00.000Z', userId: 'U1' });
    const done = { status: 'Done', dueAt: '2026-03-13T00:00:00+08:00', doneAt: '2026-03-12T17:40:00+08:00' };
    expect(await log({ ...jira, project: done })).toMatchObject({ added: 0, skipped: 2 });
    const rows = await outboxRows(db, 'pending');
    expect(rows.map((r) => r.id).sort()).toEqual(first.map((i) => i.id).sort());
    for (const r of rows) {
      const data = interactionInputSchema.parse(r.data);
      const stored = first.find((i) => i.id === r.id)!;
      const { loggedAt: _l, pending: _p, ...fields } = stored;
      expect(data).toEqual({ ...fields, projectStatus: 'Done', doneAt: done.doneAt });
      expect(r.data).not.toHaveProperty('repliedAt');
      expect(r.known).toBe(true);
    }
    expect(await db.interactions.count()).toBe(2);
    expect(await db.interactions.get(first[0]!.id)).toMatchObject({
      projectStatus: 'Done',
      repliedAt: '2026-03-09T02:00:00.000Z',
      loggedAt: first[0]!.loggedAt,
      pending: true,
    });
  });

  it('queues nothing when the status, dates and counts are the same, however the times are written', async () => {
    await log(jira);
    await log(post);
    await synced();
    const sameInstant = { ...jira.project!, dueAt: '2026-03-12T16:00:00Z' };
    expect(await log({ ...jira, project: sameInstant })).toMatchObject({ added: 0, skipped: 2 });
    await log(post);
    // A capture without the group leaves the stored values as they are.
    await log({ ...jira, project: null });
    expect(await outboxRows(db, 'pending')).toEqual([]);
  });

  it("queues only the own post's row again when its counts grew, alongside a new comment", async () => {
    await log(post);
    await synced();
    const postRow = (await db.interactions.toArray()).find((i) => i.externalId === 'QvA3kLmP2')!;
    const grown = { reposts: 12, comments: 25, likes: 31, reads: 480, followers: 5003 };
    const reply = {
      id: 'c10',
      author: { name: '明澜家电官方', handle: '5893321047' },
      direction: 'outbound' as const,
      sentAt: '2026-03-20T20:00:00+08:00',
      text: '可以',
    };
    await log({ ...post, messages: [...post.messages, reply], ownPost: grown });
    const rows = (await outboxRows(db, 'pending')).map((r) => interactionInputSchema.parse(r.data));
    expect(rows.map((r) => [r.externalId, r.id === postRow.id, r.reposts, r.reads])).toEqual([
      ['c10', false, null, null],
      ['QvA3kLmP2', true, 12, 480],
    ]);
    expect(rows[1]).toMatchObject(grown);
  });

  it('leaves a refused change and a row whose author is on the never-log list now as they are', async () => {
    await log(jira);
    const store = createDexieSyncStore(db);
    const sent = await store.pendingPush(500);
    const [refused, taken] = sent;
    await store.applyPushResult(sent, {
      applied: [{ id: taken!.id, entity: 'interaction', mergedInto: null }],
      rejected: [{ id: refused!.id, reason: 'stakeholder unknown' }],
      cursor: 1,
    });
    const later = { ...jira, project: { status: 'Done', dueAt: null, doneAt: null } };
    await log(later, { neverLog: ['712020:a3c9'] });
    expect(await outboxRows(db, 'pending')).toEqual([]);
    expect(await outboxRows(db, 'rejected')).toMatchObject([{ id: refused!.id, reason: 'stakeholder unknown' }]);
    await log(later);
    expect((await outboxRows(db, 'pending')).map((r) => r.id)).toEqual([taken!.id]);
  });
});

describe('logManual', () => {
  it('queues one interaction with duration and note', async () => {
    await db.stakeholders.put({
      id: 'S7',
      name: 'Partner Co',
      type: 'partner',
      tier: 'core',
      organization: null,
      ownerUserId: null,
      cadenceOverride: null,
      active: true,
      identities: [],
      updatedAt: '2026-01-01T00:00:00Z',
      identityKeys: [],
      nameLower: 'partner co',
      pending: false,
    });
    const { id } = await logManual(ctx(), {
      stakeholderId: 'S7',
      stakeholderType: 'customer',
      channel: 'video',
      direction: 'outbound',
      occurredAt: '2026-03-10T10:00:00+08:00',
      durationMin: 45,
      note: ' quarterly review ',
      purpose: 'periodic_review',
    });
    const [row] = await outboxRows(db, 'pending');
    const data = interactionInputSchema.parse(row!.data);
    expect(data).toMatchObject({
      id,
      source: 'manual',
      channel: 'video',
      stakeholderType: 'partner',
      durationMin: 45,
      note: 'quarterly review',
      purpose: 'periodic_review',
      author: { name: 'Li', handle: 'li@acme.cn' },
      threadKey: `manual:${id}`,
    });
  });

  it('puts a meeting’s headcounts and series on the interaction, and none on a chat', async () => {
    const base = {
      stakeholderId: 'S9',
      stakeholderType: 'partner' as const,
      direction: 'outbound' as const,
      occurredAt: '2026-03-10T10:00:00+08:00',
      durationMin: 60,
      note: '',
      purpose: null,
    };
    await logManual(ctx(), { ...base, channel: 'in_person', invited: 12, attended: 10, series: 'Weekly sync' });
    await logManual(ctx(), { ...base, channel: 'im' });
    const rows = await outboxRows(db, 'pending');
    const data = rows.map((r) => interactionInputSchema.parse(r.data));
    expect(data.find((d) => d.channel === 'in_person')).toMatchObject({
      invited: 12,
      attended: 10,
      series: 'Weekly sync',
    });
    expect(data.find((d) => d.channel === 'im')).toMatchObject({ invited: null, attended: null, series: null });
  });
});
