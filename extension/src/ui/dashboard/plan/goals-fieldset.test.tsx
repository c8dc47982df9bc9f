// @vitest-environment happy-dom
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { renderInDashboard, testEnv } from '../testing/dashboard-env';
import { PlanEditor } from './plan-editor';

afterEach(cleanup);

describe('the plan’s goals', () => {
  it('edit a goal’s purpose from the plan’s purposes, a survey goal’s dimension, and “more than” targets', async () => {
    renderInDashboard(<PlanEditor />, testEnv('en').env);
    const user = userEvent.setup();
    const purpose = screen.getByRole<HTMLSelectElement>('combobox', { name: 'Purpose: Complaints resolved ≥ 98%' });
    expect(purpose.value).toBe('complaint');
    // The customer purposes and the others of the plan, by their labels.
    expect(within(purpose).getByRole('option', { name: 'Product feedback' })).toBeTruthy();
    await user.selectOptions(purpose, 'Product feedback');
    expect(purpose.value).toBe('product_feedback');
    // With no purpose, the complaint rate reads complaints: the empty choice says so.
    await user.selectOptions(purpose, '');
    expect(purpose.selectedOptions[0]!.textContent).toBe('Complaints (the default)');

    const dimension = screen.getByRole<HTMLInputElement>('textbox', {
      name: 'Survey dimension: Customer satisfaction ≥ 90%',
    });
    await user.type(dimension, 'usability');
    expect(dimension.value).toBe('usability');
    // Survey responses have no purpose; interactions no survey dimension.
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Purpose: Customer NPS ≥ 30' }).disabled).toBe(true);
    expect(
      screen.getByRole<HTMLInputElement>('textbox', { name: 'Survey dimension: Complaints resolved ≥ 98%' }).disabled,
    ).toBe(true);

    const share = screen.getByRole<HTMLSelectElement>('combobox', {
      name: 'Comparison: Positive share of media coverage > 70%',
    });
    expect(share.value).toBe('>');
    const nps = screen.getByRole<HTMLInputElement>('spinbutton', { name: 'Target: Customer NPS ≥ 30' });
    expect(nps.min).toBe('-100');
    expect(nps.parentElement!.textContent).toContain('(−100…100)');
    // Typing into a whole plan editor takes seconds on a loaded machine.
  }, 20_000);

  it('names the purposes in Chinese', () => {
    renderInDashboard(<PlanEditor />, testEnv('zh_CN').env);
    const purpose = screen.getByRole<HTMLSelectElement>('combobox', { name: '沟通目的：Complaints resolved ≥ 98%' });
    expect(purpose.selectedOptions[0]!.textContent).toBe('投诉处理');
    expect(within(purpose).getByRole('option', { name: '投诉（默认）' })).toBeTruthy();
    const posts = screen.getByRole('combobox', {
      name: '沟通目的：Official social accounts publish ≥ 12 posts a month',
    });
    expect(within(posts).getByRole('option', { name: '任意目的' })).toBeTruthy();
  });
});

describe('a streak goal in the plan', () => {
  it('sets and clears how many periods in a row a goal must be met', async () => {
    renderInDashboard(<PlanEditor />, testEnv('en').env);
    const user = userEvent.setup();
    const box = screen.getByRole<HTMLInputElement>('spinbutton', {
      name: 'Periods in a row: Partner projects delivered on time ≥ 95%, 3 quarters running',
    });
    expect(box.value).toBe('3');
    await user.clear(box);
    await user.type(box, '3');
    expect(box.value).toBe('3');
    await user.clear(box);
    expect(box.value).toBe('');
  });

  it('is labelled in Chinese', () => {
    renderInDashboard(<PlanEditor />, testEnv('zh_CN').env);
    expect(screen.getAllByRole('spinbutton', { name: /^连续期数：/ }).length).toBeGreaterThan(0);
    expect(screen.getAllByRole('columnheader', { name: '连续期数' }).length).toBe(1);
  });
});
