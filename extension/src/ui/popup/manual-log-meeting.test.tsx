// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_PURPOSES } from '@comms-log/shared/domain';
import { translate, type Lang, type MessageKey } from '../../lib/i18n';

const sendToBackground = vi.fn();
vi.mock('../../lib/messages', () => ({ sendToBackground: (...args: unknown[]) => sendToBackground(...args) }));

const { ManualLogForm } = await import('./manual-log-form');

const partner = { id: 'S7', name: 'Partner Co', type: 'partner' as const, organization: null, pending: false };

async function flush() {
  await act(async () => {
    await new Promise((r) => setTimeout(r, 0));
  });
}

async function renderForm(lang: Lang) {
  const t = (key: MessageKey, ...subs: (string | number)[]) => translate(lang, key, ...subs);
  render(<ManualLogForm t={t} lang={lang} initial={{ kind: 'existing', stakeholder: partner }} />);
  await flush();
}

const logged = () => sendToBackground.mock.calls.filter(([type]) => type === 'log-manual');

afterEach(cleanup);
beforeEach(() => {
  sendToBackground.mockReset();
  sendToBackground.mockImplementation(async (type: string) => {
    if (type === 'purpose-hints') return { purposes: [...DEFAULT_PURPOSES], last: { thread: null, stakeholder: null } };
    if (type === 'log-manual') return { id: 'I1' };
    throw new Error(type);
  });
});

describe('the manual log: a meeting’s attendance', () => {
  it('refuses more attended than invited in plain words, then logs the counts and the series', async () => {
    await renderForm('en');
    const user = userEvent.setup();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Channel' }), 'in_person');
    await user.type(screen.getByRole('textbox', { name: 'Invited' }), '8');
    await user.type(screen.getByRole('textbox', { name: 'Attended' }), '9');
    await user.type(screen.getByRole('textbox', { name: 'Meeting series' }), 'Weekly cross-department meeting');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByRole('alert').textContent).toBe(
      'More attended (9) than were invited (8): attended can be at most invited. Nothing was saved.',
    );
    expect(logged()).toEqual([]);
    await user.clear(screen.getByRole('textbox', { name: 'Attended' }));
    await user.type(screen.getByRole('textbox', { name: 'Attended' }), '7');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await flush();
    expect(logged()[0]?.[1]).toMatchObject({
      channel: 'in_person',
      invited: 8,
      attended: 7,
      series: 'Weekly cross-department meeting',
    });
  });

  it('has no attendance for a chat', async () => {
    await renderForm('en');
    await userEvent.setup().selectOptions(screen.getByRole('combobox', { name: 'Channel' }), 'im');
    expect(screen.queryByRole('textbox', { name: 'Invited' })).toBeNull();
  });

  it('says it in Chinese', async () => {
    await renderForm('zh_CN');
    const user = userEvent.setup();
    await user.type(screen.getByRole('textbox', { name: '出席人数' }), '3');
    await user.click(screen.getByRole('button', { name: '保存' }));
    expect(screen.getByRole('alert').textContent).toBe('填写出席人数时，请同时填写受邀人数。');
    await user.type(screen.getByRole('textbox', { name: '受邀人数' }), '两');
    await user.click(screen.getByRole('button', { name: '保存' }));
    expect(screen.getByRole('alert').textContent).toBe('受邀人数须为 0 或以上的整数（“两”不是）。');
    expect(logged()).toEqual([]);
  });
});
