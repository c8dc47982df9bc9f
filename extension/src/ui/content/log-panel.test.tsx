// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CapturedThread } from '@comms-log/shared';
import { formatDateTime, translate, type MessageKey } from '../../lib/i18n';

const sendToBackground = vi.fn();
vi.mock('../../lib/messages', () => ({ sendToBackground: (...args: unknown[]) => sendToBackground(...args) }));
vi.mock('../use-t', () => ({
  useT: () => ({ lang: 'en', t: (key: MessageKey, ...subs: (string | number)[]) => translate('en', key, ...subs) }),
}));

const { LogPanel } = await import('./log-panel');

const hostileName = '<img src=x onerror="globalThis.__pwned=1">Ann';
const thread: CapturedThread = {
  site: 'gmail',
  channel: 'email',
  url: 'https://mail.google.com/mail/u/0/#inbox/T1',
  threadId: 'T1',
  title: 'Question',
  account: { name: 'Me', handle: 'me@acme.cn' },
  messages: [
    {
      id: 'm1',
      author: { name: hostileName, handle: 'ann@customer.com' },
      direction: 'inbound',
      sentAt: '2026-03-09T09:00:00+08:00',
      text: 'hi',
    },
    {
      id: 'm2',
      author: { name: 'Me', handle: 'me@acme.cn' },
      direction: 'outbound',
      sentAt: '2026-03-09T10:00:00+08:00',
      text: 'hello',
    },
  ],
};

afterEach(cleanup);

beforeEach(() => {
  sendToBackground.mockReset();
});

async function flush() {
  await act(async () => {
    await new Promise((r) => setTimeout(r, 0));
  });
}

describe('LogPanel', () => {
  it('pre-fills a known stakeholder, focuses Save so Enter logs, and sends only the choice', async () => {
    sendToBackground.mockImplementation(async (type: string) => {
      if (type === 'thread-status')
        return { count: 1, lastLoggedAt: '2026-03-09T12:00:00Z', pending: 0, externalIds: ['gmail:m1'] };
      if (type === 'match-handles')
        return [
          {
            handle: { kind: 'email', value: 'ann@customer.com' },
            stakeholder: { id: 'S1', name: 'Customer Co', type: 'partner', organization: null, pending: false },
            via: 'domain',
          },
        ];
      if (type === 'log-thread') return { added: 1, skipped: 1, stakeholderId: 'S1' };
      throw new Error(type);
    });
    const onSaved = vi.fn();
    render(
      <LogPanel content={{ kind: 'thread', thread, neverLogRemoved: 0 }} onClose={() => undefined} onSaved={onSaved} />,
    );
    await flush();
    expect(screen.getByRole('form', { name: 'Log this conversation' })).toBeTruthy();
    expect(screen.getByText('Customer Co')).toBeTruthy();
    expect(screen.getByText(/1 new since last logged/)).toBeTruthy();
    const save = screen.getByRole('button', { name: 'Save' });
    expect(document.activeElement).toBe(save);
    await userEvent.keyboard('{Enter}');
    await flush();
    const call = sendToBackground.mock.calls.find(([type]) => type === 'log-thread');
    expect(call?.[1]).toMatchObject({
      stakeholder: { id: 'S1' },
      stakeholderType: 'partner',
      channel: 'email',
      followUpOn: null,
    });
    expect(onSaved).toHaveBeenCalled();
    expect(screen.getByRole('status').textContent).toBe('Logged 1 new messages.');
  });

  it('offers a new stakeholder named after the sender, rendering page text as text only', async () => {
    sendToBackground.mockImplementation(async (type: string) => {
      if (type === 'thread-status') return { count: 0, lastLoggedAt: null, pending: 0, externalIds: [] };
      if (type === 'match-handles')
        return [{ handle: { kind: 'email', value: 'ann@customer.com' }, stakeholder: null, via: null }];
      if (type === 'purpose-hints') return { purposes: [], last: { thread: null, stakeholder: null } };
      return [];
    });
    render(
      <LogPanel
        content={{ kind: 'thread', thread, neverLogRemoved: 0 }}
        onClose={() => undefined}
        onSaved={() => undefined}
      />,
    );
    await flush();
    const input = screen.getByRole<HTMLInputElement>('textbox', { name: 'Stakeholder name' });
    expect(input.value).toBe(hostileName);
    expect(screen.queryByRole('img', { hidden: true })).toBeNull();
    expect((globalThis as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('lists the messages it is about to log: in or out, who and when', async () => {
    sendToBackground.mockImplementation(async (type: string) => {
      if (type === 'thread-status') return { count: 0, lastLoggedAt: null, pending: 0, externalIds: [] };
      if (type === 'match-handles')
        return [{ handle: { kind: 'email', value: 'ann@customer.com' }, stakeholder: null, via: null }];
      if (type === 'purpose-hints') return { purposes: [], last: { thread: null, stakeholder: null } };
      return [];
    });
    render(
      <LogPanel
        content={{ kind: 'thread', thread, neverLogRemoved: 0 }}
        onClose={() => undefined}
        onSaved={() => undefined}
      />,
    );
    await flush();
    const list = screen.getByRole('list', { name: 'Messages to log' });
    expect(Array.from(list.querySelectorAll('li'), (li) => li.textContent)).toEqual([
      `In${hostileName}${formatDateTime('en', thread.messages[0]!.sentAt)}`,
      `OutMe${formatDateTime('en', thread.messages[1]!.sentAt)}`,
    ]);
  });
});
