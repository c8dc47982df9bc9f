import { describe, expect, it } from 'vitest';
import type { CapturedThread } from '@comms-log/shared';
import { applyNeverLog, isNeverLogged, parseNeverLogEntry } from './never-log';

describe('parseNeverLogEntry', () => {
  it('normalises addresses and domains and refuses junk', () => {
    expect(parseNeverLogEntry('  Alice@Example.COM ')).toBe('alice@example.com');
    expect(parseNeverLogEntry('@lawyers.example')).toBe('lawyers.example');
    expect(parseNeverLogEntry('1234567')).toBe('1234567');
    expect(parseNeverLogEntry('a b')).toBeNull();
    expect(parseNeverLogEntry('a@b@c.com')).toBeNull();
    expect(parseNeverLogEntry('a@nodot')).toBeNull();
    expect(parseNeverLogEntry('')).toBeNull();
  });
});

describe('isNeverLogged', () => {
  const list = ['hr@acme.cn', 'lawyers.example', '998877'];
  it('matches exact addresses, domains with subdomains, and plain handles', () => {
    expect(isNeverLogged('HR@acme.cn', list)).toBe(true);
    expect(isNeverLogged('x@lawyers.example', list)).toBe(true);
    expect(isNeverLogged('x@mail.lawyers.example', list)).toBe(true);
    expect(isNeverLogged('x@notlawyers.example', list)).toBe(false);
    expect(isNeverLogged('998877', list)).toBe(true);
    expect(isNeverLogged('other@acme.cn', list)).toBe(false);
    expect(isNeverLogged(null, list)).toBe(false);
  });
});

describe('applyNeverLog', () => {
  const thread: CapturedThread = {
    site: 'gmail',
    channel: 'email',
    url: 'https://mail.google.com/mail/u/0/#inbox/x',
    threadId: 'x',
    title: 't',
    account: { name: 'me', handle: 'me@acme.cn' },
    messages: [
      {
        id: '1',
        author: { name: 'D', handle: 'doc@clinic.example' },
        direction: 'inbound',
        sentAt: '2026-03-09T09:00:00Z',
        text: '',
      },
      {
        id: '2',
        author: { name: 'me', handle: 'me@acme.cn' },
        direction: 'outbound',
        sentAt: '2026-03-09T10:00:00Z',
        text: '',
      },
      {
        id: '3',
        author: { name: 'C', handle: 'c@customer.com' },
        direction: 'inbound',
        sentAt: '2026-03-09T11:00:00Z',
        text: '',
      },
    ],
  };
  it('drops messages by listed authors only', () => {
    const { thread: kept, removed } = applyNeverLog(thread, ['clinic.example']);
    expect(removed).toBe(1);
    expect(kept.messages.map((m) => m.id)).toEqual(['2', '3']);
  });
  it('drops the whole conversation when every outside author is listed', () => {
    const { thread: kept, removed } = applyNeverLog(thread, ['clinic.example', 'c@customer.com']);
    expect(kept.messages).toEqual([]);
    expect(removed).toBe(3);
  });
  it('keeps everything with an empty list', () => {
    expect(applyNeverLog(thread, []).thread.messages).toHaveLength(3);
  });
});
