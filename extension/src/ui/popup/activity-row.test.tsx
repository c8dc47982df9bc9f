// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { OverdueItem } from '@comms-log/shared';
import { translate, type Lang, type MessageKey } from '../../lib/i18n';
import { FollowupRow } from './followup-row';

afterEach(cleanup);

const activity: OverdueItem = {
  kind: 'activity',
  id: 'A1',
  state: 'overdue',
  ownerUserId: 'u1',
  title: 'Quarterly partner review',
  channel: 'video',
  startAt: '2026-03-05T01:00:00.000Z',
  endAt: '2026-03-05T02:00:00.000Z',
};

function renderRow(lang: Lang) {
  cleanup();
  const t = (key: MessageKey, ...subs: (string | number)[]) => translate(lang, key, ...subs);
  render(
    <FollowupRow
      t={t}
      lang={lang}
      item={activity}
      group="reminders"
      nowMs={Date.parse('2026-03-09T04:00:00Z')}
      timeZone="Asia/Shanghai"
      onAct={async () => {}}
      onOpen={() => {}}
      onLogCall={() => {}}
      outcomes={{}}
      onOutcome={async () => {}}
    />,
  );
  return screen.getByRole('article', { name: 'Quarterly partner review' });
}

describe('an overdue planned activity in the follow-ups list', () => {
  it('shows its title, channel and planned date, in English and Chinese, without buttons', () => {
    const en = renderRow('en');
    expect(within(en).getByText('Overdue')).toBeTruthy();
    expect(within(en).getByText('Video meeting')).toBeTruthy();
    expect(en.textContent).toMatch(/Planned activity, was due Mar 5, 2026.*9:00/);
    expect(within(en).queryAllByRole('button')).toEqual([]);
    const zh = renderRow('zh_CN');
    expect(within(zh).getByText('已逾期')).toBeTruthy();
    expect(zh.textContent).toContain('计划中的沟通活动，原定');
  });
});
