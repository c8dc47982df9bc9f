// @vitest-environment happy-dom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MediaCoverage, MediaCoverageUpdateInput } from '@comms-log/shared';
import type { Lang } from '../../../lib/i18n';
import { renderInDashboard, testEnv } from '../testing/dashboard-env';
import { CoverageTable } from './coverage-table';

afterEach(cleanup);

const report: MediaCoverage = {
  id: 'C1',
  outletStakeholderId: 's-daily',
  title: 'Battery recall questions',
  url: 'https://news.example/recall',
  publishedAt: '2026-03-10T02:00:00.000Z', // 10:00 in Shanghai
  tone: null,
  reach: null,
  eventTag: null,
  clarifiedAt: null,
  userId: 'u-me',
  createdAt: '2026-03-10T02:00:00.000Z',
  updatedAt: '2026-03-10T02:00:00.000Z',
};

function renderTable(lang: Lang, role: 'manager' | 'staff' = 'manager', item = report) {
  const onSave = vi.fn(async (u: MediaCoverageUpdateInput) => ({ ...item, ...u }) as MediaCoverage);
  renderInDashboard(<CoverageTable items={[item]} onSave={onSave} />, testEnv(lang, { role }).env);
  return { onSave, user: userEvent.setup() };
}

describe('editing a media report', () => {
  it('refuses a clarification of a report that is not negative, or before it was published, and sends nothing', async () => {
    const { onSave, user } = renderTable('en');
    const row = screen.getByRole('row', { name: /Battery recall questions/ });
    expect(within(row).getByText('Daily Tech')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Edit the report: Battery recall questions' }));
    const form = screen.getByRole('form', { name: 'Edit the report: Battery recall questions' });
    await user.selectOptions(within(form).getByLabelText('Tone'), 'Neutral');
    await user.type(within(form).getByLabelText('Clarified on'), '2026-03-11T09:30');
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    expect(within(form).getByRole('alert').textContent).toContain(
      'Only a negative report is clarified: set the tone to negative, or empty “Clarified on”.',
    );
    await user.selectOptions(within(form).getByLabelText('Tone'), 'Negative');
    await user.clear(within(form).getByLabelText('Clarified on'));
    await user.type(within(form).getByLabelText('Clarified on'), '2026-03-10T09:00');
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    expect(within(form).getByRole('alert').textContent).toContain(
      'The clarification is before the report was published (2026-03-10 10:00).',
    );
    expect(onSave).not.toHaveBeenCalled();
  });

  it('saves the tone, reach, event tag and clarification, read in the plan’s zone', async () => {
    const { onSave, user } = renderTable('en');
    await user.click(screen.getByRole('button', { name: 'Edit the report: Battery recall questions' }));
    const form = screen.getByRole('form', { name: 'Edit the report: Battery recall questions' });
    await user.selectOptions(within(form).getByLabelText('Tone'), 'Negative');
    await user.type(within(form).getByLabelText('Reach'), '12000');
    await user.type(within(form).getByLabelText('Event tag'), 'battery recall');
    await user.type(within(form).getByLabelText('Clarified on'), '2026-03-11T09:30');
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('form')).toBeNull());
    expect(onSave).toHaveBeenCalledWith({
      id: 'C1',
      tone: 'negative',
      reach: 12000,
      eventTag: 'battery recall',
      clarifiedAt: '2026-03-11T09:30:00+08:00',
    });
  });

  it('speaks Chinese, and offers staff the edit of their own reports only', async () => {
    const { onSave, user } = renderTable('zh_CN', 'staff');
    await user.click(screen.getByRole('button', { name: '编辑报道：Battery recall questions' }));
    const form = screen.getByRole('form', { name: '编辑报道：Battery recall questions' });
    await user.type(within(form).getByLabelText('阅读量'), '-5');
    await user.click(within(form).getByRole('button', { name: '保存' }));
    expect(within(form).getByRole('alert').textContent).toContain('阅读量须为 0 或以上的整数（“-5”不是）。');
    expect(onSave).not.toHaveBeenCalled();
    cleanup();
    renderTable('zh_CN', 'staff', { ...report, userId: 'u-other' });
    expect(screen.queryByRole('button', { name: /编辑报道/ })).toBeNull();
  });
});
