// @vitest-environment happy-dom
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReportGoal } from '@comms-log/shared';
import { renderInDashboard, testEnv } from '../testing/dashboard-env';
import { GoalsTable } from './goals-view';

afterEach(cleanup);

// "Partner projects delivered on time ≥ 95% for 3 consecutive quarters", broken in the middle quarter.
const delivery: ReportGoal = {
  id: 'delivery',
  label: 'Partner projects on time',
  metric: 'delivery_on_time_rate',
  scope: { stakeholderType: 'partner', channel: null, tier: null, purpose: null, dimension: null },
  comparator: '>=',
  target: 0.95,
  goalPeriod: 'quarter',
  periodTarget: 0.95,
  actual: 0.96,
  count: 25,
  status: 'missed',
  drill: null,
  streak: {
    consecutivePeriods: 3,
    run: 1,
    periods: [
      { from: '2025-09-30T16:00:00.000Z', to: '2025-12-31T16:00:00.000Z', actual: 0.97, count: 30, met: true },
      { from: '2025-12-31T16:00:00.000Z', to: '2026-03-31T16:00:00.000Z', actual: 0.9, count: 20, met: false },
      { from: '2026-03-31T16:00:00.000Z', to: '2026-06-30T16:00:00.000Z', actual: 0.96, count: 25, met: true },
    ],
  },
};

describe('a streak goal', () => {
  it('shows which periods met the target, with each one’s actual, and the run', () => {
    renderInDashboard(<GoalsTable goals={[delivery]} />, testEnv('en').env);
    const row = screen.getByRole('row', { name: /Partner projects on time/ });
    const periods = within(row).getByRole('list', { name: 'Periods behind the goal: Partner projects on time' });
    expect(
      within(periods)
        .getAllByRole('listitem')
        .map((li) => li.getAttribute('aria-label')),
    ).toEqual(['2025 Q4: met, 97.0% (n = 30)', '2026 Q1: missed, 90.0% (n = 20)', '2026 Q2: met, 96.0% (n = 25)']);
    expect(within(periods).getAllByRole('listitem')[1]!.textContent).toBe('2026 Q1 ✗ 90.0%');
    expect(within(row).getByText('1 of 3 in a row')).toBeTruthy();
  });

  it('reads in Chinese, and a goal without a streak has no chips', () => {
    const plain: ReportGoal = { ...delivery, id: 'plain', label: '媒体报道', streak: undefined };
    renderInDashboard(<GoalsTable goals={[{ ...delivery, label: '合作项目按时交付' }, plain]} />, testEnv('zh_CN').env);
    const periods = screen.getByRole('list', { name: '目标“合作项目按时交付”的各期结果' });
    expect(within(periods).getAllByRole('listitem')[1]!.getAttribute('aria-label')).toBe(
      '2026 Q1：未达成，90.0%（n = 20）',
    );
    expect(screen.getByText('已连续 1 期，需连续 3 期')).toBeTruthy();
    expect(within(screen.getByRole('row', { name: /媒体报道/ })).queryByRole('list')).toBeNull();
  });
});
