/**
 * Every CSS selector the Weibo adapter uses, keyed by meaning. Provenance: fixtures/SOURCES.md. Weibo's
 * new UI hashes its CSS-module class names per build (`head_name_24eEB`, `_time_1tpft_33`),
 * so these match on stable parts: element structure, `usercard`, link shapes and `[class*=…]` word stems.
 * All checked against the fixtures dated 2026-03-10/11.
 */
export const selectors = {
  // ---- weibo.com (post detail page) ----

  /** Top-nav avatar of the signed-in account; `title` is the nickname. Checked 2026-03-11. */
  accountAvatar: '[class*="avatarItem"][title]',
  /** The `/u/<uid>` link around the top-nav avatar (used with `closest`): gives the account uid. Checked 2026-03-11. */
  accountLink: 'a[href*="/u/"]',
  /** The post opened on its detail page: the first `article` in the main column. Checked 2026-03-11. */
  post: 'main article',
  /** Post author name: `a[usercard] > span[title]` in the post header (the avatar `div[usercard]` has no span). Checked 2026-03-11. */
  postAuthor: 'header a[usercard] span[title]',
  /** Permalink `…/<uid>/<mblogid>` whose `title` is the full date-time and text the short one ("26-3-9 10:00"). Checked 2026-03-11. */
  postPermalink: 'header a[class*="time"][href]',
  /** Post body (`detail_wbtext_…` / `_wbtext_…`), hashtags and @mentions included. Checked 2026-03-11. */
  postText: '[class*="wbtext"]',
  /** The post's action bar (reposts, comments, likes): where "Log this" goes. Checked 2026-03-11. */
  postActionBar: 'footer',
  /** One slot of the action bar (icon + count; the label instead of a count when it is 0). Checked 2026-03-21. */
  postToolbarItem: '[class*="toolbar_item"]',
  /** The repost icon of the action bar (its slot holds the repost count). Checked 2026-03-21. */
  postRepostIcon: '.woo-font--retweet',
  /** The comment icon of the action bar (its slot holds the comment count). Checked 2026-03-21. */
  postCommentIcon: '.woo-font--comment',
  /** The like count in the action bar's like button. Checked 2026-03-21. */
  postLikeCount: '.woo-like-count',
  /** The read count the author sees under their own post ("阅读 10万+"). Checked 2026-03-21. */
  postReads: '[class*="readNum"]',
  /** A link to an account's fans list, `/u/page/follow/<uid>?relate=fans`, showing the follower count. Checked 2026-03-21. */
  fansLink: 'a[href*="/u/page/follow/"][href*="relate=fans"]',
  /** Top-level comments (`.item1in .con1`) and nested replies (`.list2 .item2 .con2`), in page order. Checked 2026-03-11. */
  comment: '.wbpro-list .con1, .wbpro-list .con2',
  /** A comment's text line: author link + ":" + body (a reply's body starts "回复@…:"). Checked 2026-03-11. */
  commentText: ':scope > .text',
  /** The comment author's `/u/<uid>` link, first in the text line (reply targets link to `/n/<name>`). Checked 2026-03-11. */
  commentAuthor: 'a[href*="/u/"]',
  /** First block of the comment's info row: "26-3-9 10:32 来自上海" or a relative time. Checked 2026-03-11. */
  commentTime: ':scope > .info > div',

  // ---- api.weibo.com/chat (private messages) ----

  /** The signed-in account's own avatar link (`weibo.com/u/<uid>`, `title` = nickname) in the chat side bar. Checked 2026-03-10. */
  chatSelfLink: '[class*="webchat-me"] a[href*="/u/"]',
  /** The signed-in account's nickname next to its avatar. Checked 2026-03-10. */
  chatSelfName: '[class*="webchat-me"] [class*="name"]',
  /** Conversation header: the other party's name, linked to their `weibo.com/u/<uid>`. Checked 2026-03-10. */
  chatPeer: '[class*="webchat-title"] a[href*="/u/"]',
  /** The conversation header block: where "Log this" goes. Checked 2026-03-10. */
  chatHeader: '[class*="webchat-title"]',
  /** A message or system notice: `li` whose id is the long numeric message id. Checked 2026-03-10. */
  chatMessage: 'li[id]',
  /** Time separator at the top of a message ("昨天16:05", "09:12"); applies until the next one. Checked 2026-03-10. */
  chatMessageTime: ':scope > div > p',
  /** Sender avatar link `weibo.com/u/<uid>`; system notices have none. Checked 2026-03-10. */
  chatMessageAvatar: 'a[href*="/u/"]',
  /** Sender name (`span > span`). Checked 2026-03-10. */
  chatMessageSender: 'span > span',
  /** The message bubble holding the text `p`s. Checked 2026-03-10. */
  chatMessageBubble: '[class*="bubble"]',
} as const;

export type WeiboSelectorKey = keyof typeof selectors;
