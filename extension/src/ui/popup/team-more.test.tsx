// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { OverdueItem } from '@comms-log/shared';
import type { FollowupGroup } from '../../lib/followups/local';
import { translate, type Lang, type MessageKey } from '../../lib/i18n';
import { FollowupsList } from './followups-list';

afterEach(cleanup);

// happy-dom lays nothing out: give every box the popup list's size, so the virtualised list renders its rows.
const sizes = ['clientWidth', 'clientHeight'] as const;
beforeAll(() => {
  for (const [i, key] of sizes.entries())
    Object.defineProperty(HTMLElement.prototype, key, { configurable: true, get: () => [356, 440][i] });
});
afterAll(() => {
  for (const key of sizes) Reflect.deleteProperty(HTMLElement.prototype, key);
});

const reminder = (n: number): OverdueItem => ({
  kind: 'reminder',
  id: `F${n}`,
  state: 'due',
  userId: 'u1',
  dueAt: '2026-03-12T01:00:00Z',
  note: `Reminder ${n}`,
  stakeholderId: null,
  stakeholderName: null,
  url: null,
});

/** A team page holding 3 of the group's 5 reminders, with the cursor of the next page. */
function renderTeamPage(lang: Lang, next: string | null, asked: FollowupGroup[]) {
  const t = (key: MessageKey, ...subs: (string | number)[]) => translate(lang, key, ...subs);
  render(
    <FollowupsList
      t={t}
      lang={lang}
      groups={{ awaiting: [], cold: [], reminders: [1, 2, 3].map(reminder) }}
      totals={{ awaiting: 0, cold: 0, reminders: 5 }}
      next={{ awaiting: null, cold: null, reminders: next }}
      onMore={(g) => asked.push(g)}
      nowMs={Date.parse('2026-03-12T02:00:00Z')}
      timeZone="Asia/Shanghai"
      onAct={async () => {}}
      onOpen={() => {}}
      onLogCall={() => {}}
      outcomes={{}}
      onOutcome={async () => {}}
    />,
  );
}

describe("a team page's group with more on the server", () => {
  it('offers the rest in words and asks for that group', () => {
    const asked: FollowupGroup[] = [];
    renderTeamPage('en', 'cursor-2', asked);
    fireEvent.click(screen.getByRole('button', { name: 'Show more (2 not shown)' }));
    expect(asked).toEqual(['reminders']);
    cleanup();
    renderTeamPage('zh_CN', 'cursor-2', asked);
    expect(screen.getByRole('button', { name: '显示更多（另有 2 条）' })).toBeTruthy();
  });

  it('offers nothing more on its last page', () => {
    renderTeamPage('en', null, []);
    expect(screen.queryByRole('button', { name: /Show more/ })).toBeNull();
  });
});
