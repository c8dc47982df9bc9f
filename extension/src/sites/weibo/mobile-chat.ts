import type { CapturedMessage, CapturedThread } from '@comms-log/shared';
import { oldestFirst } from '../common/oldest-first';
import { all, optionalOne, requireOne } from '../common/query';
import { SiteChangedError } from '../common/site-changed-error';
import { parseTimeText, type TimeContext } from '../common/time';
import { clipText, snippet140, visibleText } from '../common/visible-text';
import { mobileAccountUid } from './mobile-post';
import { mobileSelectors as s } from './mobile-selectors';

function fail(key: string, detail?: string): never {
  throw new SiteChangedError('weibo', key, detail);
}

/**
 * An m.weibo.cn private chat (`/message/chat?uid=<peer>`): the same thread id (the other party's uid) as the
 * api.weibo.com chat. Bubbles carry no id; their side says who wrote them (own on the right), and a time separator
 * applies to the bubbles after it.
 */
export function extractMobileChat(doc: Document, pageUrl: string, peerUid: string, ctx: TimeContext): CapturedThread {
  const accountUid = mobileAccountUid(doc);
  const peerName = clipText(visibleText(requireOne(doc, 'weibo', 'chatPeer', s.chatPeer)), 300) || peerUid;
  const list = requireOne(doc, 'weibo', 'chatList', s.chatList);

  const messages: CapturedMessage[] = [];
  let currentTime: string | null = null;
  for (const el of all(list, `${s.chatTime}, ${s.chatMessage}`)) {
    if (el.matches(s.chatTime)) {
      currentTime = parseTimeText(visibleText(el), ctx) ?? fail('chatTime', 'unreadable time');
      continue;
    }
    const own = el.matches(s.chatOwnMessage) || optionalOne(el, s.chatOwnMessage) !== null;
    const peer = el.matches(s.chatPeerMessage) || optionalOne(el, s.chatPeerMessage) !== null;
    // A row on neither side is a notice ("以下为新消息"), not a message.
    if (own === peer) continue;
    if (currentTime === null) fail('chatTime', 'message before any time separator');
    messages.push({
      id: null,
      author: own ? { name: accountUid, handle: accountUid } : { name: peerName, handle: peerUid },
      direction: own ? 'outbound' : 'inbound',
      sentAt: currentTime,
      text: snippet140(visibleText(requireOne(el, 'weibo', 'chatBubble', s.chatBubble))),
    });
  }
  return {
    site: 'weibo',
    channel: 'social',
    url: pageUrl,
    threadId: peerUid,
    title: peerName,
    account: { name: accountUid, handle: accountUid },
    messages: oldestFirst(messages),
    ownPost: null,
  };
}
