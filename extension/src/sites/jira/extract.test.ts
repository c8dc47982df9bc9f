import { describe, expect, it } from 'vitest';
import {
  describeFixtureCaptures,
  describeSelectorCoverage,
  siteChangedError,
  siteFixtures,
} from '../common/adapter-test-kit';
import { accountIdFromUrl, extract } from './extract';
import { findButtonAnchor } from './mount';
import { selectors } from './selectors';
import { dcSelectors } from './dc-selectors';

const { load } = siteFixtures('jira');
const base = 'customer-escalation-issue';

const keyOf = (run: () => unknown) => siteChangedError('jira', run).selectorKey;

describeFixtureCaptures('jira', extract);
describeSelectorCoverage('jira', selectors);

describe('jira extract edge cases', () => {
  it('returns null when no issue is open', () => {
    const f = load(base);
    expect(extract(f.document, { ...f, url: 'https://northwind-robotics.atlassian.net/jira/your-work' })).toBeNull();
  });

  it.each([
    ['issueKey', selectors.issueKey],
    ['summary', selectors.summary],
    ['commentsList', selectors.commentsList],
    ['commentAuthor', selectors.commentAuthor],
    ['commentTime', selectors.commentTime],
    ['profileButton', selectors.profileButton],
  ])('throws SiteChangedError naming %s when it is missing', (key, selector) => {
    const f = load(base);
    for (const el of Array.from(f.document.querySelectorAll(selector))) el.remove();
    expect(keyOf(() => extract(f.document, f))).toBe(key);
  });

  it('an issue with no comments is a thread with no messages', () => {
    const f = load(base);
    f.document.querySelector(selectors.commentsList)!.innerHTML = '';
    expect(extract(f.document, f)?.messages).toEqual([]);
  });

  it('a former user keeps the name and has no handle', () => {
    const f = load(base);
    const item = f.document.querySelector('[data-testid="comment-base-item-20407"]')!;
    item.querySelector(`${selectors.commentAvatar} img`)!.remove();
    item.querySelector(selectors.commentAuthor)!.textContent = '前用户';
    const got = extract(f.document, f)!.messages.find((m) => m.id === '20407')!;
    expect(got.author).toEqual({ name: '前用户', handle: null });
    expect(got.direction).toBe('inbound');
  });

  it('reads account ids from avatar and profile URLs', () => {
    expect(
      accountIdFromUrl(
        'https://avatar-management--avatars.us-west-2.prod.public.atl-paas.net/712020:f1245d02-b603-496a-a26d-cddc44d1b2fb/70f04066-cb9d-48d0-8137-6793f215a320/48',
      ),
    ).toBe('712020:f1245d02-b603-496a-a26d-cddc44d1b2fb');
    expect(accountIdFromUrl('/jira/people/557058%3Af1245d02-b603-496a-a26d-cddc44d1b2fb')).toBe(
      '557058:f1245d02-b603-496a-a26d-cddc44d1b2fb',
    );
    expect(accountIdFromUrl('https://secure.gravatar.com/avatar/abc')).toBeNull();
  });
});

describe('jira project fields', () => {
  const resolved = 'partner-webhook-keys-resolved';

  it('reads the resolution date from the title before the relative text', () => {
    const f = load(resolved);
    expect(extract(f.document, f)?.project?.doneAt).toBe('2026-03-12T17:40:00+08:00');
  });

  it('prefers a datetime attribute, and reads the text after a localised label when nothing else is there', () => {
    const f = load(resolved);
    const el = f.document.querySelector(selectors.resolvedDate)!;
    el.innerHTML =
      '<span>Resolved <time datetime="2026-03-12T09:41:00Z" title="March 1, 2026 at 1:00 AM">x</time></span>';
    expect(extract(f.document, f)?.project?.doneAt).toBe('2026-03-12T17:41:00+08:00');
    el.innerHTML = '<span>已解决 2026年3月12日 下午5:42</span>';
    expect(extract(f.document, f)?.project?.doneAt).toBe('2026-03-12T17:42:00+08:00');
  });

  it('reads a date-only due date as the start of that day in the page zone', () => {
    const f = load(resolved);
    expect(extract(f.document, { ...f, timeZone: 'Europe/Berlin' })?.project?.dueAt).toBe('2026-03-13T00:00:00+01:00');
    f.document.querySelector(`${selectors.dueDate} span`)!.textContent = '2026年3月20日';
    expect(extract(f.document, f)?.project?.dueAt).toBe('2026-03-20T00:00:00+08:00');
  });

  it('is null for a due date shown as "None" and for fields the page does not show', () => {
    const f = load(resolved);
    f.document.querySelector(selectors.dueDateField)!.innerHTML = '<span>None</span>';
    f.document.querySelector(selectors.resolvedDate)!.remove();
    f.document.querySelector(selectors.status)!.remove();
    expect(extract(f.document, f)?.project).toEqual({ status: null, dueAt: null, doneAt: null });
  });

  it('refuses a due date it cannot read rather than dropping it', () => {
    const f = load(resolved);
    f.document.querySelector(`${selectors.dueDate} span`)!.textContent = '13.03.2026 (Q1)';
    const err = siteChangedError('jira', () => extract(f.document, f));
    expect(err.selectorKey).toBe('dueDate');
    expect(err.message).not.toContain('Q1');
  });
});

describe('jira mount', () => {
  it('anchors the button at the issue breadcrumb, inside the modal when there is one', () => {
    const modal = load('media-inquiry-board-modal');
    expect(findButtonAnchor(modal.document)?.closest(selectors.issueModal)).not.toBeNull();
    const page = load(base);
    expect(findButtonAnchor(page.document)?.textContent).toContain('CS-2087');
  });
});

describe('jira in every UI language and layout', () => {
  it('reads a zh-CN issue exactly as the English one, apart from the status the page prints', () => {
    const en = load('partner-integration-issue');
    const zh = load('zh-cn-partner-integration-issue');
    const [a, b] = [extract(en.document, en)!, extract(zh.document, zh)!];
    expect(b.messages).toEqual(a.messages);
    expect(zh.document.documentElement.lang).toBe('zh-CN');
  });

  it('reads the issue in a board side panel whose comments are newest first, and no draft', () => {
    const f = load('zh-cn-customer-escalation-board-panel');
    const got = extract(f.document, f)!;
    const times = got.messages.map((m) => Date.parse(m.sentAt));
    expect(times).toEqual([...times].sort((x, y) => x - y));
    expect(got.messages.some((m) => m.text.startsWith('草稿'))).toBe(false);
  });

  it('clips an over-long author name to the field limit instead of refusing the thread', () => {
    const f = load(base);
    f.document.querySelector(`[data-testid="comment-base-item-20407"] ${selectors.commentAuthor}`)!.textContent =
      'N'.repeat(400);
    expect(extract(f.document, f)!.messages.find((m) => m.id === '20407')!.author.name).toHaveLength(300);
  });

  it('refuses a comment whose author shows no name rather than guessing one', () => {
    const f = load(base);
    f.document.querySelector(`[data-testid="comment-base-item-20407"] ${selectors.commentAuthor}`)!.textContent = '';
    expect(keyOf(() => extract(f.document, f))).toBe('commentAuthor');
  });
});

describe('jira data center', () => {
  const dc = 'dc-zh-cn-customer-night-shift-issue';

  it.each([
    ['issueKey', dcSelectors.issueKey],
    ['summary', dcSelectors.summary],
    ['commentsList', dcSelectors.commentsList],
    ['commentAuthor', dcSelectors.commentAuthor],
    ['commentText', dcSelectors.commentText],
    ['remoteUser', `${dcSelectors.remoteUser}, ${dcSelectors.userMenu}`],
  ])('throws SiteChangedError naming %s when it is missing', (key, selector) => {
    const f = load(dc);
    for (const el of Array.from(f.document.querySelectorAll(selector))) el.remove();
    expect(keyOf(() => extract(f.document, f))).toBe(key);
  });

  it('reads the printed time when there is no datetime, and refuses one it cannot read', () => {
    const f = load('dc-partner-sso-issue');
    const time = f.document.querySelector(`#comment-10625 ${dcSelectors.commentTime}`)!;
    time.removeAttribute('datetime');
    time.closest(dcSelectors.commentDate)!.setAttribute('title', '2026/3/10 9:13');
    expect(extract(f.document, f)!.messages.at(-1)!.sentAt).toBe('2026-03-10T09:13:00+08:00');
    time.closest(dcSelectors.commentDate)!.setAttribute('title', 'sometime');
    time.textContent = 'sometime';
    expect(keyOf(() => extract(f.document, f))).toBe('commentTime');
  });

  it("keeps a deleted user's printed name without a handle, and a collapsed comment's text", () => {
    const f = load(dc);
    const got = extract(f.document, f)!.messages.find((m) => m.id === '10230')!;
    expect(got.author).toEqual({ name: 'wang.lei', handle: null });
    expect(got.text).toContain('01:50');
  });

  it('an issue without comments is a thread with no messages; a typed draft is not one', () => {
    const f = load(dc);
    expect(f.document.querySelector('#comment')!.textContent).not.toBe('');
    f.document.querySelector(dcSelectors.commentsList)!.innerHTML = '';
    expect(extract(f.document, f)!.messages).toEqual([]);
  });

  it('anchors the button at the issue header', () => {
    expect(findButtonAnchor(load(dc).document)?.querySelector(dcSelectors.summary)).not.toBeNull();
  });
});

describe('jira data center selectors', () => {
  const docs = ['dc-partner-sso-issue', 'dc-zh-cn-customer-night-shift-issue'].map((n) => load(n).document);
  it.each(Object.keys(dcSelectors) as Array<keyof typeof dcSelectors>)('%s matches in a fixture', (key) => {
    expect(docs.some((d) => d.querySelector(dcSelectors[key]) !== null)).toBe(true);
  });
});
