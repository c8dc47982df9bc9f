// @vitest-environment happy-dom
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { translate, type MessageKey } from '../../lib/i18n';
import type { RejectedItem } from '../../lib/outbox/rejected';

const sendToBackground = vi.fn();
vi.mock('../../lib/messages', () => ({ sendToBackground: (...args: unknown[]) => sendToBackground(...args) }));
vi.mock('../../lib/storage-items', () => ({ syncStatusItem: {} }));
vi.mock('../use-storage-item', () => ({ useStorageItem: () => undefined }));

const { RejectedList } = await import('./rejected-list');

const t = (key: MessageKey, ...subs: (string | number)[]) => translate('en', key, ...subs);
afterEach(cleanup);

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

function buttons(name: string): HTMLElement[] {
  return screen.queryAllByRole('button', { name });
}

/** What each refused item is, as its first line says. */
function titles(): (string | null)[] {
  return screen.queryAllByRole('listitem').map((li) => within(li).getAllByRole('paragraph')[0]!.textContent);
}

async function click(b: HTMLElement | undefined) {
  if (!b) throw new Error('no such button');
  await userEvent.click(b);
  await flush();
}

describe('RejectedList', () => {
  it('says what each refused item is and why, in plain words', async () => {
    render(<RejectedList t={t} lang="en" />);
    await flush();
    const rows = titles();
    expect(rows[0]).toMatch(/^Email from Marcus Reid, Mar \d{1,2}, \d\d:\d\d$/);
    expect(rows[1]).toBe('Reminder: Send the quote');
    expect(screen.getByText("marcus@reid.example is on your organisation's never-log list.")).toBeTruthy();
    expect(screen.getByText('The stakeholder no longer exists in your organisation.')).toBeTruthy();
    expect(buttons('Retry')).toHaveLength(2);
    expect(buttons('Discard')).toHaveLength(2);
    expect(buttons('Retry all')).toHaveLength(1);
  });

  it('retries one item, or all of them, through the background', async () => {
    const { rerender } = render(<RejectedList t={t} lang="en" />);
    await flush();
    await click(buttons('Retry')[1]);
    expect(sendToBackground).toHaveBeenCalledWith('rej-retry', { keys: ['followup:F1'] });
    expect(screen.getAllByRole('listitem')).toHaveLength(1);
    outbox = [email, reminder];
    rerender(<RejectedList t={t} lang="en" key="again" />);
    await flush();
    await click(buttons('Retry all')[0]);
    expect(sendToBackground).toHaveBeenCalledWith('rej-retry', { keys: null });
    expect(screen.queryByRole('region', { name: /Not synced/ })).toBeNull();
  });

  it('discards only after a confirmation', async () => {
    render(<RejectedList t={t} lang="en" />);
    await flush();
    await click(buttons('Discard')[0]);
    expect(sendToBackground).not.toHaveBeenCalledWith('rej-discard', expect.anything());
    await click(buttons('Cancel')[0]);
    expect(buttons('Discard')).toHaveLength(2);
    await click(buttons('Discard')[0]);
    await click(buttons('Yes, discard')[0]);
    expect(sendToBackground).toHaveBeenCalledWith('rej-discard', { key: 'interaction:A' });
    expect(titles()).toEqual(['Reminder: Send the quote']);
  });
});
