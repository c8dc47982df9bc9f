// @vitest-environment happy-dom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Activity, ActivityUpdateInput } from '@comms-log/shared';
import type { Lang } from '../../../lib/i18n';
import { renderInDashboard, testEnv } from '../testing/dashboard-env';
import { activityOccurrences } from './activity-occurrences';
import { ActivityTable } from './activity-table';

afterEach(cleanup);

const review: Activity = {
  id: '01J00000000000000000000A01',
  title: 'Quarterly partner review',
  stakeholderType: 'partner',
  stakeholderIds: [],
  channel: 'video',
  ownerUserId: 'u-me',
  startAt: '2026-03-05T02:00:00Z',
  endAt: '2026-03-05T03:00:00Z',
  milestones: [],
  recurrence: 'quarterly',
  status: 'planned',
  heldInteractionId: null,
  invited: null,
  attended: null,
  heldAt: null,
  createdBy: 'u-me',
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
};

function renderTable(lang: Lang, activity = review) {
  const { env } = testEnv(lang);
  const onUpdate = vi.fn(async (u: ActivityUpdateInput) => ({ ...activity, ...u }) as Activity);
  const { occurrences } = activityOccurrences([activity], env.filter, env.zone, Date.parse(env.asOf));
  renderInDashboard(<ActivityTable occurrences={occurrences} onUpdate={onUpdate} />, env);
  return { onUpdate, user: userEvent.setup() };
}

describe('marking an activity held', () => {
  it('asks for the interaction first, then links the one given by id', async () => {
    const { onUpdate, user } = renderTable('en');
    const row = screen.getByRole('row', { name: /Quarterly partner review/ });
    expect(within(row).getByText('Planned')).toBeTruthy();
    expect(within(row).getByText('Quarterly')).toBeTruthy();
    await user.click(within(row).getByRole('button', { name: 'Mark held: Quarterly partner review' }));
    const form = screen.getByRole('form', { name: 'Mark held: Quarterly partner review' });
    await user.click(within(form).getByRole('button', { name: 'Mark held' }));
    expect(within(form).getByText('Choose the interaction logged for the activity, or give its id.')).toBeTruthy();
    expect(onUpdate).not.toHaveBeenCalled();
    await user.type(within(form).getByLabelText('Or its interaction id'), '01J00000000000000000000I07');
    await user.click(within(form).getByRole('button', { name: 'Mark held' }));
    await waitFor(() => expect(screen.queryByRole('form')).toBeNull());
    expect(onUpdate).toHaveBeenCalledWith({
      id: review.id,
      status: 'held',
      heldInteractionId: '01J00000000000000000000I07',
    });
  });

  it('shows a held one’s attendance, in Chinese', () => {
    renderTable('zh_CN', { ...review, status: 'held', invited: 12, attended: 10, heldAt: '2026-03-05T02:10:00Z' });
    const row = screen.getByRole('row', { name: /Quarterly partner review/ });
    expect(within(row).getByText('已举行')).toBeTruthy();
    expect(within(row).getByText('12 人中 10 人出席')).toBeTruthy();
    expect(within(row).queryByRole('button', { name: /标记为已举行/ })).toBeNull();
  });
});
