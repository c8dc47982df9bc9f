// @vitest-environment happy-dom
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import type { OverdueItem } from '@comms-log/shared';
import { translate, type Lang, type MessageKey } from '../../lib/i18n';
import { reactRootPerTest } from '../testing/react-root';
import { FollowupRow } from './followup-row';

const dom = reactRootPerTest();

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

function render(lang: Lang, item: OverdueItem) {
  const t = (key: MessageKey, ...subs: (string | number)[]) => translate(lang, key, ...subs);
  act(() =>
    dom.root.render(
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
      />,
    ),
  );
  return {
    state: dom.container.querySelector('.fu-state')?.textContent,
    name: dom.container.querySelector('article')?.getAttribute('aria-label'),
  };
}

describe('a due reminder without a stakeholder', () => {
  it('is named "Reminder" and marked due, not "Reminder" twice', () => {
    expect(render('en', reminder)).toEqual({ state: 'Due', name: 'Reminder' });
    expect(render('zh_CN', reminder)).toEqual({ state: '已到期', name: '提醒' });
  });

  it('is named after its stakeholder when it has one', () => {
    expect(render('en', { ...reminder, stakeholderId: 'S1', stakeholderName: 'Summit Trade Office' })).toEqual({
      state: 'Due',
      name: 'Summit Trade Office',
    });
  });
});
