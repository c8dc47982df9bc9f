/**
 * Every CSS selector the m.weibo.cn (Weibo's mobile web) part of the adapter uses, keyed by meaning. The mobile app
 * keeps plain class names (`card9`, `weibo-text`, `lite-page-list`) that scrapers have relied on for years;
 * provenance in fixtures/SOURCES.md. Checked against the fixtures on 2026-03-12.
 */
export const mobileSelectors = {
  /** Inline scripts: `var config = {…, uid: '<own uid>'}` and `var $render_data = [{status: …}][0]`. Checked 2026-03-12. */
  inlineScript: 'script:not([src])',
  /** The post card on a status/detail page. Checked 2026-03-12. */
  post: '.card9.f-weibo',
  /** The name link in the post header, to the author's `/profile/<uid>` (or `/u/<uid>`), its `h3` the name. Checked 2026-03-12. */
  postAuthor: '.weibo-top .m-text-box a[href*="/profile/"], .weibo-top .m-text-box a[href*="/u/"]',
  /** Post time as printed ("今天 10:00", "3-9 10:00", "26-3-9 10:00", "5分钟前"). Checked 2026-03-12. */
  postTime: '.weibo-top .time',
  /** Post text. Checked 2026-03-12. */
  postText: '.weibo-text',
  /** The post's action bar (reposts, comments, likes): where "Log this" goes. Checked 2026-03-12. */
  postActionBar: 'footer.m-ctrl-box',
  /** One button of the action bar: icon + count (its label instead when 0). Checked 2026-03-12. */
  postActionButton: '.m-diy-btn',
  /** The repost, comment and like icons of the action bar. Checked 2026-03-12. */
  postRepostIcon: '.m-font-forward',
  postCommentIcon: '.m-font-comment',
  postLikeIcon: '.m-icon-like',
  /** A comment card in the comment list. Checked 2026-03-12. */
  comment: '.comment-content .lite-page-list',
  /** The commenter's avatar image: its sinaimg file name carries the uid. Checked 2026-03-12. */
  commentAvatar: '.m-img-box img',
  /** Commenter name and comment text (`.m-text-box` h4 and h3). Checked 2026-03-12. */
  commentAuthor: '.m-text-box h4',
  commentText: '.m-text-box h3',
  /** Comment time as printed. Checked 2026-03-12. */
  commentTime: '.lite-bot .time',

  // ---- m.weibo.cn/message/chat (private messages) ----

  /** The other party's name in the top bar. Checked 2026-03-12. */
  chatPeer: '.lite-topbar .nav-main',
  /** The message list. Checked 2026-03-12. */
  chatList: '.chat-page-wrap',
  /** A time separator ("昨天 16:05", "09:12") and a message bubble row (own on the right, the peer's on the left). Checked 2026-03-12. */
  chatTime: '.lite-bubble-time',
  chatMessage: '.lite-bubble-list',
  chatOwnMessage: '.bubble-r',
  chatPeerMessage: '.bubble-l',
  /** A bubble's text. Checked 2026-03-12. */
  chatBubble: '.bubble-box',
} as const satisfies Record<string, string>;

export type MobileSelectorKey = keyof typeof mobileSelectors;
