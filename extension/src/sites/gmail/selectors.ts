/**
 * Every CSS selector the Gmail adapter uses, keyed by meaning. Provenance per selector: fixtures/SOURCES.md
 * (gmail.js, InboxSDK, pasted Gmail DOMs). Checked against the fixtures on 2026-03-10.
 */
export const selectors = {
  /**
   * Account switcher in the Google bar, found by its link to the sign-out options (its label is translated:
   * "Google Account: Name  \n(email)", zh-CN "Google 帐号：…"). Checked 2026-12-04.
   */
  accountButton: 'a[href^="https://accounts.google.com/SignOutOptions"][aria-label]',
  /** Subject heading of the open thread; carries the hex legacy thread id. Checked 2026-03-10. */
  threadSubject: 'h2.hP[data-legacy-thread-id]',
  /** The view that holds the open thread (the inbox list is a sibling [role=main], hidden). Checked 2026-03-10. */
  threadView: '[role="main"]',
  /** One message of the thread, expanded (.h7), collapsed (.kv) or hidden (.kQ/.kx). Checked 2026-03-10. */
  messageItem: '[role="list"] > [role="listitem"]',
  /** An expanded (loaded) message with its legacy hex id. Checked 2026-03-10. */
  expandedMessage: 'div.adn[data-legacy-message-id]',
  /** A collapsed message item: header plus a one-line snippet. Checked 2026-03-10. */
  collapsedMessage: '.kv',
  /** Sender of a message: `email` and `name` attributes. Checked 2026-03-10. */
  messageSender: 'span.gD[email]',
  /** Send time; `title` holds the full date-time ("Tue, Mar 10, 2026, 9:12 AM"). Checked 2026-03-10. */
  messageTime: 'span.g3',
  /** Body of an expanded message; quoted history sits in a hidden .h5 inside. Checked 2026-03-10. */
  messageBody: 'div.a3s',
  /** Snippet line of a collapsed message. Checked 2026-03-10. */
  collapsedSnippet: '.iA.g6',
  /** Thread toolbar (Back, Archive, Delete…) above the open thread: where "Log this" goes. Checked 2026-03-10. */
  threadToolbar: '[gh="mtb"] [role="toolbar"]',
} as const satisfies Record<string, string>;
