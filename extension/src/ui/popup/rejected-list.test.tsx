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

const outcome: RejectedItem = {
  key: 'thread_outcome:O1',
  entity: 'thread_outcome',
  op: 'upsert',
  reason: 'This conversation is already resolved (2026-03-09T02:00:00.000Z): reopen it first.',
  queuedAt: '2026-03-09T02:20:00Z',
  outcome: { threadKey: 'gmail:T1', event: 'resolved', at: '2026-03-09T10:14:00Z', title: 'Broken picker arm' },
};
const coverage: RejectedItem = {
  key: 'coverage:C1',
  entity: 'coverage',
  op: 'upsert',
  reason: 'invalid coverage: url: must be a web link (https://…)',
  queuedAt: '2026-03-09T02:20:00Z',
  coverage: { title: '北风机器人发布新品' },
};

describe('RejectedList', () => {
  it("lists a refused resolution and coverage item with the server's reason, to retry or discard", async () => {
    outbox = [outcome, coverage];
    render(<RejectedList t={t} lang="en" />);
    await flush();
    expect(titles()[0]).toMatch(/^Marked resolved: Broken picker arm \(Mar \d{1,2}, \d\d:\d\d\)$/);
    expect(titles()[1]).toBe('Media coverage: 北风机器人发布新品');
    expect(screen.getByText(/already resolved .*: reopen it first\./)).toBeTruthy();
    expect(screen.getByText(/url: must be a web link/)).toBeTruthy();
    await click(buttons('Retry')[0]);
    expect(sendToBackground).toHaveBeenCalledWith('rej-retry', { keys: ['thread_outcome:O1'] });
    cleanup();
    outbox = [outcome];
    render(<RejectedList t={(key, ...subs) => translate('zh_CN', key, ...subs)} lang="zh_CN" />);
    await flush();
    expect(titles()[0]).toMatch(/^标记为已解决：Broken picker arm（/);
  });

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
