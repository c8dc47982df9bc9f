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
    item.querySelector(`${selectors.commentAuthor} h3`)!.textContent = 'Former user';
    const got = extract(f.document, f)!.messages.find((m) => m.id === '20407')!;
    expect(got.author).toEqual({ name: 'Former user', handle: null });
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
