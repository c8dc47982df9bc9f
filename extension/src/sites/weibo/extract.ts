import type { CapturedMessage, CapturedThread, Person } from '@comms-log/shared';
import { all, optionalOne, requireOne } from '../common/query';
import { SiteChangedError } from '../common/site-changed-error';
import { parseTimeText, type TimeContext } from '../common/time';
import { oldestFirst } from '../common/oldest-first';
import type { ExtractOptions } from '../common/types';
import { visibleText, snippet140 } from '../common/visible-text';
import { parseChatPeerUid, parseMobileChatPeerUid, parseMobilePostUrl, parsePostUrl } from './detect';
import { extractMobileChat } from './mobile-chat';
import { extractMobilePost } from './mobile-post';
import { extractOwnPost } from './own-post';
import { selectors, type WeiboSelectorKey } from './selectors';

/**
 * Weibo capture: a post detail page (the post plus its comments and nested replies) or an api.weibo.com/chat
 * conversation. Contract: docs/architecture.md "Capture contract". Comments are sorted by popularity on the
 * page and chat lists are in time order; either way the output is oldest first, equal times keeping page order.
 */
export function extract(doc: Document, opts: ExtractOptions): CapturedThread | null {
  const url = new URL(opts.url);
  const ctx: TimeContext = { now: opts.now, timeZone: opts.timeZone };
  if (parsePostUrl(url)) return extractPost(doc, opts.url, ctx);
  const peerUid = parseChatPeerUid(url);
  if (peerUid) return extractChat(doc, opts.url, peerUid, ctx);
  const mobilePost = parseMobilePostUrl(url);
  if (mobilePost) return extractMobilePost(doc, opts.url, mobilePost.mblogid, ctx);
  const mobilePeer = parseMobileChatPeerUid(url);
  if (mobilePeer) return extractMobileChat(doc, opts.url, mobilePeer, ctx);
  return null;
}

function need<E extends Element = Element>(root: ParentNode, key: WeiboSelectorKey): E {
  return requireOne<E>(root, 'weibo', key, selectors[key]);
}

function fail(key: WeiboSelectorKey, detail?: string): never {
  throw new SiteChangedError('weibo', key, detail);
}

/** The uid in a `/u/<uid>` link (`/u/123`, `//weibo.com/u/123`, `https://weibo.com/u/123`). */
function uidFromHref(href: string | null): string | null {
  const m = href ? /\/u\/(\d+)(?:[/?#]|$)/.exec(href) : null;
  return m ? m[1]! : null;
}

function requireUid(el: Element, key: WeiboSelectorKey): string {
  return uidFromHref(el.getAttribute('href')) ?? fail(key, 'no /u/<uid> link');
}

/** The shared parser also reads the place Weibo appends ("26-3-9 10:32 来自上海"). */
function parseTime(text: string, key: WeiboSelectorKey, ctx: TimeContext): string {
  return parseTimeText(text, ctx) ?? fail(key, 'unreadable time');
}

function direction(author: Person, accountUid: string): CapturedMessage['direction'] {
  return author.handle === accountUid ? 'outbound' : 'inbound';
}

function extractPostAccount(doc: Document): { name: string; handle: string } {
  const avatar = need(doc, 'accountAvatar');
  const link = avatar.closest(selectors.accountLink) ?? fail('accountLink');
  const handle = requireUid(link, 'accountLink');
  const name = avatar.getAttribute('title')?.trim() || handle;
  return { name, handle };
}

function extractPost(doc: Document, pageUrl: string, ctx: TimeContext): CapturedThread {
  const account = extractPostAccount(doc);
  const post = need(doc, 'post');

  const authorEl = need(post, 'postAuthor');
  const authorLink = authorEl.closest('a') ?? fail('postAuthor');
  const authorHandle = authorLink.getAttribute('usercard')?.trim() || requireUid(authorLink, 'postAuthor');
  const author: Person = {
    name: authorEl.getAttribute('title')?.trim() || visibleText(authorEl),
    handle: authorHandle,
  };

  const permalink = need(post, 'postPermalink');
  const idMatch = /\/(\d+)\/([0-9A-Za-z]+)\/?(?:[?#].*)?$/.exec(permalink.getAttribute('href') ?? '');
  if (!idMatch) fail('postPermalink', 'no /<uid>/<mblogid> link');
  const mblogid = idMatch[2]!;
  // The `title` holds the full date-time; the link text is the short form ("26-3-9 10:00").
  const fullTime = permalink.getAttribute('title');
  const sentAt =
    (fullTime ? parseTimeText(fullTime, ctx) : null) ?? parseTime(visibleText(permalink), 'postPermalink', ctx);

  const postText = snippet140(visibleText(need(post, 'postText')));
  const messages: CapturedMessage[] = [
    { id: mblogid, author, direction: direction(author, account.handle), sentAt, text: postText },
  ];

  for (const comment of all(doc, selectors.comment)) {
    messages.push(extractComment(comment, account.handle, ctx));
  }

  return {
    site: 'weibo',
    channel: 'social',
    url: pageUrl,
    threadId: mblogid,
    title: postText,
    account,
    messages: oldestFirst(messages),
    // Counts are the organisation's reach only on its own posts; a post by anyone else carries none.
    ownPost: author.handle === account.handle ? extractOwnPost(doc, post, account.handle) : null,
  };
}

function extractComment(comment: Element, accountUid: string, ctx: TimeContext): CapturedMessage {
  const textLine = need(comment, 'commentText');
  const authorLink = need(textLine, 'commentAuthor');
  const name = visibleText(authorLink);
  const author: Person = {
    name,
    handle: authorLink.getAttribute('usercard')?.trim() || requireUid(authorLink, 'commentAuthor'),
  };
  // The line reads "<nickname>:<body>"; the body alone is the message (a reply keeps its "回复@…:").
  let text = visibleText(textLine);
  if (text.startsWith(name)) text = text.slice(name.length).replace(/^\s*[:：]\s*/, '');
  return {
    id: null,
    author,
    direction: direction(author, accountUid),
    sentAt: parseTime(visibleText(need(comment, 'commentTime')), 'commentTime', ctx),
    text: snippet140(text),
  };
}

function extractChat(doc: Document, pageUrl: string, peerUid: string, ctx: TimeContext): CapturedThread {
  const selfLink = need(doc, 'chatSelfLink');
  const selfUid = requireUid(selfLink, 'chatSelfLink');
  const selfNameEl = optionalOne(doc, selectors.chatSelfName);
  const selfName = (selfNameEl ? visibleText(selfNameEl) : '') || selfLink.getAttribute('title')?.trim() || selfUid;
  const account = { name: selfName, handle: selfUid };

  const peerLink = need(doc, 'chatPeer');
  const title = visibleText(peerLink);

  const items = all(doc, selectors.chatMessage).filter((li) => /^\d+$/.test(li.id));
  const messages: CapturedMessage[] = [];
  let currentTime: string | null = null;
  for (const li of items) {
    const separator = optionalOne(li, selectors.chatMessageTime);
    const separatorText = separator ? visibleText(separator) : '';
    if (separatorText) currentTime = parseTime(separatorText, 'chatMessageTime', ctx);

    const avatar = optionalOne(li, selectors.chatMessageAvatar);
    // System notices (fraud warnings, "以下为新消息") carry no sender; they are not messages.
    if (!avatar) continue;
    const uid = requireUid(avatar, 'chatMessageAvatar');
    const senderEl = optionalOne(li, selectors.chatMessageSender);
    const senderName = (senderEl ? visibleText(senderEl) : '') || (uid === selfUid ? account.name : uid);
    // A message above the first separator has no time we can know: refuse rather than guess.
    if (currentTime === null) fail('chatMessageTime', 'message before any time separator');
    const author: Person = { name: senderName, handle: uid };
    messages.push({
      id: li.id,
      author,
      direction: direction(author, selfUid),
      sentAt: currentTime,
      text: snippet140(visibleText(need(li, 'chatMessageBubble'))),
    });
  }
  // Messages in the list but none with a sender means the sender markup moved, not an empty chat.
  if (items.length > 0 && messages.length === 0) fail('chatMessageAvatar');

  return {
    site: 'weibo',
    channel: 'social',
    url: pageUrl,
    threadId: peerUid,
    title,
    account,
    messages: oldestFirst(messages),
    ownPost: null,
  };
}
