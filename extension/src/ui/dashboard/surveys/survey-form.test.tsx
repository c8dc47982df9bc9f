// @vitest-environment happy-dom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RecordSurveyResult, SurveyResponseInput } from '@comms-log/shared';
import type { Lang } from '../../../lib/i18n';
import { renderInDashboard, testEnv } from '../testing/dashboard-env';
import { SurveyForm } from './survey-form';

afterEach(cleanup);

const recorded = (input: SurveyResponseInput, followupId: string | null = null): RecordSurveyResult => ({
  response: {
    id: input.id,
    instrument: input.instrument,
    score: input.score,
    scale: input.instrument === 'csat' ? (input.scale ?? 5) : null,
    stakeholderId: input.stakeholderId ?? null,
    stakeholderType: input.stakeholderType,
    dimension: input.dimension ?? null,
    answeredAt: '2026-03-09T16:00:00.000Z',
    comment: input.comment ?? null,
    userId: 'u-me',
    createdAt: '2026-03-10T01:00:00.000Z',
    updatedAt: '2026-03-10T01:00:00.000Z',
  },
  followupId,
});

function renderForm(lang: Lang, onRecord = vi.fn(async (input: SurveyResponseInput) => recorded(input))) {
  renderInDashboard(<SurveyForm dimensions={['usability']} onRecord={onRecord} />, testEnv(lang).env);
  return { onRecord, user: userEvent.setup() };
}

describe('the survey form', () => {
  it('names a CSAT of 7 on a 1–5 scale in plain words and sends nothing', async () => {
    const { onRecord, user } = renderForm('en');
    await user.type(screen.getByLabelText('Score'), '7');
    await user.click(screen.getByRole('button', { name: 'Record the response' }));
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('A CSAT of 7 is outside the 1–5 scale.');
    expect(onRecord).not.toHaveBeenCalled();
    // On a declared 1–7 scale the same score is right.
    await user.clear(screen.getByLabelText('CSAT scale: highest score'));
    await user.type(screen.getByLabelText('CSAT scale: highest score'), '7');
    await user.click(screen.getByRole('button', { name: 'Record the response' }));
    await waitFor(() => expect(onRecord).toHaveBeenCalledTimes(1));
    expect(onRecord.mock.calls[0]![0]).toMatchObject({ instrument: 'csat', score: 7, scale: 7 });
  });

  it('says the same in Chinese', async () => {
    const { onRecord, user } = renderForm('zh_CN');
    await user.type(screen.getByLabelText('分数'), '7');
    await user.click(screen.getByRole('button', { name: '记录这条结果' }));
    expect(screen.getByRole('alert').textContent).toContain('CSAT 分数 7 超出了 1–5 分的量表。');
    await user.selectOptions(screen.getByLabelText('问卷类型'), 'nps');
    await user.clear(screen.getByLabelText('分数'));
    await user.type(screen.getByLabelText('分数'), '8.5');
    await user.click(screen.getByRole('button', { name: '记录这条结果' }));
    expect(screen.getByRole('alert').textContent).toContain('NPS 分数必须是整数（8.5 不是）。');
    expect(onRecord).not.toHaveBeenCalled();
  });

  it('records an answer of a stakeholder with its type, and says when a low score became a follow-up', async () => {
    const onRecord = vi.fn(async (input: SurveyResponseInput) => recorded(input, 'F1'));
    const { user } = renderForm('en', onRecord);
    await user.selectOptions(screen.getByLabelText('Who answered'), 'Daily Tech');
    const type = screen.getByLabelText<HTMLSelectElement>('Their stakeholder type');
    expect([type.value, type.disabled]).toEqual(['media', true]);
    await user.type(screen.getByLabelText('Score'), '2');
    await user.type(screen.getByLabelText('Dimension'), 'usability');
    await user.clear(screen.getByLabelText('Answered on'));
    await user.type(screen.getByLabelText('Answered on'), '2025-11-03');
    await user.click(screen.getByRole('button', { name: 'Record the response' }));
    const status = await screen.findByRole('status');
    expect(status.textContent).toBe(
      "Recorded the response (CSAT 2). The score is low: a follow-up was created for the stakeholder's owner.",
    );
    expect(onRecord.mock.calls[0]![0]).toMatchObject({
      instrument: 'csat',
      score: 2,
      stakeholderId: 's-daily',
      stakeholderType: 'media',
      dimension: 'usability',
      answeredAt: '2025-11-03',
    });
    expect(onRecord.mock.calls[0]![0].id).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    // The score and comment clear for the next answer; the rest stays.
    expect(within(screen.getByRole('form')).getByLabelText<HTMLInputElement>('Score').value).toBe('');
  });

  it('shows the server’s refusal in plain words', async () => {
    const onRecord = vi.fn(async () => {
      throw Object.assign(new Error('answeredAt: a survey cannot be answered in the future'), {
        data: { httpStatus: 400 },
      });
    });
    const { user } = renderForm('en', onRecord);
    await user.type(screen.getByLabelText('Score'), '4');
    await user.click(screen.getByRole('button', { name: 'Record the response' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('a survey cannot be answered in the future');
  });
});
