import { describe, expect, it } from 'vitest';
import { isChatPage, isPostPage, isThreadPage, parseChatPeerUid, parsePostUrl } from './detect';

/** The other sites' fixture URLs (their `fixture-url` metas): none is a Weibo thread. */
const otherSites = [
  'https://mail.google.com/mail/u/0/#inbox/FMfcgzQfCMpSLQdcSkCqNnPpHCCpjTdC',
  'https://mail.google.com/mail/u/0/#inbox/FMfcgzQfCMqcMlRdfDKMlSCbhLlfNBrS',
  'https://mail.google.com/mail/u/0/#inbox/FMfcgzQfCMpSwfwFSRwKBlcpJFxrTZsq',
  'https://outlook.office.com/mail/inbox/id/AAQkADAwATM0MDAAaqfY4Jo2L8q7c%2FgWHhmYcZUAEABM18kFH7DrmPGTPrWOTx5k',
  'https://outlook.office.com/mail/inbox/id/AAQkADAwATM0MDAAlHta5EuyAtt96iAQKhCpCj0AEACnE11jZW8VevQiDN5HTPl3',
  'https://outlook.office.com/mail/inbox/id/AAQkADAwATM0MDAArBdQLSuLcKQYFhyxxmp%2BsKoAEADvh7Nu%2BCeA5X5U3kSjAPSt',
  'https://northwind-robotics.atlassian.net/browse/CS-2087',
  'https://hexacloud.atlassian.net/jira/software/c/projects/MKT/boards/12?selectedIssue=MKT-77',
  'https://hexacloud.atlassian.net/browse/ATLAS-142',
  'https://trello.com/c/Rk5Tz8Wb/17-brightline-cs-2087',
  'https://trello.com/c/Gm4Ps7Yc/33-media-asia-tech-review-interview-prep-jakarta-launch',
  'https://trello.com/c/Xq7Lm2Pd/48-kestrel-partner-launch-sync-notes-open-items',
];

const ownPosts = ['https://weibo.com/5893321047/QucZuvOKc', 'https://weibo.com/6123456789/QuCf52hOy', 'https://www.weibo.com/6123456789/QuCf52hOy?refer_flag=1001030103_'];
const ownChats = ['https://api.weibo.com/chat/#/chat?to_uid=6012345678&source_from=2', 'https://api.weibo.com/chat#/chat?uid=6012345678'];
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

  it.each([...otherSites, ...weiboNonThreads])('not a weibo thread: %s', (u) => {
    expect(isThreadPage(new URL(u))).toBe(false);
  });

  it('reads the ids from the URL', () => {
    expect(parsePostUrl(new URL(ownPosts[0]!))).toEqual({ uid: '5893321047', mblogid: 'QucZuvOKc' });
    expect(parseChatPeerUid(new URL(ownChats[0]!))).toBe('6012345678');
    expect(parseChatPeerUid(new URL(ownChats[1]!))).toBe('6012345678');
  });
});
