// @vitest-environment happy-dom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Activity } from '@comms-log/shared';
import type { Lang } from '../../../lib/i18n';
import { renderInDashboard, testEnv } from '../testing/dashboard-env';
import { newActivityDraft, type ActivityFields } from './activity-check';
import { ActivityForm } from './activity-form';

afterEach(cleanup);

function renderForm(lang: Lang) {
  const onSave = vi.fn(async (fields: ActivityFields) => ({ id: 'A1', ...fields }) as unknown as Activity);
  const onDone = vi.fn();
  const title = lang === 'en' ? 'Plan an activity' : '新建计划活动';
  // 2026-03-20 in Shanghai.
  const initial = newActivityDraft('u-me', Date.parse('2026-03-20T04:00:00Z'), 'Asia/Shanghai');
  renderInDashboard(
    <ActivityForm title={title} initial={initial} onSave={onSave} onDone={onDone} />,
    testEnv(lang).env,
  );
  return { onSave, onDone, form: screen.getByRole('form', { name: title }), user: userEvent.setup() };
}

describe('planning an activity', () => {
  it('refuses one that ends before it starts, and sends nothing', async () => {
    const { onSave, form, user } = renderForm('en');
    await user.type(within(form).getByLabelText('Title'), 'Quarterly partner review');
    await user.clear(within(form).getByLabelText('Ends'));
    await user.type(within(form).getByLabelText('Ends'), '2026-03-20T09:00');
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    expect(within(form).getByRole('alert').textContent).toContain(
      'The activity ends before it starts: make the end the same as the start or later.',
    );
    expect(onSave).not.toHaveBeenCalled();
  });

  it('saves title, type, channel, owner, times in the plan’s zone, recurrence and status', async () => {
    const { onSave, onDone, form, user } = renderForm('en');
    await user.type(within(form).getByLabelText('Title'), 'Weekly cross-department meeting');
    await user.selectOptions(within(form).getByLabelText('Stakeholder type'), 'Partner');
    await user.selectOptions(within(form).getByLabelText('Channel'), 'Video meeting');
    await user.selectOptions(within(form).getByLabelText('Repeats'), 'Weekly');
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(onSave).toHaveBeenCalledWith({
      title: 'Weekly cross-department meeting',
      stakeholderType: 'partner',
      channel: 'video',
      ownerUserId: 'u-me',
      startAt: '2026-03-20T10:00:00+08:00',
      endAt: '2026-03-20T11:00:00+08:00',
      recurrence: 'weekly',
      status: 'planned',
    });
  });

  it('names the mistakes in Chinese', async () => {
    const { onSave, form, user } = renderForm('zh_CN');
    await user.clear(within(form).getByLabelText('结束时间'));
    await user.type(within(form).getByLabelText('结束时间'), '2026-03-19T10:00');
    await user.click(within(form).getByRole('button', { name: '保存' }));
    const alert = within(form).getByRole('alert').textContent;
    expect(alert).toContain('请填写活动标题。');
    expect(alert).toContain('活动的结束时间早于开始时间：结束时间须不早于开始时间。');
    expect(onSave).not.toHaveBeenCalled();
  });
});
