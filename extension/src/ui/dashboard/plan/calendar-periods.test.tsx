// @vitest-environment happy-dom
import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { renderInDashboard, testEnv } from '../testing/dashboard-env';
import { PlanEditor } from './plan-editor';

afterEach(cleanup);

describe('the calendar’s working periods', () => {
  it('offer a break and hours of their own for each working weekday, and name a period that is not one', async () => {
    renderInDashboard(<PlanEditor />, testEnv('en').env);
    const user = userEvent.setup();
    const breaks = screen.getByRole<HTMLInputElement>('textbox', { name: 'Breaks in the working day' });
    const friday = screen.getByRole<HTMLInputElement>('textbox', { name: 'Hours of Fri (empty: the usual day)' });
    // Only working weekdays have hours of their own.
    expect(screen.queryByRole('textbox', { name: 'Hours of Sat (empty: the usual day)' })).toBeNull();
    await user.click(breaks);
    await user.paste('noon');
    await user.click(friday);
    await user.paste('09:00-12:00, 13:30-16:00');
    expect(friday.value).toBe('09:00-12:00, 13:30-16:00');
    await user.click(screen.getByRole('button', { name: 'Save the plan' }));
    expect(await screen.findByText(/calendar › breaks: "noon": not a span such as 12:00-13:30/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Load public holidays' })).toBeTruthy();
  }, 20_000);

  it('are labelled in Chinese', () => {
    renderInDashboard(<PlanEditor />, testEnv('zh_CN').env);
    expect(screen.getByRole('textbox', { name: '工作日中的休息时间' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '载入法定节假日' })).toBeTruthy();
  });
});
