// @vitest-environment happy-dom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CostListResult } from '@comms-log/shared';
import type { Lang } from '../../../lib/i18n';
import { renderInDashboard, testEnv } from '../testing/dashboard-env';
import { MoneyForm } from './cost-forms';
import { CostFigures } from './cost-view';

afterEach(cleanup);

function renderForm(lang: Lang, kind: 'cost' | 'revenue') {
  const onCost = vi.fn(async () => {});
  const onRevenue = vi.fn(async () => {});
  renderInDashboard(
    <MoneyForm kind={kind} month="2026-03" currency="CNY" onCost={onCost} onRevenue={onRevenue} />,
    testEnv(lang).env,
  );
  return { onCost, onRevenue, user: userEvent.setup() };
}

describe('recording cost and revenue', () => {
  it('refuses a negative cost in plain words, then records one with a thousands separator', async () => {
    const { onCost, user } = renderForm('en', 'cost');
    const form = screen.getByRole('form', { name: 'Record a cost' });
    await user.type(within(form).getByLabelText('Category'), 'Agency fee');
    await user.type(within(form).getByLabelText('Amount'), '-500');
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    expect(within(form).getByRole('alert').textContent).toContain('An amount cannot be negative.');
    expect(onCost).not.toHaveBeenCalled();
    await user.clear(within(form).getByLabelText('Amount'));
    await user.type(within(form).getByLabelText('Amount'), '12,500');
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(within(form).getByRole('status').textContent).toBe('Cost recorded.'));
    expect(onCost).toHaveBeenCalledWith(
      expect.objectContaining({ month: '2026-03', category: 'Agency fee', amount: 12500, currency: 'CNY' }),
    );
  });

  it('refuses a negative revenue and a bad currency in Chinese', async () => {
    const { onRevenue, user } = renderForm('zh_CN', 'revenue');
    const form = screen.getByRole('form', { name: '设置月度收入' });
    await user.type(within(form).getByLabelText('金额'), '-1');
    await user.clear(within(form).getByLabelText('货币'));
    await user.type(within(form).getByLabelText('货币'), 'RM');
    await user.click(within(form).getByRole('button', { name: '保存' }));
    const alert = within(form).getByRole('alert').textContent;
    expect(alert).toContain('金额不能为负数。');
    expect(alert).toContain('货币须为三个字母的代码，如 CNY（“RM”不是）。');
    expect(onRevenue).not.toHaveBeenCalled();
  });
});

const data: CostListResult = {
  costs: [
    {
      id: 'C1',
      month: '2026-03',
      category: 'Agency fee',
      amount: 10000,
      currency: 'CNY',
      recordedBy: 'u',
      createdAt: '',
    },
    {
      id: 'C2',
      month: '2026-03',
      category: 'Agency fee',
      amount: 5000,
      currency: 'CNY',
      recordedBy: 'u',
      createdAt: '',
    },
    { id: 'C3', month: '2026-03', category: 'Events', amount: 3000, currency: 'CNY', recordedBy: 'u', createdAt: '' },
  ],
  revenues: [{ month: '2026-03', amount: 1_200_000, currency: 'CNY', updatedBy: 'u', updatedAt: '' }],
};

describe('the cost figures', () => {
  it('give the cost share with its n, cost per month and category, and revenue per month', () => {
    renderInDashboard(<CostFigures data={data} months={{ from: '2026-03', to: '2026-03' }} />, testEnv('en').env);
    expect(screen.getByTestId('dash-cost-share').textContent).toBe(
      'Cost share: 1.5% (18,000 cost ÷ 1,200,000 revenue, CNY; over 3 cost entries)',
    );
    const agency = screen.getByRole('row', { name: /Agency fee/ });
    expect(agency.textContent).toContain('15,000 CNY');
    expect(screen.getByRole('table', { name: 'Revenue per month' }).textContent).toContain('1,200,000 CNY');
  });

  it('say in Chinese that a month lacks revenue', () => {
    renderInDashboard(<CostFigures data={data} months={{ from: '2026-02', to: '2026-03' }} />, testEnv('zh_CN').env);
    expect(screen.getByText('2026-02 尚未记录收入，因此暂时无法计算成本占比。')).toBeTruthy();
    expect(screen.getByTestId('dash-cost-share').textContent).toContain('成本占比：—');
  });
});
