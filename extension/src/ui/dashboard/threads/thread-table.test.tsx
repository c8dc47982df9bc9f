// @vitest-environment happy-dom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ThreadItem } from '@comms-log/shared';
import type { Lang } from '../../../lib/i18n';
import { renderInDashboard, testEnv } from '../testing/dashboard-env';
import { ThreadTable, type OnThreadAction } from './thread-table';

afterEach(cleanup);

const open: ThreadItem = {
  threadKey: 'gmail:t-1',
  firstInteractionId: 'I1',
  openedAt: '2026-03-10T01:00:00.000Z', // 09:00 in Shanghai
  purpose: 'complaint',
  state: 'open',
  resolvedAt: null,
  replies: 1,
  resolutionWorkMs: null,
  channel: 'email',
  stakeholderId: 's-acme',
  stakeholderName: 'Acme Robotics',
  stakeholderType: 'customer',
  userId: 'u-me',
  userName: 'Li Na',
  title: 'Arm stops mid-cycle',
  url: 'https://mail.google.com/mail/u/0/#inbox/t-1',
};
const resolved: ThreadItem = {
  ...open,
  threadKey: 'gmail:t-2',
  firstInteractionId: 'I2',
  title: 'Invoice twice',
  state: 'resolved',
  resolvedAt: '2026-03-11T02:00:00.000Z',
  resolutionWorkMs: 5 * 3_600_000,
};

function renderThreads(lang: Lang) {
  const onAction = vi.fn<OnThreadAction>(async () => {});
  renderInDashboard(<ThreadTable items={[open, resolved]} onAction={onAction} />, testEnv(lang).env);
  return { onAction, user: userEvent.setup() };
}

describe('the conversations behind a resolution goal', () => {
  it('lists purpose, opening, state, resolution, replies and working time, and resolves one at a time typed', async () => {
    const { onAction, user } = renderThreads('en');
    const row = screen.getByRole('row', { name: /Invoice twice/ });
    expect(
      within(row)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual([
      'Acme Robotics Customer',
      'Complaint',
      '2026-03-10 09:00',
      'Resolved',
      '2026-03-11 10:00',
      '1',
      '5.0',
      'Reopen',
    ]);
    await user.click(screen.getByRole('button', { name: 'Resolve: Arm stops mid-cycle' }));
    const form = screen.getByRole('form', { name: 'Resolve: Arm stops mid-cycle' });
    const at = within(form).getByLabelText<HTMLInputElement>('Resolved at');
    // Now, in the plan's zone, until changed.
    expect(at.value).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d$/);
    await user.clear(at);
    await user.type(at, '2026-03-10T08:30');
    await user.click(within(form).getByRole('button', { name: 'Mark resolved' }));
    expect(within(form).getByRole('alert').textContent).toBe(
      "That is before the conversation's first message (2026-03-10 09:00).",
    );
    expect(onAction).not.toHaveBeenCalled();
    await user.clear(at);
    await user.type(at, '2026-03-11T17:30');
    await user.type(within(form).getByLabelText('Note (optional)'), 'Replaced the controller');
    await user.click(within(form).getByRole('button', { name: 'Mark resolved' }));
    await waitFor(() => expect(screen.queryByRole('form')).toBeNull());
    expect(onAction).toHaveBeenCalledWith(open, 'resolve', '2026-03-11T17:30:00+08:00', 'Replaced the controller');
  });

  it('reopens a resolved one, in Chinese, not before its resolution', async () => {
    const { onAction, user } = renderThreads('zh_CN');
    await user.click(screen.getByRole('button', { name: '重新打开：Invoice twice' }));
    const form = screen.getByRole('form', { name: '重新打开：Invoice twice' });
    const at = within(form).getByLabelText('重新打开时间');
    await user.clear(at);
    await user.type(at, '2026-03-11T09:00');
    await user.click(within(form).getByRole('button', { name: '确认重新打开' }));
    expect(within(form).getByRole('alert').textContent).toBe('该时间早于会话被解决的时间（2026-03-11 10:00）。');
    await user.clear(at);
    await user.type(at, '2026-03-12T09:00');
    await user.click(within(form).getByRole('button', { name: '确认重新打开' }));
    await waitFor(() => expect(onAction).toHaveBeenCalledWith(resolved, 'reopen', '2026-03-12T09:00:00+08:00', ''));
  });

  it('keeps the form open with the server’s refusal in plain words', async () => {
    const { onAction, user } = renderThreads('en');
    onAction.mockRejectedValueOnce(
      Object.assign(new Error('this conversation is resolved already: reopen it first'), { data: { httpStatus: 409 } }),
    );
    await user.click(screen.getByRole('button', { name: 'Resolve: Arm stops mid-cycle' }));
    const form = screen.getByRole('form', { name: 'Resolve: Arm stops mid-cycle' });
    await user.click(within(form).getByRole('button', { name: 'Mark resolved' }));
    expect((await within(form).findByRole('alert')).textContent).toContain('resolved already: reopen it first');
  });
});
