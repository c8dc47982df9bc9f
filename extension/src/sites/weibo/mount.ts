import { isChatPage, isPostPage, parseMobileChatPeerUid, parseMobilePostUrl } from './detect';
import { mobileSelectors } from './mobile-selectors';
import { selectors } from './selectors';

/**
 * Where the "Log this" button goes: the open post's action bar on a post page, the conversation header in
 * chat (on weibo.com, api.weibo.com and m.weibo.cn). Null while the app has not rendered it (the content script retries as the SPA renders).
 */
export function findButtonAnchor(doc: Document): Element | null {
  const url = safeUrl(doc.URL);
  if (url && isChatPage(url)) return doc.querySelector(selectors.chatHeader);
  if (url && parseMobileChatPeerUid(url)) return doc.querySelector(mobileSelectors.chatPeer);
  if (url && parseMobilePostUrl(url)) {
    return doc.querySelector(mobileSelectors.post)?.querySelector(mobileSelectors.postActionBar) ?? null;
  }
  if (url && !isPostPage(url)) return null;
  return doc.querySelector(selectors.post)?.querySelector(selectors.postActionBar) ?? null;
}

function safeUrl(href: string): URL | null {
  try {
    return new URL(href);
  } catch {
    return null;
  }
}
