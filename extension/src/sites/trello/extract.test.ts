import { describe, expect, it } from 'vitest';
import {
  describeFixtureCaptures,
  describeSelectorCoverage,
  siteChangedError,
  siteFixtures,
} from '../common/adapter-test-kit';
import type { LoadedFixture } from '../common/fixture-test-kit';
import { extract, parseMember } from './extract';
import { findButtonAnchor } from './mount';
import { selectors, type TrelloSelectorKey } from './selectors';

const { names: fixtureNames, load } = siteFixtures('trello');
const run = (f: LoadedFixture) => extract(f.document, { url: f.url, now: f.now, timeZone: f.timeZone });
const siteChangedKey = (fn: () => unknown) => siteChangedError('trello', fn).selectorKey;

/** The `<li>` of the comment whose permalink is `#comment-<id>`. */
function commentItem(f: LoadedFixture, id: string): Element {
  return f.document.querySelector(`a[href="#comment-${id}"]`)!.closest(selectors.action)!;
}

describeFixtureCaptures('trello', extract);

describe('trello extract: fixtures', () => {
  it('has the seven fixtures', () => {
    expect([...fixtureNames].sort()).toEqual([
      'comment-draft-in-progress',
      'customer-complaint-card',
      'media-inquiry-card',
      'partner-golive-signoff-card',
      'partner-launch-card',
      'zhcn-card-full-page-empty',
      'zhcn-card-modal-mixed-activity',
    ]);
  });
});

describe('trello extract: layouts', () => {
  it('captures a card page without comments as a thread with no messages', () => {
    const f = load('zhcn-card-full-page-empty');
    const got = extract(f.document, f)!;
    expect(got.messages).toEqual([]);
    expect(got.project?.status).toBe('待处理');
  });

  it('keeps a departed member by the printed name, without a handle', () => {
    const f = load('zhcn-card-modal-mixed-activity');
    const got = extract(f.document, f)!;
    expect(got.messages.find((m) => m.author.handle === null)?.author.name).toBe('刘洋');
  });

  it('leaves out a comment still being written', () => {
    const f = load('comment-draft-in-progress');
    expect(
      extract(f.document, f)!
        .messages.map((m) => m.text)
        .join(' '),
    ).not.toContain('book the engineer');
  });

  it('cuts an over-long member name to the capture limit instead of failing', () => {
    const f = load('zhcn-card-modal-mixed-activity');
    const avatar = f.document.querySelector(`${selectors.action} ${selectors.commentAuthorAvatar}`)!;
    avatar.setAttribute('title', `${'周'.repeat(4000)} (zhouli_hx)`);
    const got = extract(f.document, f)!;
    expect(got.messages.at(-1)!.author.name).toBe('周'.repeat(300));
  });
});

describe('trello extract: behaviour', () => {
  it('returns null when no card is open', () => {
    const f = load('partner-launch-card');
    const url = 'https://trello.com/b/Kq1Zx9Lm/hexa-kestrel-launch-2026';
    expect(extract(f.document, { url, now: f.now, timeZone: f.timeZone })).toBeNull();
  });

  it('leaves system actions out and puts the newest-first list oldest first', () => {
    const f = load('partner-launch-card');
    const got = run(f)!;
    const onPage = Array.from(f.document.querySelectorAll(selectors.action));
    expect(onPage.length).toBe(6);
    expect(got.messages.length).toBe(4);
    const times = got.messages.map((m) => Date.parse(m.sentAt));
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('reads the short visible time when the long title is absent, and Chinese long titles', () => {
    const f = load('partner-launch-card');
    const wang = commentItem(f, '69ae6b404bd56c80b399f337').querySelector('a span[title]')!;
    wang.removeAttribute('title');
    const emma = commentItem(f, '69af6be44afad30bdda0cfd8').querySelector('a span[title]')!;
    emma.setAttribute('title', '2026年3月10日 上午8:56');
    const got = run(f)!;
    expect(got.messages.find((m) => m.id === '69ae6b404bd56c80b399f337')!.sentAt).toBe('2026-03-09T14:40:00+08:00');
    expect(got.messages.find((m) => m.id === '69af6be44afad30bdda0cfd8')!.sentAt).toBe('2026-03-10T08:56:00+08:00');
  });

  it('gives a deleted member (no username) a null handle and the printed name', () => {
    const f = load('media-inquiry-card');
    commentItem(f, '69aec8887d8b2857adcabb65').querySelector('button[title]')!.removeAttribute('title');
    const got = run(f)!;
    const m = got.messages.find((x) => x.id === '69aec8887d8b2857adcabb65')!;
    expect(m.author).toEqual({ name: 'Chen Siyuan', handle: null });
    expect(m.direction).toBe('inbound');
  });

  it('parses member titles', () => {
    expect(parseMember('Zhou Li (zhouli_hexa)')).toEqual({ name: 'Zhou Li', handle: 'zhouli_hexa' });
    expect(parseMember('Deleted member')).toEqual({ name: 'Deleted member', handle: null });
  });

  it('finds the button anchor in the card back header', () => {
    const f = load('customer-complaint-card');
    expect(findButtonAnchor(f.document)?.getAttribute('data-testid')).toBe('card-back-header');
  });
});

describe('trello extract: project fields', () => {
  const signoff = 'partner-golive-signoff-card';
  /** The `<li>` of the system action whose permalink is `#action-<id>`. */
  const actionItem = (f: LoadedFixture, id: string) =>
    f.document.querySelector(`a[href="#action-${id}"]`)!.closest(selectors.action)!;

  it('takes the newest "marked complete", even after an earlier one was undone', () => {
    expect(run(load(signoff))?.project?.doneAt).toBe('2026-03-19T16:45:00+08:00');
  });

  it('is not done when the newest of the two says the due date was marked incomplete', () => {
    const f = load(signoff);
    actionItem(f, '69bbb78c1f4d6a03b95e2c17').remove();
    expect(run(f)?.project?.doneAt).toBeNull();
  });

  it('reads the Chinese wording of the action', () => {
    const f = load(signoff);
    const item = actionItem(f, '69bbb78c1f4d6a03b95e2c17');
    item.querySelector('.z7tNCNbkZ4rtGb')!.textContent = '将到期日标记为已完成';
    item.querySelector(`${selectors.actionPermalink} span`)!.setAttribute('title', '2026年3月19日 下午4:46');
    expect(run(f)?.project?.doneAt).toBe('2026-03-19T16:46:00+08:00');
  });

  it('reads the due badge text when it has no title, and a card without dates has none', () => {
    const f = load(signoff);
    f.document.querySelector(`${selectors.dueDate} span`)!.removeAttribute('title');
    expect(run(f)?.project?.dueAt).toBe('2026-03-20T18:00:00+08:00');
    f.document.querySelector(selectors.dueDate)!.remove();
    expect(run(f)?.project?.dueAt).toBeNull();
    expect(run(load('partner-launch-card'))?.project).toEqual({ status: 'In progress', dueAt: null, doneAt: null });
  });

  it('refuses a due date it cannot read, naming the key and no page text', () => {
    const f = load(signoff);
    const span = f.document.querySelector(`${selectors.dueDate} span`)!;
    span.removeAttribute('title');
    span.textContent = 'Q1 2026 wk 12';
    const err = siteChangedError('trello', () => run(f));
    expect(err.selectorKey).toBe('dueDate');
    expect(err.message).not.toContain('wk 12');
  });
});

/** Removing what a required selector targets must throw SiteChangedError naming that key. */
const requiredCases: Array<{ fixture: string; key: TrelloSelectorKey; remove: string[] }> = [
  { fixture: 'partner-launch-card', key: 'accountButton', remove: ['[data-testid="header-member-menu-button"]'] },
  { fixture: 'customer-complaint-card', key: 'accountButton', remove: ['[data-testid="header-member-menu-button"]'] },
  { fixture: 'partner-launch-card', key: 'cardBackPanel', remove: [selectors.cardBackPanel] },
  { fixture: 'media-inquiry-card', key: 'cardTitle', remove: [selectors.cardTitle] },
  {
    fixture: 'media-inquiry-card',
    key: 'commentBody',
    remove: [`${selectors.commentContainer} ${selectors.commentBody}`],
  },
  { fixture: 'media-inquiry-card', key: 'commentPermalink', remove: [selectors.commentPermalink] },
  { fixture: 'customer-complaint-card', key: 'commentTime', remove: [`${selectors.commentPermalink} span`] },
  {
    fixture: 'partner-launch-card',
    key: 'commentAuthorName',
    remove: [`${selectors.action} button[title]`, selectors.commentAuthorName],
  },
];

describe('trello extract: missing required elements', () => {
  for (const { fixture, key, remove } of requiredCases) {
    it(`${fixture} without ${key} throws SiteChangedError(${key})`, () => {
      const f = load(fixture);
      for (const sel of remove) {
        const targets = f.document.querySelectorAll(sel);
        expect(targets.length).toBeGreaterThan(0);
        for (const el of targets) el.remove();
      }
      expect(siteChangedKey(() => run(f))).toBe(key);
    });
  }
});

describeSelectorCoverage('trello', selectors);
