import { describe, expect, it } from 'vitest';
import {
  describeFixtureCaptures,
  describeSelectorCoverage,
  siteChangedError,
  siteFixtures,
} from '../common/adapter-test-kit';
import { SiteChangedError } from '../common/site-changed-error';
import { extract } from './extract';
import { findButtonAnchor } from './mount';
import { selectors } from './selectors';

const { load } = siteFixtures('gmail');
const base = 'customer-thread-4msg';

describeFixtureCaptures('gmail', extract);
describeSelectorCoverage('gmail', selectors);

describe('gmail extract edge cases', () => {
  it('returns null when the URL shows no thread', () => {
    const f = load(base);
    expect(extract(f.document, { ...f, url: 'https://mail.google.com/mail/u/0/#inbox' })).toBeNull();
  });

  it.each([
    ['threadSubject', selectors.threadSubject],
    ['messageItem', selectors.messageItem],
    ['messageSender', selectors.messageSender],
    ['messageTime', selectors.messageTime],
    ['messageBody', selectors.messageBody],
  ])('throws SiteChangedError naming %s when it is missing', (key, selector) => {
    const f = load(base);
    for (const el of Array.from(f.document.querySelectorAll(selector))) el.remove();
    const run = () => extract(f.document, f);
    expect(run).toThrow(SiteChangedError);
    const err = siteChangedError('gmail', run);
    expect(err.selectorKey).toBe(key);
    expect(err.message).not.toContain('Marcus');
  });

  it('falls back to the address in the tab title, and fails by key when the account is nowhere', () => {
    const f = load(base);
    f.document.querySelector(selectors.accountButton)!.remove();
    const got = extract(f.document, f)!;
    expect(got.account).toEqual({
      name: 'chen.jing@northwind-robotics.com',
      handle: 'chen.jing@northwind-robotics.com',
    });
    expect(got.messages[1]!.direction).toBe('outbound');
    f.document.title = 'Inbox';
    expect(() => extract(f.document, f)).toThrow(expect.objectContaining({ selectorKey: 'accountButton' }));
  });

  it('fails by key on a time it cannot read rather than guessing', () => {
    const f = load(base);
    const time = f.document.querySelector(selectors.messageTime)!;
    time.setAttribute('title', 'sometime');
    time.setAttribute('alt', 'sometime');
    time.textContent = 'soon';
    expect(() => extract(f.document, f)).toThrow(expect.objectContaining({ selectorKey: 'messageTime' }));
  });

  it('reads the zh-CN account label and date format', () => {
    const f = load(base);
    f.document
      .querySelector(selectors.accountButton)!
      .setAttribute('aria-label', 'Google 帐号： 陈静  \n(chen.jing@northwind-robotics.com)');
    f.document.querySelector(selectors.messageTime)!.setAttribute('title', '2026年3月9日 上午10:14');
    const got = extract(f.document, f)!;
    expect(got.account.name).toBe('陈静');
    expect(got.messages[0]!.sentAt).toBe('2026-03-09T10:14:00+08:00');
  });

  it('reads only the open thread beside a visible inbox list, in every UI language', () => {
    const f = load('zhcn-reading-pane-right');
    const got = extract(f.document, f)!;
    expect(got.messages.map((m) => m.direction)).toEqual(['inbound', 'outbound', 'inbound']);
    expect(got.messages.every((m) => m.sentAt.startsWith('2026-04-2'))).toBe(true);
  });

  it('names a sender whose name the page leaves empty by the address, not a guess', () => {
    const f = load('zhcn-reading-pane-right');
    const sender = f.document.querySelector(selectors.messageSender)!;
    sender.setAttribute('name', '');
    sender.textContent = '';
    const first = extract(f.document, f)!.messages[0]!;
    expect(first.author).toEqual({ name: 'wang.lei@huaxin-retail.com', handle: 'wang.lei@huaxin-retail.com' });
  });

  it('leaves out a reply still being written', () => {
    const f = load('zhtw-draft-reply-in-progress');
    const got = extract(f.document, f)!;
    expect(got.messages).toHaveLength(1);
    expect(got.messages[0]!.text).not.toContain('稍後');
  });

  it('orders messages oldest first whatever the page order', () => {
    const f = load(base);
    const list = f.document.querySelector('[role="list"]')!;
    const items = Array.from(list.querySelectorAll(':scope > [role="listitem"]'));
    for (const item of items.reverse()) list.appendChild(item);
    expect(extract(f.document, f)).toEqual(f.expected);
  });

  it('keeps a hostile sender name as plain text', () => {
    const f = load('inbound-single-unanswered');
    const hostile = '<img src=x onerror=alert(1)>';
    f.document.querySelector(selectors.messageSender)!.setAttribute('name', hostile);
    expect(extract(f.document, f)!.messages[0]!.author.name).toBe(hostile);
  });
});

describe('gmail mount', () => {
  it('anchors the button in the open thread toolbar, not a hidden view', () => {
    const f = load(base);
    const anchor = findButtonAnchor(f.document);
    expect(anchor?.getAttribute('role')).toBe('toolbar');
    expect(anchor?.closest('[role="main"]')?.querySelector('h2.hP')).not.toBeNull();
    f.document.querySelector(selectors.threadSubject)!.remove();
    expect(findButtonAnchor(f.document)).toBeNull();
  });

  it('anchors beside the subject in a conversation window, which has no toolbar', () => {
    const f = load('popout-own-window');
    const anchor = findButtonAnchor(f.document);
    expect(anchor?.querySelector(selectors.threadSubject)).not.toBeNull();
  });
});
