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
