import { describe, expect, it } from 'vitest';
import { messageExternalId } from '../../lib/capture/thread-to-interactions';
import { describeSelectorCoverage, siteChangedError, siteFixtures } from '../common/adapter-test-kit';
import type { LoadedFixture } from '../common/fixture-test-kit';
import { isThreadPage, parseMobileChatPeerUid, parseMobilePostUrl } from './detect';
import { extract } from './extract';
import { findButtonAnchor } from './mount';
import { mobileSelectors } from './mobile-selectors';

const { load } = siteFixtures('weibo');
const run = (f: LoadedFixture) => extract(f.document, { url: f.url, now: f.now, timeZone: f.timeZone })!;
const keyOf = (f: LoadedFixture) => siteChangedError('weibo', () => run(f)).selectorKey;

describe('m.weibo.cn detect', () => {
  it.each([
    ['https://m.weibo.cn/status/QuCf52hOy', 'QuCf52hOy'],
    ['https://m.weibo.cn/detail/5271997807583232', 'QucZuvOKc'],
    ['https://m.weibo.cn/5893321047/4387933362623405', 'HATy0b0sZ'],
    ['https://m.weibo.cn/status/HATy0b0sZ?mblogid=HATy0b0sZ&luicode=10000011', 'HATy0b0sZ'],
  ])('reads %s as post %s', (url, mblogid) => {
    expect(parseMobilePostUrl(new URL(url))).toEqual({ mblogid });
    expect(isThreadPage(new URL(url))).toBe(true);
  });

  it.each([
    'https://m.weibo.cn/',
    'https://m.weibo.cn/profile/5893321047',
    'https://m.weibo.cn/status/abc',
    'https://m.weibo.cn/message/chat?name=msgbox',
    'http://m.weibo.cn/status/QuCf52hOy',
    'https://m.weibo.cn.evil.example/status/QuCf52hOy',
  ])('no thread at %s', (url) => expect(isThreadPage(new URL(url))).toBe(false));

  it('reads the chat peer', () => {
    expect(parseMobileChatPeerUid(new URL('https://m.weibo.cn/message/chat?uid=6012345678&name=msgbox'))).toBe(
      '6012345678',
    );
  });
});

describe('m.weibo.cn is the same thread as weibo.com', () => {
  it.each([
    ['m-customer-complaint-status', 'customer-complaint-post'],
    ['m-own-post-detail', 'brand-post-comments'],
  ])('%s gives the thread id and message ids of %s for the messages both show', (mobile, desktop) => {
    const [m, d] = [run(load(mobile)), run(load(desktop))];
    expect(m.threadId).toBe(d.threadId);
    const ids = (t: typeof m) => new Set(t.messages.map((msg) => messageExternalId(t, msg)));
    const desktopIds = ids(d);
    for (const id of ids(m)) expect(desktopIds.has(id)).toBe(true);
  });

  it('captures folded replies ("共N条回复") as nothing, and says which post is own', () => {
    const f = load('m-customer-complaint-status');
    expect(f.document.querySelector('.cmt-sub-txt')).not.toBeNull();
    const got = run(f);
    expect(got.messages.some((m) => m.text.includes('好的，那我下午在家等'))).toBe(false);
    expect(got.ownPost).toBeNull();
    expect(run(load('m-own-post-detail')).ownPost).toMatchObject({ reposts: 18, comments: 236, likes: 95 });
  });
});

describe('m.weibo.cn without its script data', () => {
  const dropScripts = (f: LoadedFixture) => {
    for (const s of Array.from(f.document.querySelectorAll('script'))) s.remove();
  };

  it('refuses a page that names no signed-in account', () => {
    const f = load('m-own-post-detail');
    dropScripts(f);
    expect(keyOf(f)).toBe('inlineScript');
  });

  it("reads the printed time and the action bar when the script data is another post's", () => {
    const f = load('m-own-post-detail');
    const script = f.document.querySelector('script')!;
    script.textContent = (script.textContent ?? '').replace(/"bid": "QucZuvOKc"/, '"bid": "QuCf52hOy"');
    f.document.querySelector(`${mobileSelectors.postActionBar} .m-font-comment`)!.nextElementSibling!.textContent =
      '1.2万';
    const got = run(f);
    expect(got.messages[0]!.sentAt).toBe('2026-03-09T10:00:00+08:00');
    expect(got.ownPost).toMatchObject({ reposts: 18, comments: 12000, likes: 95, reads: null, followers: null });
  });

  it('refuses a comment whose time has no clock, or whose avatar names no uid', () => {
    const f = load('m-customer-complaint-status');
    f.document.querySelector(mobileSelectors.commentTime)!.textContent = '03-10';
    expect(keyOf(f)).toBe('commentTime');
    const g = load('m-customer-complaint-status');
    g.document
      .querySelector(mobileSelectors.comment)!
      .querySelector(mobileSelectors.commentAvatar)!
      .setAttribute('data-fixture-src', 'https://h5.sinaimg.cn/upload/default_avatar.png');
    expect(keyOf(g)).toBe('commentAvatar');
  });

  it('puts the button on the action bar of a post', () => {
    expect(findButtonAnchor(load('m-own-post-detail').document)?.matches(mobileSelectors.postActionBar)).toBe(true);
    expect(findButtonAnchor(load('m-chat-media-inquiry').document)?.matches(mobileSelectors.chatPeer)).toBe(true);
  });
});

describe('m.weibo.cn times', () => {
  it("takes the post's time from its script data, offset included, over the printed one", () => {
    const f = load('m-customer-complaint-status');
    f.document.querySelector(mobileSelectors.postTime)!.textContent = '刚刚';
    const script = f.document.querySelector('script')!;
    script.textContent = (script.textContent ?? '').replace(
      'Tue Mar 10 08:05:00 +0800 2026',
      'Tue Mar 10 01:05:30 +0100 2026',
    );
    expect(run(f).messages.find((m) => m.id === 'QuCf52hOy')!.sentAt).toBe('2026-03-10T08:05:30+08:00');
  });

  it('reads day-relative and minute-relative comment times against now', () => {
    const f = load('m-customer-complaint-status');
    const [first, second] = Array.from(f.document.querySelectorAll(mobileSelectors.commentTime));
    first!.textContent = '昨天 08:41';
    second!.textContent = '5分钟前';
    const times = run(f).messages.map((m) => m.sentAt);
    expect(times).toContain('2026-03-10T08:41:00+08:00');
    expect(times).toContain('2026-03-11T09:25:00+08:00');
  });
});

describe('m.weibo.cn chat', () => {
  it('reads sides for direction, separators for times, and skips notices', () => {
    const got = run(load('m-chat-media-inquiry'));
    expect(got.threadId).toBe('6012345678');
    expect(got.messages.map((m) => m.direction)).toEqual(['inbound', 'inbound', 'outbound', 'inbound']);
    expect(got.messages.at(-1)!.sentAt).toBe('2026-03-10T09:12:00+08:00');
  });
});

describeSelectorCoverage('weibo', mobileSelectors);
