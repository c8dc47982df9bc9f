// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { OverdueItem } from '@comms-log/shared';
import { translate, type Lang, type MessageKey } from '../../lib/i18n';
import { FollowupRow } from './followup-row';

afterEach(cleanup);

const reminder: OverdueItem = {
  kind: 'reminder',
  id: 'F1',
  state: 'due',
  userId: 'u1',
  dueAt: '2026-03-12T01:00:00Z',
  note: 'Confirm the meeting time',
  stakeholderId: null,
  stakeholderName: null,
  url: null,
};

/** The row as a screen reader finds it: an article named `name`. */
function renderRow(lang: Lang, item: OverdueItem, name: string) {
  cleanup();
  const t = (key: MessageKey, ...subs: (string | number)[]) => translate(lang, key, ...subs);
  render(
    <FollowupRow
      t={t}
      lang={lang}
      item={item}
      group="reminders"
      nowMs={Date.parse('2026-03-12T02:00:00Z')}
      timeZone="Asia/Shanghai"
      onAct={async () => {}}
      onOpen={() => {}}
      onLogCall={() => {}}
      outcomes={{}}
      onOutcome={async () => {}}
    />,
  );
  return within(screen.getByRole('article', { name }));
}

describe('a due reminder without a stakeholder', () => {
  it('is named "Reminder" and marked due, not "Reminder" twice', () => {
    const en = renderRow('en', reminder, 'Reminder');
    expect(en.getByText('Due')).toBeTruthy();
    expect(en.getAllByText('Reminder')).toHaveLength(1);
    const zh = renderRow('zh_CN', reminder, '提醒');
    expect(zh.getByText('已到期')).toBeTruthy();
    expect(zh.getAllByText('提醒')).toHaveLength(1);
  });

  it('is named after its stakeholder when it has one', () => {
    const row = renderRow(
      'en',
      { ...reminder, stakeholderId: 'S1', stakeholderName: 'Summit Trade Office' },
      'Summit Trade Office',
    );
    expect(row.getByText('Due')).toBeTruthy();
    expect(row.getByText('Summit Trade Office')).toBeTruthy();
  });
});
