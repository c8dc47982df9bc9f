// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { OverdueItem } from '@comms-log/shared';
import { FOLLOWUP_GROUPS, groupItems } from '../../lib/followups/local';
import { PAINT_ROWS, paintOf } from '../../lib/followups/paint';
import type { FollowupsHead } from '../../lib/followups/storage-items';
import { translate, type Lang, type MessageKey } from '../../lib/i18n';
import type { SyncStatus } from '../../lib/sync/status';
import { errorText } from '../labels';
import { FollowupRow } from './followup-row';
import { endPrepaint, prepaint, startPrepaint } from './prepaint';
import { keepScreen, recallScreen } from './prepaint-cache';
import { paintView } from './prepaint-view';

const computedAt = '2026-03-12T02:00:00.000Z';
const timeZone = 'Asia/Shanghai';

const wait: OverdueItem = {
  kind: 'wait',
  id: 'I1',
  state: 'late',
  userId: 'u1',
  stakeholderId: 'S1',
  stakeholderName: 'Marcus <img src=x onerror=alert(1)>',
  stakeholderType: 'customer',
  channel: 'email',
  threadKey: 'gmail:t1',
  title: 'Order 1182 arrived damaged',
  url: 'https://mail.google.com/mail/u/0/#inbox/t1',
  since: '2026-03-10T01:00:00Z',
  deadline: '2026-03-10T05:00:00Z',
  waitedMs: 49 * 3_600_000,
  waitedWorkMs: 18 * 3_600_000,
  sla: { value: 4, unit: 'working_hours' },
};
const cadence: OverdueItem = {
  kind: 'cadence',
  id: 'S2',
  state: 'overdue',
  stakeholderId: 'S2',
  stakeholderName: '华东科技报',
  stakeholderType: 'media',
  ownerUserId: 'u1',
  lastContactAt: '2026-01-20T01:00:00Z',
  daysSince: 51,
  dueBy: '2026-02-19T01:00:00Z',
  idealDays: 14,
  maxDays: 30,
};
const reminder: OverdueItem = {
  kind: 'reminder',
  id: 'F1',
  state: 'due',
  userId: 'u1',
  dueAt: '2026-03-12T01:00:00Z',
  note: 'Confirm the meeting time',
  stakeholderId: null,
  stakeholderName: null,
  url: 'javascript:alert(1)',
};
const items = [wait, cadence, reminder];

function headOf(list: OverdueItem[]): FollowupsHead {
  const groups = groupItems(list);
  const totals = Object.fromEntries(FOLLOWUP_GROUPS.map((g) => [g, groups[g].length])) as FollowupsHead['totals'];
  return {
    computedAt,
    source: 'local',
    counts: { late: 1, dueSoon: 0, cadenceOverdue: 1, cadenceDue: 0, reminders: 1 },
    totals,
    head: groups,
    pendingActions: 0,
    rejectedActions: [],
  };
}

const tOf =
  (lang: Lang) =>
  (key: MessageKey, ...subs: (string | number)[]) =>
    translate(lang, key, ...subs);

/** What a row shows: its state, name and meta, the title or note, the detail, and its buttons. */
const shown = (row: Element) => ({
  line: row.querySelector('.fu-line')?.textContent,
  sub: row.querySelector('.fu-sub')?.textContent ?? null,
  detail: row.querySelector('.fu-detail')?.textContent,
  buttons: [...row.querySelectorAll('button')].map((b) => b.textContent),
});

afterEach(() => {
  cleanup();
  document.body.innerHTML = '';
});

describe('the popup’s first paint', () => {
  it.each(['en', 'zh_CN'] as const)('shows each row as the full popup does (%s)', (lang) => {
    const t = tOf(lang);
    const painted = paintView(
      paintOf(headOf(items), t, lang, timeZone),
      { sync: undefined, configured: true },
      Date.parse(computedAt),
    );
    const paintedRows = [...painted.querySelectorAll('article.fu-row')];
    const groups = groupItems(items);
    const inOrder = FOLLOWUP_GROUPS.flatMap((g) => groups[g]);
    expect(paintedRows).toHaveLength(inOrder.length);
    inOrder.forEach((item, i) => {
      const { container } = render(
        <FollowupRow
          t={t}
          lang={lang}
          item={item}
          group="g"
          nowMs={Date.parse(computedAt)}
          timeZone={timeZone}
          onAct={async () => {}}
          onOpen={() => {}}
          onLogCall={() => {}}
          outcomes={{}}
          onOutcome={async () => {}}
        />,
      );
      expect(shown(paintedRows[i]!)).toEqual(shown(container.querySelector('article')!));
      cleanup();
    });
    // Text from the data stays text; a javascript: URL gets no Open button.
    expect(painted.querySelector('img')).toBeNull();
    expect(painted.textContent).toContain('Marcus <img src=x onerror=alert(1)>');
    expect(shown(paintedRows.at(-1)!).buttons).toEqual([t('fuDone'), t('fuSnooze')]);
  });

  it('draws no more than a screenful of rows, with every group’s count', () => {
    const many = Array.from({ length: 40 }, (_, i) => ({ ...wait, id: `I${i}`, threadKey: `gmail:t${i}` }));
    const paint = paintOf(headOf([...many, cadence]), tOf('en'), 'en', timeZone);
    const sync = { pending: 3, rejected: 1, lastSyncAt: null, lastError: { code: 'network', detail: '' } };
    const view = paintView(paint, { sync: sync as SyncStatus, configured: true }, Date.parse(computedAt));
    expect(view.querySelectorAll('article.fu-row')).toHaveLength(PAINT_ROWS);
    // The header and the list's age, as the full popup words them.
    expect(view.querySelector('.pg-pending')?.textContent).toBe('3 waiting to sync · 1 refused by the server');
    expect(view.querySelector('.pg-status .pg-muted')?.textContent).toBe('Last sync: never');
    expect(view.querySelector('.pg-status .pg-error')?.textContent).toBe(
      `Last error: ${errorText(tOf('en'), { code: 'network', detail: '' })}`,
    );
    const signedOut = paintView(paint, { sync: sync as SyncStatus, configured: false }, Date.parse(computedAt));
    expect(signedOut.querySelector('.pg-status .pg-error')?.textContent).toBe(
      `Last error: ${tOf('en')('errNotConfigured')}`,
    );
    expect(view.querySelector('.fu-updated')?.textContent).toBe("Updated now · from this browser's copy");
    expect([...view.querySelectorAll('.fu-count')].map((c) => c.textContent)).toEqual(['40', '1', '0']);
    expect(view.querySelector('.fu-empty')?.textContent).toBe('Nothing here.');
  });
});

describe('prepaint', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    localStorage.clear();
    vi.spyOn(browser.i18n, 'getUILanguage').mockReturnValue('en-US');
    document.body.innerHTML = '<div id="root"></div>';
  });

  const rowNames = () => [...document.querySelectorAll('#popup-prepaint .fu-name')].map((n) => n.textContent);
  const header = { sync: undefined, configured: false };

  it('draws the screen the last open kept before the extension’s storage answers, then keeps the stored one', async () => {
    const older = paintOf(headOf([cadence]), tOf('en'), 'en', timeZone);
    keepScreen({ paint: older, header });
    await fakeBrowser.storage.local.set({ fuPaint: paintOf(headOf(items), tOf('en'), 'en', timeZone) });
    const root = document.getElementById('root')!;
    const done = prepaint(root);
    // Drawn in the same task, while the page is still parsed: no await before it.
    expect(rowNames()).toEqual(['华东科技报']);
    await done;
    expect(rowNames()).toEqual(['Marcus <img src=x onerror=alert(1)>', '华东科技报', 'Reminder']);
    expect(document.querySelectorAll('#popup-prepaint')).toHaveLength(1);
    expect(recallScreen()?.paint.groups.flatMap((g) => g.rows)).toHaveLength(3);
  });

  it('takes a kept screen away and forgets it when the background has none (signed out, list dropped)', async () => {
    keepScreen({ paint: paintOf(headOf(items), tOf('en'), 'en', timeZone), header });
    const root = document.getElementById('root')!;
    const done = prepaint(root);
    expect(rowNames()).toHaveLength(3);
    await done;
    expect(document.getElementById('popup-prepaint')).toBeNull();
    expect(root.hasAttribute('data-prepainted')).toBe(false);
    expect(recallScreen()).toBeNull();
  });

  it('draws the stored first screen inert above the hidden popup, and goes when the popup ends it', async () => {
    await fakeBrowser.storage.local.set({
      fuPaint: paintOf(headOf(items), tOf('en'), 'en', timeZone),
      languagePref: 'en',
    });
    const root = document.getElementById('root')!;
    await prepaint(root);
    const view = document.getElementById('popup-prepaint')!;
    expect(view.inert).toBe(true);
    expect(view.getAttribute('aria-hidden')).toBe('true');
    expect(view.querySelectorAll('article.fu-row')).toHaveLength(3);
    expect(root.hasAttribute('data-prepainted')).toBe(true);
    endPrepaint();
    expect(document.getElementById('popup-prepaint')).toBeNull();
    expect(root.hasAttribute('data-prepainted')).toBe(false);
  });

  it('draws nothing when the stored screen is in another language or there is none', async () => {
    const root = document.getElementById('root')!;
    await prepaint(root);
    expect(document.getElementById('popup-prepaint')).toBeNull();
    await fakeBrowser.storage.local.set({
      fuPaint: paintOf(headOf(items), tOf('en'), 'en', timeZone),
      languagePref: 'zh_CN',
    });
    await prepaint(root);
    expect(document.getElementById('popup-prepaint')).toBeNull();
    expect(root.hasAttribute('data-prepainted')).toBe(false);
  });
});

describe('the popup’s first script', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.spyOn(browser.i18n, 'getUILanguage').mockReturnValue('en-US');
    localStorage.clear();
    document.head.innerHTML = '';
    document.body.innerHTML = '<div id="root"></div>';
    delete window.commsLogPrepaint;
  });

  it('styles the page with one inline style and leaves the first paint for the full popup to wait on', async () => {
    await fakeBrowser.storage.local.set({
      fuPaint: paintOf(headOf(items), tOf('en'), 'en', timeZone),
      languagePref: 'en',
    });
    const { default: script } = await import('../../entrypoints/popup-prepaint');
    script.main();
    // Vitest leaves CSS out: the rules are checked in the built popup (test/e2e/popup-first-paint.test.ts).
    expect(document.head.querySelectorAll('style')).toHaveLength(1);
    expect(document.querySelector('link[rel="stylesheet"]')).toBeNull();
    expect(window.commsLogPrepaint).toBeInstanceOf(Promise);
    await window.commsLogPrepaint;
    expect(document.querySelectorAll('#popup-prepaint article.fu-row')).toHaveLength(3);
    expect(document.getElementById('popup-prepaint')?.nextElementSibling?.id).toBe('root');
  });

  it('settles at once when there is nothing stored to paint, so the full popup is not held up', async () => {
    startPrepaint(document.getElementById('root')!);
    const settled = await Promise.race([
      window.commsLogPrepaint!.then(() => true),
      new Promise((r) => setTimeout(() => r(false), 100)),
    ]);
    expect(settled).toBe(true);
    expect(document.getElementById('popup-prepaint')).toBeNull();
  });
});
