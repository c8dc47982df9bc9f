/**
 * Every CSS selector the Trello adapter uses, keyed by meaning. Provenance: fixtures/SOURCES.md. Trello's
 * class names are build hashes (`tHtuAoy3OW7uUR`, `Gn87mV4xr5HQJh`), so these rely on
 * `data-testid`s, `title`s and link shapes. All checked against the fixtures dated 2026-03-10.
 */
export const selectors = {
  /** Header member-menu button, `title="Name (username)"` of the signed-in user (older builds spell `data-test-id`). Checked 2026-03-10. */
  accountButton:
    'button[data-testid="header-member-menu-button"][title], button[data-test-id="header-member-menu-button"][title]',
  /** The open card back (dialog over the board, or the full card page). Checked 2026-03-10. */
  cardBackPanel: '[data-testid="card-back-panel"]',
  /** Card title editor; its value is the card name. Checked 2026-03-10. */
  cardTitle: 'textarea[data-testid="card-back-title-input"]',
  /** Card back header (list name, title, actions, close): where "Log this" goes. Checked 2026-03-10. */
  cardHeader: '[data-testid="card-back-header"]',
  /** Activity items, newest first: comments and system actions ("moved this card…") alike. Checked 2026-03-10. */
  action: '[data-testid="card-back-action"]',
  /** Present only in comments: the comment body wrapper. Items without it are system actions. Checked 2026-03-10. */
  commentContainer: '[data-testid="comment-container"]',
  /** The comment's rendered document (paragraphs, links) inside the comment container. Checked 2026-03-10. */
  commentBody: '.ak-renderer-document',
  /** Author avatar button, `title="Name (username)"`; the first titled button of the item. Checked 2026-03-10. */
  commentAuthorAvatar: 'button[title]',
  /**
   * Author name as printed (nested spans opening the action header; the time span beside it wraps a link
   * instead), for members whose avatar has no title. Checked 2026-03-10.
   */
  commentAuthorName: '[data-testid="card-back-action-container"] > div > span:first-child > span',
  /** Comment permalink `#comment-<24-hex action id>`, holding the time. Checked 2026-03-10. */
  commentPermalink: 'a[href^="#comment-"]',
  /** Time inside the permalink: `title` "March 9, 2026 at 2:40 PM", text "Mar 9, 2026, 2:40 PM". Checked 2026-03-10. */
  commentTime: 'span[title]',
  /** The list the card is in, a button in the card back header; its text is the list name. Checked 2026-03-20. */
  listName: '[data-testid="card-back-header"] [data-testid="card-back-move-card-button"]',
  /** The Dates badge of the card back: the due date ("Mar 20, 6:00 PM", full form in a `title`). Checked 2026-03-20. */
  dueDate: '[data-testid="card-back-due-date-button"]',
  /** A system action's permalink `#action-<24-hex id>`, holding its time as comments do. Checked 2026-03-20. */
  actionPermalink: 'a[href^="#action-"]',
} as const;

export type TrelloSelectorKey = keyof typeof selectors;
