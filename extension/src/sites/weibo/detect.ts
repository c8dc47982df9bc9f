import { postIdToMblogid } from './ids';

/**
 * URL predicates for Weibo: post detail pages on weibo.com and m.weibo.cn, private chats on api.weibo.com/chat and
 * m.weibo.cn/message/chat.
 */

const postHosts = new Set(['weibo.com', 'www.weibo.com']);

/** `/<uid>/<mblogid>`: a numeric uid and a 9-character base62 mblogid (e.g. `/5893321047/QucZuvOKc`). */
const postPath = /^\/(\d{5,})\/([0-9A-Za-z]{9})\/?$/;

/** The post's uid and mblogid when the URL is a weibo.com post detail page, else null. */
export function parsePostUrl(url: URL): { uid: string; mblogid: string } | null {
  if (url.protocol !== 'https:' || !postHosts.has(url.hostname)) return null;
  const m = postPath.exec(url.pathname);
  return m ? { uid: m[1]!, mblogid: m[2]! } : null;
}

export function isPostPage(url: URL): boolean {
  return parsePostUrl(url) !== null;
}

/**
 * The other party's uid of an api.weibo.com/chat conversation. The chat is a hash-routed app
 * (`/chat/#/chat?to_uid=<uid>`), so the query lives in the hash; `uid=` is the older/mobile spelling.
 */
export function parseChatPeerUid(url: URL): string | null {
  if (url.protocol !== 'https:' || url.hostname !== 'api.weibo.com' || !url.pathname.startsWith('/chat')) return null;
  const hash = url.hash.replace(/^#/, '');
  const q = hash.indexOf('?');
  if (q < 0 || !hash.slice(0, q).replace(/\/$/, '').endsWith('/chat')) return null;
  const params = new URLSearchParams(hash.slice(q + 1));
  const uid = params.get('to_uid') ?? params.get('uid');
  return uid && /^\d+$/.test(uid) ? uid : null;
}

export function isChatPage(url: URL): boolean {
  return parseChatPeerUid(url) !== null;
}

/**
 * The post an m.weibo.cn status page shows, as its mblogid (the thread id weibo.com gives the same post):
 * `/status/<id>`, `/detail/<id>` or `/<uid>/<id>`, the id a numeric mid or a 9-character mblogid.
 */
export function parseMobilePostUrl(url: URL): { mblogid: string } | null {
  if (url.protocol !== 'https:' || url.hostname !== 'm.weibo.cn') return null;
  const m = /^\/(?:status|detail|\d{5,})\/([0-9A-Za-z]+)\/?$/.exec(url.pathname);
  const mblogid = m ? postIdToMblogid(m[1]!) : null;
  return mblogid ? { mblogid } : null;
}

/** The other party's uid of an m.weibo.cn private chat (`/message/chat?uid=<uid>`), else null. */
export function parseMobileChatPeerUid(url: URL): string | null {
  if (url.protocol !== 'https:' || url.hostname !== 'm.weibo.cn' || !/^\/message\/chat\/?$/.test(url.pathname))
    return null;
  const uid = url.searchParams.get('uid');
  return uid && /^\d+$/.test(uid) ? uid : null;
}

export function isThreadPage(url: URL): boolean {
  return isPostPage(url) || isChatPage(url) || parseMobilePostUrl(url) !== null || parseMobileChatPeerUid(url) !== null;
}
