/**
 * Every CSS selector the Outlook on the web adapter uses, keyed by meaning. Provenance: fixtures/SOURCES.md
 * (monet/gmailify, PhishLens, Selenium page objects). Hashed classes (`OZZZK`) are avoided where an
 * id, role, aria or data-testid attribute exists. Checked against the fixtures on 2026-03-10.
 */
export const selectors = {
  /** Suite header account button: aria-label "Account manager for Name (email)". Checked 2026-03-10. */
  accountButton: '#O365_MainLink_Me[aria-label]',
  /** Me-control panel (aria-hidden until opened): display name. Checked 2026-03-10. */
  accountName: '#mectrl_currentAccount_primary',
  /** Me-control panel: the signed-in address. Checked 2026-03-10. */
  accountEmail: '#mectrl_currentAccount_secondary',
  /** Folder pane root, titled with the mailbox address. Checked 2026-03-10. */
  folderRoot: '[role="treeitem"][aria-level="1"][title]',
  /**
   * Reading pane holding the open conversation (pane right or bottom); an item popped out into its own window
   * has only the read view, without the pane container. Checked 2026-12-04.
   */
  readingPane: '[role="main"] #ReadingPaneContainerId, [role="main"] [data-app-section="MailReadCompose"]',
  /** Conversation subject heading; `title` holds the full subject. Checked 2026-03-10. */
  subject: '[role="heading"][aria-level="2"][id$="_SUBJECT"]',
  /**
   * The conversation's items, with its `data-convid`; with conversation view off (or a popped-out item) the
   * single item's container instead. Checked 2026-12-04.
   */
  conversation: '[data-app-section="ConversationContainer"], #ItemReadingPaneContainer',
  /** The selected row of the message list, with the same `data-convid`. Checked 2026-03-10. */
  selectedRow: '[role="option"][data-convid][aria-selected="true"]',
  /** One item of the conversation, expanded or collapsed. Checked 2026-03-10. */
  item: '[aria-expanded]',
  /** Expanded item's sender heading `MSG_<token>_FROM`. Checked 2026-03-10. */
  itemFrom: '[id^="MSG_"][id$="_FROM"]',
  /** Inside the sender heading: aria-label "From: Name <email>" (only the name for the organisation's people). Checked 2026-03-10. */
  itemFromLabel: '[aria-label]',
  /** Sender's display name (expanded and collapsed items); collapsed ones carry the address in `title`. Checked 2026-03-10. */
  senderName: '.OZZZK',
  /** Sent/received time text, "Tue 3/10/2026 9:12 AM". Checked 2026-03-10. */
  itemTime: '[data-testid="SentReceivedSavedTime"]',
  /** Body of an expanded item (info bars sit outside it). Checked 2026-03-10. */
  itemBody: '[id^="UniqueMessageBody"]',
  /** Avatar with initials, left out of a collapsed item's snippet. Checked 2026-03-10. */
  avatar: '[role="img"]',
  /** Inline reply editor: marks a draft item, which is not a message. Checked 2026-03-10 (from PhishLens notes). */
  draftEditor: '[contenteditable="true"]',
} as const satisfies Record<string, string>;
