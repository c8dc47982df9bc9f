import { describe, expect, it } from 'vitest';
import {
  describeFixtureCaptures,
  describeSelectorCoverage,
  siteChangedError,
  siteFixtures,
} from '../common/adapter-test-kit';
import type { LoadedFixture } from '../common/fixture-test-kit';
import { extract } from './extract';
import { findButtonAnchor } from './mount';
import { selectors, type WeiboSelectorKey } from './selectors';

const { names: fixtureNames, load } = siteFixtures('weibo');
const run = (f: LoadedFixture) => extract(f.document, { url: f.url, now: f.now, timeZone: f.timeZone });
const siteChangedKey = (fn: () => unknown) => siteChangedError('weibo', fn).selectorKey;

describeFixtureCaptures('weibo', extract);

describe('weibo extract: fixtures', () => {
  it('has the seven fixtures', () => {
    expect([...fixtureNames].sort()).toEqual([
      'brand-post-comments',
      'chat-media-inquiry',
      'customer-complaint-post',
      'm-chat-media-inquiry',
      'm-customer-complaint-status',
      'm-own-post-detail',
      'own-post-launch-counts',
    ]);
  });
});

describe('weibo extract: behaviour', () => {
  it('returns null on a weibo page that is not a post or chat', () => {
    const f = load('brand-post-comments');
    expect(extract(f.document, { url: 'https://weibo.com/u/5893321047', now: f.now, timeZone: f.timeZone })).toBeNull();
  });

  it('orders popularity-sorted comments by time and keeps page order on equal times', () => {
    const f = load('customer-complaint-post');
    // Give the 3rd-shown top comment (08:30) the same time as the first shown (08:41): page order must win.
    const infos = f.document.querySelectorAll('.wbpro-list .con1 > .info > div:first-child');
    infos[2]!.textContent = '26-3-10 08:41 来自北京';
    const got = run(f)!;
    const at0841 = got.messages.filter((m) => m.sentAt === '2026-03-10T08:41:00+08:00').map((m) => m.author.name);
    expect(at0841).toEqual(['明澜家电官方', '数码老周']);
  });

  it('resolves relative comment times against now', () => {
    const f = load('customer-complaint-post');
    f.document.querySelectorAll('.wbpro-list .con1 > .info > div:first-child')[1]!.textContent = '5分钟前 来自上海';
    const got = run(f)!;
    expect(got.messages.at(-1)!.sentAt).toBe('2026-03-11T09:25:00+08:00');
  });

  it('applies a chat time separator to the messages after it, skipping the system notice', () => {
    const got = run(load('chat-media-inquiry'))!;
    expect(got.messages.map((m) => m.id)).not.toContain('5273104409990001');
    expect(got.messages[1]!.sentAt).toBe(got.messages[0]!.sentAt);
  });

  it('refuses a chat message with no time separator above it', () => {
    const f = load('chat-media-inquiry');
    f.document.querySelector('[id="5273104410000651"] .msg-time')!.remove();
    expect(siteChangedKey(() => run(f))).toBe('chatMessageTime');
  });

  it('finds the button anchor: post action bar, chat header', () => {
    const post = load('brand-post-comments');
    expect(findButtonAnchor(post.document)?.tagName).toBe('FOOTER');
    const chat = load('chat-media-inquiry');
    expect(findButtonAnchor(chat.document)?.className).toBe('webchat-title');
  });
});

describe('weibo extract: own post counts', () => {
  const own = 'own-post-launch-counts';

  it('takes the exact counts of the action bar label before the rounded ones it shows', () => {
    const f = load(own);
    f.document.querySelector('article footer')!.setAttribute('aria-label', '2318,3456,12034');
    expect(run(f)?.ownPost).toMatchObject({ reposts: 2318, comments: 3456, likes: 12034 });
  });

  it('reads a slot that shows its label instead of a number as 0, and a missing slot as null', () => {
    const f = load(own);
    f.document.querySelector('article footer .toolbar_num_JXZul')!.textContent = '转发';
    f.document.querySelector('article footer .woo-like-count')!.closest(selectors.postToolbarItem)!.remove();
    expect(run(f)?.ownPost).toMatchObject({ reposts: 0, comments: 3456, likes: null });
  });

  it('has no reads or followers where the page shows none', () => {
    const f = load(own);
    f.document.querySelector(selectors.postReads)!.remove();
    f.document.querySelector(selectors.fansLink)!.remove();
    expect(run(f)?.ownPost).toMatchObject({ reads: null, followers: null });
  });

  it("reads only the signed-in account's follower count, not another account's", () => {
    const f = load(own);
    f.document.querySelector(selectors.fansLink)!.setAttribute('href', '/u/page/follow/6620183457?relate=fans');
    expect(run(f)?.ownPost?.followers).toBeNull();
  });

  it('carries no counts on a post by someone else, nor on a chat', () => {
    expect(run(load('customer-complaint-post'))?.ownPost).toBeNull();
    expect(run(load('chat-media-inquiry'))?.ownPost).toBeNull();
  });
});

/** Removing what a required selector targets must throw SiteChangedError naming that key. */
const requiredCases: Array<{ fixture: string; key: WeiboSelectorKey; remove: string }> = [
  { fixture: 'brand-post-comments', key: 'accountAvatar', remove: selectors.accountAvatar },
  { fixture: 'brand-post-comments', key: 'post', remove: 'article' },
  { fixture: 'brand-post-comments', key: 'postAuthor', remove: 'article header a[usercard] span[title]' },
  { fixture: 'brand-post-comments', key: 'postPermalink', remove: 'article header a[class*="time"]' },
  { fixture: 'customer-complaint-post', key: 'postText', remove: selectors.postText },
  { fixture: 'customer-complaint-post', key: 'commentText', remove: '.con1 > .text' },
  { fixture: 'customer-complaint-post', key: 'commentAuthor', remove: '.con2 .text > a[href^="/u/"]' },
  { fixture: 'brand-post-comments', key: 'commentTime', remove: '.con2 > .info' },
  { fixture: 'chat-media-inquiry', key: 'chatSelfLink', remove: selectors.chatSelfLink },
  { fixture: 'chat-media-inquiry', key: 'chatPeer', remove: selectors.chatPeer },
  { fixture: 'chat-media-inquiry', key: 'chatMessageBubble', remove: '.msg-bubble' },
  { fixture: 'chat-media-inquiry', key: 'chatMessageAvatar', remove: 'li[id] .msg-avatar' },
];

describe('weibo extract: missing required elements', () => {
  for (const { fixture, key, remove } of requiredCases) {
    it(`${fixture} without ${key} throws SiteChangedError(${key})`, () => {
      const f = load(fixture);
      const targets = f.document.querySelectorAll(remove);
      expect(targets.length).toBeGreaterThan(0);
      for (const el of targets) el.remove();
      expect(siteChangedKey(() => run(f))).toBe(key);
    });
  }
});

/** Selectors written relative to one item (`:scope > …`) are checked inside that item. */
const scopedTo: Partial<Record<WeiboSelectorKey, WeiboSelectorKey>> = {
  commentText: 'comment',
  commentTime: 'comment',
  chatMessageTime: 'chatMessage',
};

describeSelectorCoverage('weibo', selectors, scopedTo);
