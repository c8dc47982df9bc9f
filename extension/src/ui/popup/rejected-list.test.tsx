// @vitest-environment happy-dom
import { act } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { translate, type MessageKey } from '../../lib/i18n';
import type { RejectedItem } from '../../lib/outbox/rejected';
import { reactRootPerTest } from '../testing/react-root';

const sendToBackground = vi.fn();
vi.mock('../../lib/messages', () => ({ sendToBackground: (...args: unknown[]) => sendToBackground(...args) }));
vi.mock('../../lib/storage-items', () => ({ syncStatusItem: {} }));
vi.mock('../use-storage-item', () => ({ useStorageItem: () => undefined }));

const { RejectedList } = await import('./rejected-list');

const t = (key: MessageKey, ...subs: (string | number)[]) => translate('en', key, ...subs);
const dom = reactRootPerTest();

const email: RejectedItem = {
  key: 'interaction:A',
  entity: 'interaction',
  op: 'upsert',
  reason: 'marcus@reid.example is on the never-log list',
  queuedAt: '2026-03-09T02:20:00Z',
  interaction: {
    channel: 'email',
    direction: 'inbound',
    who: 'Marcus Reid',
    occurredAt: '2026-03-09T10:14:00Z',
    title: null,
  },
};
const reminder: RejectedItem = {
  key: 'followup:F1',
  entity: 'followup',
  op: 'upsert',
  reason: 'stakeholderId: no stakeholder S1 in your org',
  queuedAt: '2026-03-09T02:20:00Z',
  followup: { note: 'Send the quote', dueAt: '2026-03-12T01:00:00Z' },
};

let outbox: RejectedItem[];

beforeEach(() => {
  outbox = [email, reminder];
  sendToBackground.mockReset();
  sendToBackground.mockImplementation(async (type: string, req: { key?: string; keys?: string[] | null }) => {
    if (type === 'rej-list') return outbox;
    if (type === 'rej-retry') {
      const before = outbox.length;
      outbox = req.keys === null ? [] : outbox.filter((i) => !req.keys!.includes(i.key));
      return { retried: before - outbox.length };
    }
    if (type === 'rej-discard') {
      outbox = outbox.filter((i) => i.key !== req.key);
      return { discarded: true };
    }
    throw new Error(type);
  });
});

async function flush() {
  await act(async () => {
    await new Promise((r) => setTimeout(r, 0));
  });
}

function buttons(name: string): HTMLButtonElement[] {
  return [...dom.container.querySelectorAll('button')].filter((b) => b.textContent === name);
}

async function click(b: HTMLButtonElement | undefined) {
  if (!b) throw new Error('no such button');
  await act(async () => b.click());
  await flush();
}

describe('RejectedList', () => {
  it('says what each refused item is and why, in plain words', async () => {
    act(() => dom.root.render(<RejectedList t={t} lang="en" />));
    await flush();
    const rows = [...dom.container.querySelectorAll('li')].map((li) => li.querySelector('.rej-what')?.textContent);
    expect(rows[0]).toMatch(/^Email from Marcus Reid, Mar \d{1,2}, \d\d:\d\d$/);
    expect(rows[1]).toBe('Reminder: Send the quote');
    expect(dom.container.textContent).toContain("marcus@reid.example is on your organisation's never-log list.");
    expect(dom.container.textContent).toContain('The stakeholder no longer exists in your organisation.');
    expect(buttons('Retry')).toHaveLength(2);
    expect(buttons('Discard')).toHaveLength(2);
    expect(buttons('Retry all')).toHaveLength(1);
  });

  it('retries one item, or all of them, through the background', async () => {
    act(() => dom.root.render(<RejectedList t={t} lang="en" />));
    await flush();
    await click(buttons('Retry')[1]);
    expect(sendToBackground).toHaveBeenCalledWith('rej-retry', { keys: ['followup:F1'] });
    expect(dom.container.querySelectorAll('li')).toHaveLength(1);
    outbox = [email, reminder];
    await act(async () => dom.root.render(<RejectedList t={t} lang="en" key="again" />));
    await flush();
    await click(buttons('Retry all')[0]);
    expect(sendToBackground).toHaveBeenCalledWith('rej-retry', { keys: null });
    expect(dom.container.querySelector('[data-testid=rejected-list]')).toBeNull();
  });

  it('discards only after a confirmation', async () => {
    act(() => dom.root.render(<RejectedList t={t} lang="en" />));
    await flush();
    await click(buttons('Discard')[0]);
    expect(sendToBackground).not.toHaveBeenCalledWith('rej-discard', expect.anything());
    await click(buttons('Cancel')[0]);
    expect(buttons('Discard')).toHaveLength(2);
    await click(buttons('Discard')[0]);
    await click(buttons('Yes, discard')[0]);
    expect(sendToBackground).toHaveBeenCalledWith('rej-discard', { key: 'interaction:A' });
    expect([...dom.container.querySelectorAll('li')].map((li) => li.querySelector('.rej-what')?.textContent)).toEqual([
      'Reminder: Send the quote',
    ]);
  });
});
