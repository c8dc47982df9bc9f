// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_PURPOSES } from '@comms-log/shared/domain';
import type { CapturedThread } from '@comms-log/shared';
import { translate, type MessageKey } from '../../lib/i18n';
import type { LastPurposes } from '../../lib/capture/purpose-choice';
import type { ThreadOutcomeState } from '../../lib/outbox/thread-outcomes';

const ui = vi.hoisted(() => ({ lang: 'en' as 'en' | 'zh_CN' }));
const sendToBackground = vi.fn();
vi.mock('../../lib/messages', () => ({ sendToBackground: (...args: unknown[]) => sendToBackground(...args) }));
vi.mock('../use-t', () => ({
  useT: () => ({
    lang: ui.lang,
    t: (key: MessageKey, ...subs: (string | number)[]) => translate(ui.lang, key, ...subs),
  }),
}));

const { LogPanel } = await import('./log-panel');

const thread: CapturedThread = {
  site: 'gmail',
  channel: 'email',
  url: 'https://mail.google.com/mail/u/0/#inbox/T1',
  threadId: 'T1',
  title: 'The picker arm broke again',
  account: { name: 'Me', handle: 'me@acme.cn' },
  messages: [
    {
      id: 'm1',
      author: { name: 'Marcus', handle: 'marcus@customer.com' },
      direction: 'inbound',
      sentAt: '2026-03-09T09:00:00+08:00',
      text: 'Broken',
    },
  ],
};
const marcus = { id: 'S1', name: 'Customer Co', type: 'customer', organization: null, pending: false };
const FIRST_AT = '2026-03-09T01:00:00.000Z';

type Setup = { last?: LastPurposes; outcome?: Partial<ThreadOutcomeState> };

/** The background as the panel sees it: a known customer, the default purposes, the thread's local state. */
function background({ last = { thread: null, stakeholder: null }, outcome = {} }: Setup = {}) {
  let state: ThreadOutcomeState = {
    threadKey: 'gmail:T1',
    resolved: false,
    resolvedAt: null,
    pending: false,
    firstAt: FIRST_AT,
    ...outcome,
  };
  sendToBackground.mockImplementation(async (type: string, req: { data?: { event: string; at: string } }) => {
    if (type === 'thread-status') return { count: 1, lastLoggedAt: FIRST_AT, pending: 0, externalIds: [] };
    if (type === 'match-handles') return [{ handle: {}, stakeholder: marcus, via: 'exact' }];
    if (type === 'purpose-hints') return { purposes: [...DEFAULT_PURPOSES], last };
    if (type === 'outcome-states') return { 'gmail:T1': state };
    if (type === 'log-thread') return { added: 1, skipped: 0, stakeholderId: 'S1' };
    if (type === 'outcome-queue') {
      const resolved = req.data!.event === 'resolved';
      state = { ...state, resolved, resolvedAt: resolved ? req.data!.at : null, pending: true };
      return { id: 'O1', state };
    }
    throw new Error(type);
  });
}

async function flush() {
  await act(async () => {
    await new Promise((r) => setTimeout(r, 0));
  });
}

async function openPanel() {
  render(
    <LogPanel
      content={{ kind: 'thread', thread, neverLogRemoved: 0 }}
      onClose={() => undefined}
      onSaved={() => undefined}
    />,
  );
  await flush();
  await flush();
}

const sent = (type: string) => sendToBackground.mock.calls.filter(([t]) => t === type).map(([, req]) => req);
const optionLabels = (select: HTMLElement) =>
  within(select)
    .getAllByRole('option')
    .map((o) => o.textContent);

afterEach(cleanup);
beforeEach(() => {
  ui.lang = 'en';
  sendToBackground.mockReset();
});

describe('Log this: the purpose', () => {
  it("offers the stakeholder type's purposes, preselects the stakeholder's last one and logs the choice", async () => {
    background({ last: { thread: null, stakeholder: 'market_research' } });
    await openPanel();
    const purpose = screen.getByRole<HTMLSelectElement>('combobox', { name: 'Purpose' });
    expect(optionLabels(purpose)).toEqual([
      'None',
      'Product feedback',
      'Satisfaction survey',
      'Market research',
      'Complaint',
    ]);
    expect(purpose.value).toBe('market_research');
    await userEvent.selectOptions(purpose, 'Complaint');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await flush();
    expect(sent('log-thread')[0]).toMatchObject({ stakeholder: { id: 'S1' }, purpose: 'complaint' });
  });

  it("prefers the thread's last purpose, and follows a change of stakeholder type", async () => {
    background({ last: { thread: 'complaint', stakeholder: 'market_research' } });
    await openPanel();
    const purpose = screen.getByRole<HTMLSelectElement>('combobox', { name: 'Purpose' });
    expect(purpose.value).toBe('complaint');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Stakeholder type' }), 'media');
    expect(purpose.value).toBe('');
    expect(optionLabels(purpose)).toContain('Crisis response');
    await userEvent.selectOptions(purpose, 'None');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await flush();
    expect(sent('log-thread')[0]).toMatchObject({ stakeholderType: 'media', purpose: null });
  });

  it('is labelled in Chinese when the UI is', async () => {
    ui.lang = 'zh_CN';
    background({ last: { thread: 'complaint', stakeholder: null } });
    await openPanel();
    const purpose = screen.getByRole<HTMLSelectElement>('combobox', { name: '沟通目的' });
    expect(optionLabels(purpose)).toEqual(['无', '产品反馈', '满意度调查', '市场调研', '投诉处理']);
    expect(purpose.value).toBe('complaint');
  });
});

describe('Log this: resolving the thread', () => {
  it('is not offered before the thread is logged here', async () => {
    background({ outcome: { firstAt: null } });
    await openPanel();
    expect(screen.queryByRole('button', { name: 'Mark resolved' })).toBeNull();
  });

  it('says why a time is refused before queuing anything, then queues a backdated resolution with its note', async () => {
    background();
    await openPanel();
    await userEvent.click(screen.getByRole('button', { name: 'Mark resolved' }));
    const form = within(screen.getByRole('form', { name: 'Mark resolved' }));
    expect(form.getByText(/not before the conversation's first message .*, and not in the future/)).toBeTruthy();
    const at = form.getByLabelText('Resolved at');
    fireEvent.change(at, { target: { value: '2099-01-01T10:00' } });
    await userEvent.click(form.getByRole('button', { name: 'Save resolution' }));
    expect(form.getByRole('alert').textContent).toBe(
      'The resolution cannot be in the future: choose now or an earlier time.',
    );
    fireEvent.change(at, { target: { value: '2026-03-01T10:00' } });
    await userEvent.click(form.getByRole('button', { name: 'Save resolution' }));
    expect(form.getByRole('alert').textContent).toMatch(/^The resolution cannot be before the conversation's first/);
    expect(sent('outcome-queue')).toEqual([]);

    fireEvent.change(at, { target: { value: '2026-03-10T15:30' } });
    await userEvent.type(form.getByLabelText('Note (optional)'), 'Replacement arm shipped');
    await userEvent.click(form.getByRole('button', { name: 'Save resolution' }));
    await flush();
    expect(sent('outcome-queue')).toEqual([
      {
        data: {
          threadKey: 'gmail:T1',
          event: 'resolved',
          at: new Date('2026-03-10T15:30').toISOString(),
          note: 'Replacement arm shipped',
        },
      },
    ]);
    const section = within(screen.getByRole('region', { name: 'Resolution' }));
    expect(section.getByRole('status').textContent).toMatch(/^Resolved .* · not synced yet$/);
    await userEvent.click(section.getByRole('button', { name: 'Reopen' }));
    await flush();
    expect(sent('outcome-queue')[1]).toMatchObject({ data: { threadKey: 'gmail:T1', event: 'reopened' } });
    expect(screen.getByRole('button', { name: 'Mark resolved' })).toBeTruthy();
  });

  it('speaks Chinese when the UI does', async () => {
    ui.lang = 'zh_CN';
    background();
    await openPanel();
    await userEvent.click(screen.getByRole('button', { name: '标记为已解决' }));
    const form = within(screen.getByRole('form', { name: '标记为已解决' }));
    fireEvent.change(form.getByLabelText('解决时间'), { target: { value: '2099-01-01T10:00' } });
    await userEvent.click(form.getByRole('button', { name: '保存解决记录' }));
    expect(form.getByRole('alert').textContent).toBe('解决时间不能晚于现在：请选择现在或更早的时间。');
    expect(sent('outcome-queue')).toEqual([]);
  });
});
