// @vitest-environment happy-dom
import { act, cleanup, render, screen, within } from '@testing-library/react';
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

afterEach(cleanup);
beforeEach(() => {
  sendToBackground.mockReset();
  sendToBackground.mockImplementation(async (type: string) => {
    if (type === 'purpose-hints')
      return { purposes: [...DEFAULT_PURPOSES], last: { thread: null, stakeholder: 'periodic_review' } };
    if (type === 'log-manual') return { id: 'I1' };
    throw new Error(type);
  });
});

describe('the manual log: the purpose', () => {
  it("offers the stakeholder's type's purposes, preselects its last one, and logs the choice", async () => {
    await renderForm('en');
    expect(sendToBackground).toHaveBeenCalledWith('purpose-hints', { threadKey: null, stakeholderId: 'S7' });
    const purpose = screen.getByRole<HTMLSelectElement>('combobox', { name: 'Purpose' });
    expect(
      within(purpose)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['None', 'Project progress sync', 'Resource coordination', 'Risk sharing', 'Periodic review']);
    expect(purpose.value).toBe('periodic_review');
    await userEvent.selectOptions(purpose, 'Risk sharing');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await flush();
    const call = sendToBackground.mock.calls.find(([type]) => type === 'log-manual');
    expect(call?.[1]).toMatchObject({ stakeholderId: 'S7', purpose: 'risk_sharing' });
  });

  it('is labelled in Chinese when the UI is', async () => {
    await renderForm('zh_CN');
    const purpose = screen.getByRole<HTMLSelectElement>('combobox', { name: '沟通目的' });
    expect(purpose.value).toBe('periodic_review');
    expect(within(purpose).getByRole('option', { name: '定期复盘' })).toBeTruthy();
    expect(within(purpose).getByRole('option', { name: '无' })).toBeTruthy();
  });
});
