import { describe, expect, it } from 'vitest';
import { interactionInputSchema, type CapturedThread } from '@comms-log/shared';
import { siteFixtures } from '../../sites/common/adapter-test-kit';
import { extract } from '../../sites/weibo/extract';
import {
  captureToInteractions,
  counterpartHandle,
  messageExternalId,
  threadExternalIds,
  threadKeyOf,
  type CaptureChoice,
} from './thread-to-interactions';

const thread: CapturedThread = {
  site: 'gmail',
  channel: 'email',
  url: 'https://mail.google.com/mail/u/0/#inbox/FMfcgz',
  threadId: 'FMfcgz',
  title: 'Invoice question',
  account: { name: 'Li Wei', handle: 'li.wei@acme.cn' },
  messages: [
    {
      id: 'm1',
      author: { name: 'Ann', handle: 'ann@customer.com' },
      direction: 'inbound',
      sentAt: '2026-03-09T09:00:00+08:00',
      text: 'Hello, about the invoice',
    },
    {
      id: null,
      author: { name: 'Li Wei', handle: 'li.wei@acme.cn' },
      direction: 'outbound',
      sentAt: '2026-03-09T10:30:00+08:00',
      text: 'We are on it',
    },
    {
      id: 'm3',
      author: { name: 'Robot', handle: 'no-reply@customer.com' },
      direction: 'inbound',
      sentAt: '2026-03-09T11:00:00+08:00',
      text: 'Auto',
    },
  ],
};

const choice: CaptureChoice = {
  stakeholderId: 'S1',
  stakeholderType: 'customer',
  channel: 'email',
  captureLevel: 'subject',
  purpose: 'complaint',
};

function ids() {
  let n = 0;
  return () => `01HZZZZZZZZZZZZZZZZZZZZZ${String(n++).padStart(2, '0')}`;
}

describe('captureToInteractions', () => {
  it('makes one valid interaction per message with thread key, direction and time', () => {
    const { interactions, skipped } = captureToInteractions(thread, choice, { isLogged: () => false, newId: ids() });
    expect(skipped).toBe(0);
    expect(interactions).toHaveLength(3);
    for (const i of interactions) expect(interactionInputSchema.parse(i)).toEqual(i);
    expect(
      interactions.map((i) => [i.externalId?.startsWith('h:') ? 'hash' : i.externalId, i.direction, i.occurredAt]),
    ).toEqual([
      ['m1', 'inbound', '2026-03-09T09:00:00+08:00'],
      ['hash', 'outbound', '2026-03-09T10:30:00+08:00'],
      ['m3', 'inbound', '2026-03-09T11:00:00+08:00'],
    ]);
    expect(interactions[0]).toMatchObject({
      threadKey: 'gmail:FMfcgz',
      source: 'gmail',
      stakeholderId: 'S1',
      stakeholderType: 'customer',
      title: 'Invoice question',
      snippet: null,
    });
    expect(interactions.map((i) => i.purpose)).toEqual(['complaint', 'complaint', 'complaint']);
    expect(interactions.map((i) => i.automated)).toEqual([false, false, true]);
  });

  it('skips messages already logged, so logging again adds only new ones', () => {
    const first = captureToInteractions(thread, choice, { isLogged: () => false, newId: ids() });
    const logged = new Set(first.interactions.slice(0, 2).map((i) => `${i.source}:${i.externalId}`));
    const again = captureToInteractions(thread, choice, { isLogged: (s, e) => logged.has(`${s}:${e}`), newId: ids() });
    expect(again.skipped).toBe(2);
    expect(again.interactions.map((i) => i.externalId)).toEqual(['m3']);
  });

  it('keeps only what the capture level allows', () => {
    const meta = captureToInteractions(
      thread,
      { ...choice, captureLevel: 'metadata' },
      { isLogged: () => false, newId: ids() },
    );
    expect(meta.interactions.every((i) => i.title === null && i.snippet === null)).toBe(true);
    const snip = captureToInteractions(
      thread,
      { ...choice, captureLevel: 'snippet' },
      { isLogged: () => false, newId: ids() },
    );
    expect(snip.interactions[0]).toMatchObject({ title: 'Invoice question', snippet: 'Hello, about the invoice' });
  });

  it('marks an email thread among colleagues of one company domain as internal', () => {
    const internal = {
      ...thread,
      messages: thread.messages.map((m) => ({ ...m, author: { name: 'x', handle: 'x@acme.cn' } })),
    };
    expect(
      captureToInteractions(internal, choice, { isLogged: () => false, newId: ids() }).interactions.every(
        (i) => i.internal,
      ),
    ).toBe(true);
    const freeMail = {
      ...internal,
      account: { name: 'me', handle: 'me@gmail.com' },
      messages: internal.messages.map((m) => ({ ...m, author: { name: 'x', handle: 'x@gmail.com' } })),
    };
    expect(
      captureToInteractions(freeMail, choice, { isLogged: () => false, newId: ids() }).interactions.some(
        (i) => i.internal,
      ),
    ).toBe(false);
  });
});

describe('captureToInteractions: project items and own posts', () => {
  const jira: CapturedThread = {
    site: 'jira',
    channel: 'project',
    url: 'https://hexacloud.atlassian.net/browse/ATLAS-151',
    threadId: 'ATLAS-151',
    title: 'Rotate HMAC keys',
    account: { name: 'Zhou Li', handle: '712020:a3c967ff-ae20-40c1-b16d-6aef95248411' },
    messages: [
      { ...thread.messages[0]!, id: '10296', author: { name: 'Lukas', handle: '712020:cb01' } },
      { ...thread.messages[2]!, id: '10307', author: { name: 'Lukas', handle: '712020:cb01' } },
    ],
    project: { status: 'Done', dueAt: '2026-03-13T00:00:00+08:00', doneAt: '2026-03-12T17:40:00+08:00' },
  };
  const project = { projectStatus: 'Done', dueAt: '2026-03-13T00:00:00+08:00', doneAt: '2026-03-12T17:40:00+08:00' };
  const noCounts = { reposts: null, comments: null, likes: null, reads: null, followers: null };
  const partner = { ...choice, stakeholderType: 'partner' as const, channel: 'project' as const };

  it('puts the status and dates the page shows on every row the capture sends', () => {
    const { interactions } = captureToInteractions(jira, partner, { isLogged: () => false, newId: ids() });
    expect(interactions).toHaveLength(2);
    for (const i of interactions) {
      expect(interactionInputSchema.parse(i)).toEqual(i);
      expect(i).toMatchObject({ ...project, ...noCounts, invited: null, attended: null, series: null });
    }
  });

  it('a later log sends the new status on its new rows only', () => {
    const later = { ...jira, project: { status: 'Reopened', dueAt: null, doneAt: null } };
    const again = captureToInteractions(later, partner, { isLogged: (_s, e) => e === '10296', newId: ids() });
    expect(again.interactions.map((i) => [i.externalId, i.projectStatus, i.dueAt, i.doneAt])).toEqual([
      ['10307', 'Reopened', null, null],
    ]);
  });

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
        id: null,
        author: { name: '小周', handle: '6620183457' },
        direction: 'inbound',
        sentAt: '2026-03-20T19:26:00+08:00',
        text: '能以旧换新吗？',
      },
      {
        id: null,
        author: { name: '明澜家电官方', handle: '5893321047' },
        direction: 'outbound',
        sentAt: '2026-03-20T20:02:00+08:00',
        text: '可以的',
      },
    ],
    ownPost: { reposts: 2318, comments: 3456, likes: 12000, reads: 100000, followers: 568000 },
  };
  const media = { ...choice, stakeholderType: 'media' as const, channel: 'social' as const };

  it("puts an own post's counts on the post's row only, not on our replies under it", () => {
    const { interactions } = captureToInteractions(post, media, { isLogged: () => false, newId: ids() });
    for (const i of interactions) expect(interactionInputSchema.parse(i)).toEqual(i);
    expect(interactions.map((i) => [i.direction, i.reposts, i.comments, i.likes, i.reads, i.followers])).toEqual([
      ['outbound', 2318, 3456, 12000, 100000, 568000],
      ['inbound', null, null, null, null, null],
      ['outbound', null, null, null, null, null],
    ]);
    expect(interactions.every((i) => i.projectStatus === null && i.dueAt === null)).toBe(true);
  });

  it('a post by someone else, and a thread without these fields, carry none', () => {
    const others = captureToInteractions({ ...post, ownPost: null }, media, { isLogged: () => false, newId: ids() });
    expect(others.interactions.every((i) => i.reposts === null && i.followers === null)).toBe(true);
    const mail = captureToInteractions(thread, choice, { isLogged: () => false, newId: ids() });
    for (const i of mail.interactions) expect(i).toMatchObject({ ...noCounts, projectStatus: null, doneAt: null });
  });
});

describe('messageExternalId', () => {
  const m = thread.messages[1]!;
  it('is stable for the same message seen from another time zone', () => {
    const elsewhere = { ...m, sentAt: '2026-03-09T02:30:00Z' };
    expect(messageExternalId(thread, elsewhere)).toBe(messageExternalId(thread, m));
  });
  it('differs by thread, author and time', () => {
    const base = messageExternalId(thread, m);
    expect(messageExternalId({ threadId: 'other' }, m)).not.toBe(base);
    expect(messageExternalId(thread, { ...m, author: { name: 'B', handle: 'b@acme.cn' } })).not.toBe(base);
    expect(messageExternalId(thread, { ...m, sentAt: '2026-03-09T10:31:00+08:00' })).not.toBe(base);
  });
  it('uses the page id when there is one', () => {
    expect(messageExternalId(thread, thread.messages[0]!)).toBe('m1');
  });
});

describe('counterpartHandle and threadKeyOf', () => {
  it('is the first inbound author, as an email identity on the mail sites', () => {
    expect(counterpartHandle(thread)).toEqual({ kind: 'email', value: 'ann@customer.com' });
    expect(counterpartHandle({ ...thread, site: 'weibo', channel: 'social' })).toEqual({
      kind: 'weibo',
      value: 'ann@customer.com',
    });
    expect(counterpartHandle({ ...thread, messages: [thread.messages[1]!] })).toBeNull();
    expect(threadKeyOf(thread)).toBe('gmail:FMfcgz');
  });
});

describe('captureToInteractions: two messages without a page id in one minute', () => {
  // The m.weibo.cn chat prints minutes only: Sophie sends two messages at 16:05 (fixtures/SOURCES.md).
  const f = siteFixtures('weibo').load('m-chat-media-inquiry');
  const chat = extract(f.document, { url: f.url, now: f.now, timeZone: f.timeZone })!;
  const social = { ...choice, channel: 'social' as const };
  // The ids the capture issued before same-minute messages were told apart: they must never change.
  const issued = ['h:68lbugjp2h25qku271kjl', 'h:dwhqr2n7wi1kkxepw0shb', 'h:29xfoyo3w34jo1ry1nws5'];

  it('makes one row per message, the later one of the pair under the first id with #2', () => {
    const { interactions, skipped } = captureToInteractions(chat, social, { isLogged: () => false, newId: ids() });
    expect(skipped).toBe(0);
    expect(interactions.map((i) => [i.externalId, i.occurredAt, i.snippet !== null])).toEqual([
      [issued[0], '2026-03-09T16:05:00+08:00', false],
      [`${issued[0]}#2`, '2026-03-09T16:05:00+08:00', false],
      [issued[1], '2026-03-09T17:20:00+08:00', false],
      [issued[2], '2026-03-10T09:12:00+08:00', false],
    ]);
    for (const i of interactions) expect(interactionInputSchema.parse(i)).toEqual(i);
  });

  it('keeps the id of every message that collides with none', () => {
    const ids = threadExternalIds(chat);
    expect([ids[0], ids[2], ids[3]]).toEqual(issued);
    expect(threadExternalIds(thread)).toEqual(thread.messages.map((m) => messageExternalId(thread, m)));
  });

  it('adds nothing when the thread is logged again, and only the missing one after a log made before the fix', () => {
    const first = captureToInteractions(chat, social, { isLogged: () => false, newId: ids() });
    const logged = new Set(first.interactions.map((i) => i.externalId));
    const again = captureToInteractions(chat, social, { isLogged: (_, e) => logged.has(e), newId: ids() });
    expect(again).toEqual({ interactions: [], skipped: 4 });
    const before = new Set(issued);
    const after = captureToInteractions(chat, social, { isLogged: (_, e) => before.has(e), newId: ids() });
    expect(after.interactions.map((i) => [i.externalId, i.occurredAt])).toEqual([
      [`${issued[0]}#2`, '2026-03-09T16:05:00+08:00'],
    ]);
  });

  it('numbers a third message of the minute #3, in page order', () => {
    const third = { ...chat.messages[1]!, text: 'And one more thing.' };
    const three = { ...chat, messages: [chat.messages[0]!, chat.messages[1]!, third] };
    expect(threadExternalIds(three)).toEqual([issued[0], `${issued[0]}#2`, `${issued[0]}#3`]);
  });
});
