import { describe, expect, it } from 'vitest';
import { describeRejectsOtherSites } from '../common/adapter-test-kit';
import { isChatPage, isPostPage, isThreadPage, parseChatPeerUid, parsePostUrl } from './detect';

const ownPosts = [
  'https://weibo.com/5893321047/QucZuvOKc',
  'https://weibo.com/6123456789/QuCf52hOy',
  'https://www.weibo.com/6123456789/QuCf52hOy?refer_flag=1001030103_',
];
const ownChats = [
  'https://api.weibo.com/chat/#/chat?to_uid=6012345678&source_from=2',
  'https://api.weibo.com/chat#/chat?uid=6012345678',
];
const weiboNonThreads = [
  'https://weibo.com/',
  'https://weibo.com/u/5893321047',
  'https://weibo.com/5893321047',
  'https://weibo.com/at/weibo',
  'https://weibo.com/mygroups?gid=110003588472511',
  'https://weibo.com/5893321047/follow',
  'https://api.weibo.com/chat/#/chat',
  'https://api.weibo.com/chat/#/chat?gid=4874885341645117',
  'https://api.weibo.com/2/statuses/show.json?id=1',
  'https://s.weibo.com/weibo?q=%23x%23',
  'http://weibo.com/5893321047/QucZuvOKc',
];

describeRejectsOtherSites('weibo', isThreadPage);

describe('weibo detect', () => {
  it.each(ownPosts)('post page: %s', (u) => {
    expect(isPostPage(new URL(u))).toBe(true);
    expect(isChatPage(new URL(u))).toBe(false);
    expect(isThreadPage(new URL(u))).toBe(true);
  });

  it.each(ownChats)('chat page: %s', (u) => {
    expect(isChatPage(new URL(u))).toBe(true);
    expect(isPostPage(new URL(u))).toBe(false);
    expect(isThreadPage(new URL(u))).toBe(true);
  });

  it.each(weiboNonThreads)('not a weibo thread: %s', (u) => {
    expect(isThreadPage(new URL(u))).toBe(false);
  });

  it('reads the ids from the URL', () => {
    expect(parsePostUrl(new URL(ownPosts[0]!))).toEqual({ uid: '5893321047', mblogid: 'QucZuvOKc' });
    expect(parseChatPeerUid(new URL(ownChats[0]!))).toBe('6012345678');
    expect(parseChatPeerUid(new URL(ownChats[1]!))).toBe('6012345678');
  });
});
