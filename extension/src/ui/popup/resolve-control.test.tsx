// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OverdueItem } from '@comms-log/shared';
import { translate, type Lang, type MessageKey } from '../../lib/i18n';
import type { ThreadOutcomeState } from '../../lib/outbox/thread-outcomes';
import { FollowupRow } from './followup-row';

afterEach(cleanup);

const wait: OverdueItem = {
  kind: 'wait',
  id: 'I1',
  state: 'late',
  userId: 'u1',
  stakeholderId: 'S1',
  stakeholderName: 'Marcus Reid',
  stakeholderType: 'customer',
  channel: 'email',
  threadKey: 'gmail:T1',
  title: 'Broken arm on the picker',
  url: null,
  since: '2026-03-10T00:00:00.000Z',
  deadline: '2026-03-10T04:00:00.000Z',
  waitedMs: 1,
  waitedWorkMs: 1,
  sla: { value: 4, unit: 'working_hours' },
};

const resolved: ThreadOutcomeState = {
  threadKey: 'gmail:T1',
  resolved: true,
  resolvedAt: '2026-03-11T02:00:00.000Z',
  pending: true,
  firstAt: '2026-03-10T00:00:00.000Z',
};

function renderWait(lang: Lang, outcomes: Record<string, ThreadOutcomeState>) {
  const t = (key: MessageKey, ...subs: (string | number)[]) => translate(lang, key, ...subs);
  const onOutcome = vi.fn(async () => {});
  render(
    <FollowupRow
      t={t}
      lang={lang}
      item={wait}
      group="awaiting"
      nowMs={Date.parse('2026-03-12T02:00:00Z')}
      timeZone="Asia/Shanghai"
      onAct={async () => {}}
      onOpen={() => {}}
      onLogCall={() => {}}
      outcomes={outcomes}
      onOutcome={onOutcome}
    />,
  );
  return { row: within(screen.getByRole('article', { name: 'Marcus Reid' })), onOutcome };
}

describe("a wait's Resolve control", () => {
  it('resolves the thread of an unresolved wait, beside Snooze and No reply needed', async () => {
    const { row, onOutcome } = renderWait('en', {});
    expect(row.getByRole('button', { name: 'No reply needed' })).toBeTruthy();
    await userEvent.click(row.getByRole('button', { name: 'Resolve' }));
    expect(onOutcome).toHaveBeenCalledWith('gmail:T1', 'resolved');
    expect(row.queryByRole('button', { name: 'Reopen' })).toBeNull();
  });

  it('shows a resolved thread as Resolved and offers Reopen instead', async () => {
    const { row, onOutcome } = renderWait('en', { 'gmail:T1': resolved });
    expect(row.getByText('Resolved')).toBeTruthy();
    expect(row.queryByRole('button', { name: 'Resolve' })).toBeNull();
    await userEvent.click(row.getByRole('button', { name: 'Reopen' }));
    expect(onOutcome).toHaveBeenCalledWith('gmail:T1', 'reopened');
  });

  it('speaks Chinese when the UI does', async () => {
    const open = renderWait('zh_CN', {});
    await userEvent.click(open.row.getByRole('button', { name: '解决' }));
    expect(open.onOutcome).toHaveBeenCalledWith('gmail:T1', 'resolved');
    cleanup();
    const done = renderWait('zh_CN', { 'gmail:T1': resolved });
    expect(done.row.getByText('已解决')).toBeTruthy();
    expect(done.row.getByRole('button', { name: '重新打开' })).toBeTruthy();
  });
});
