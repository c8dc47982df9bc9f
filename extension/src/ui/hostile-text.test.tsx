// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { CapturedThread, DrilldownItem, OverdueItem } from '@comms-log/shared';
import { translate, type MessageKey } from '../lib/i18n';
import { DrilldownTable } from './dashboard/drilldown/drilldown-table';
import { renderInDashboard, testEnv } from './dashboard/testing/dashboard-env';
import { FollowupRow } from './popup/followup-row';
import { StakeholderPicker } from './stakeholder-picker';

/*
 * Hostile page text from the Gmail hostile-text fixture (sites/gmail/fixtures/SOURCES.md) where the Log-this
 * panel, the popup and the dashboard show it: as text, no element made from it, an RTL override kept inside its
 * own bidi-isolated element so it cannot reverse the text around it.
 */
const capture = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', 'sites', 'gmail', 'fixtures', 'hostile-text.expected.json'), 'utf8'),
) as CapturedThread;
const [first, second] = capture.messages as [CapturedThread['messages'][0], CapturedThread['messages'][0]];
const rtlName = first.author.name;
const t = (key: MessageKey, ...subs: (string | number)[]) => translate('en', key, ...subs);

afterEach(cleanup);

/** Nothing in `root` was created from the text: no script, image, frame, event attribute or javascript: link. */
function expectNoMarkupFromText(root: ParentNode) {
  expect(root.querySelectorAll('script, img, svg, iframe, object, embed')).toHaveLength(0);
  expect(root.querySelectorAll('[onerror], [onload], [onclick]')).toHaveLength(0);
  for (const a of Array.from(root.querySelectorAll('a'))) {
    expect(a.getAttribute('href') ?? '').not.toMatch(/^\s*javascript:/i);
  }
  expect((globalThis as { __pwned?: unknown }).__pwned).toBeUndefined();
}

/** The element holding `text` isolates its direction: a `<bdi>`, or an element with `dir="auto"`. */
function expectIsolated(root: ParentNode, text: string) {
  const holders = Array.from(root.querySelectorAll('*')).filter((el) =>
    Array.from(el.childNodes).some((n) => n.nodeType === 3 && (n.nodeValue ?? '').includes(text)),
  );
  expect(holders.length).toBeGreaterThan(0);
  for (const el of holders) {
    expect(el.closest('bdi, [dir="auto"]'), `${el.tagName} holding the text is not isolated`).not.toBeNull();
  }
}

describe('the Log-this panel', () => {
  it('shows the counterpart name to create as an editable text, direction isolated', () => {
    const { container } = render(
      <StakeholderPicker t={t} value={{ kind: 'new', name: rtlName }} onChange={() => {}} allowCreate />,
    );
    const input = screen.getByRole<HTMLInputElement>('textbox', { name: 'Stakeholder name' });
    expect(input.value).toBe(rtlName);
    expect(input.getAttribute('dir')).toBe('auto');
    expectNoMarkupFromText(container);
  });
});

describe('the popup', () => {
  it('shows a late wait named and titled with hostile text as text', () => {
    const item: OverdueItem = {
      kind: 'wait',
      id: 'W1',
      state: 'late',
      userId: 'u1',
      stakeholderId: null,
      stakeholderName: rtlName,
      stakeholderType: 'customer',
      channel: 'email',
      threadKey: `gmail:${capture.threadId}`,
      title: capture.title,
      url: 'javascript:alert(1)',
      since: first.sentAt,
      deadline: '2026-03-10T18:41:00+08:00',
      waitedMs: 20 * 3_600_000,
      waitedWorkMs: 8 * 3_600_000,
      sla: { value: 4, unit: 'working_hours' },
    };
    const { container } = render(
      <FollowupRow
        t={t}
        lang="en"
        item={item}
        group="waits"
        nowMs={Date.parse('2026-03-10T09:30:00+08:00')}
        timeZone="Asia/Shanghai"
        onAct={async () => {}}
        onOpen={() => {}}
        onLogCall={() => {}}
        outcomes={{}}
        onOutcome={async () => {}}
      />,
    );
    const row = screen.getByRole('article', { name: rtlName });
    expect(row.textContent).toContain(capture.title);
    expectNoMarkupFromText(container);
    expectIsolated(container, rtlName);
    expectIsolated(container, capture.title);
  });
});

describe('the dashboard drill-down', () => {
  it('lists an interaction with hostile names, title and link as text', () => {
    const item: DrilldownItem = {
      id: 'I1',
      occurredAt: '2026-03-09T10:41:00Z',
      source: 'gmail',
      channel: 'email',
      direction: 'inbound',
      threadKey: `gmail:${capture.threadId}`,
      title: capture.title,
      url: 'javascript:alert(1)',
      stakeholderId: null,
      stakeholderName: second.author.name,
      stakeholderType: 'customer',
      userId: 'u-me',
      userName: 'Li Na',
      authorName: rtlName,
      authorHandle: first.author.handle,
      waitStart: true,
      repliedAt: null,
      responseMs: null,
      responseWorkMs: null,
      deadlineAt: null,
      status: 'pending',
      firstResponse: true,
    };
    const { env } = testEnv('en');
    const { container } = renderInDashboard(<DrilldownTable items={[item]} />, env);
    const table = screen.getByRole('table', { name: 'interactions' });
    for (const s of [capture.title, rtlName, second.author.name]) expect(table.textContent).toContain(s);
    expectNoMarkupFromText(container);
    expectIsolated(container, rtlName);
    expectIsolated(container, capture.title);
    expectIsolated(container, second.author.name);
  });
});
