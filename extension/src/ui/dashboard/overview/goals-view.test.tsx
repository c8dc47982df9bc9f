// @vitest-environment happy-dom
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReportGoal } from '@comms-log/shared';
import { renderInDashboard, testEnv } from '../testing/dashboard-env';
import { GoalsTable } from './goals-view';

afterEach(cleanup);

const period = { from: '2026-02-28T16:00:00.000Z', to: '2026-03-31T16:00:00.000Z' };
const scope = { stakeholderType: 'customer' as const, channel: null, tier: null, purpose: null, dimension: null };
const goal = (g: Partial<ReportGoal> & Pick<ReportGoal, 'id' | 'label' | 'metric' | 'drill'>): ReportGoal => ({
  scope,
  comparator: '>=',
  target: 0.98,
  goalPeriod: 'month',
  periodTarget: 0.98,
  actual: 0.75,
  count: 4,
  status: 'missed',
  ...g,
});

const goals: ReportGoal[] = [
  goal({
    id: 'complaints',
    label: 'Complaint resolution',
    metric: 'complaint_resolution_rate',
    scope: { ...scope, purpose: 'complaint' },
    drill: {
      kind: 'threads',
      filter: { filter: { ...period, purpose: 'complaint' }, asOf: '2026-03-20T04:00:00.000Z' },
    },
  }),
  goal({
    id: 'csat',
    label: 'CSAT',
    metric: 'csat_mean',
    target: 4.6,
    periodTarget: 4.6,
    actual: 4.4,
    count: 12,
    drill: { kind: 'surveys', filter: { ...period, instrument: 'csat', stakeholderType: 'customer' } },
  }),
  goal({
    id: 'cadence',
    label: 'Cadence coverage',
    metric: 'coverage',
    count: 30,
    drill: null,
  }),
];

describe('Plan vs actual', () => {
  it('opens the conversations behind a resolution goal and the responses behind a survey goal', async () => {
    const { env, drills } = testEnv('en');
    renderInDashboard(<GoalsTable goals={goals} />, env);
    const user = userEvent.setup();
    const row = screen.getByRole('row', { name: /Complaint resolution/ });
    expect(within(row).getByText('≥ 98.0%')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: '4 behind the goal: Complaint resolution' }));
    expect(drills).toEqual([{ title: 'Complaint resolution', records: goals[0]!.drill }]);
    await user.click(screen.getByRole('button', { name: '12 behind the goal: CSAT' }));
    expect(drills[1]).toEqual({ title: 'CSAT', records: goals[1]!.drill });
    expect(screen.getByRole('row', { name: /CSAT/ }).textContent).toContain('4.4');
    // Cadence coverage has no list behind it: its n is plain text.
    const cadence = screen.getByRole('row', { name: /Cadence coverage/ });
    expect(within(cadence).queryByRole('button')).toBeNull();
    expect(within(cadence).getByText('30')).toBeTruthy();
  });

  it('reads in Chinese', async () => {
    const { env, drills } = testEnv('zh_CN');
    renderInDashboard(<GoalsTable goals={[{ ...goals[0]!, label: '投诉解决率' }]} />, env);
    await userEvent.setup().click(screen.getByRole('button', { name: '目标“投诉解决率”的依据：4 条' }));
    expect(drills[0]).toMatchObject({ title: '投诉解决率', records: { kind: 'threads' } });
    expect(screen.getByRole('row', { name: /投诉解决率/ }).textContent).toContain('未达成');
  });
});
