/**
 * Every CSS selector the Jira Data Center (and Server) adapter uses, keyed by meaning. Data Center renders the
 * issue view on the server: ids (`#key-val`, `#summary-val`, `comment-<id>`) and AJS meta tags are stable across
 * versions 8–10. Provenance in fixtures/SOURCES.md. Checked against the fixtures on 2026-03-12.
 */
export const dcSelectors = {
  /** `<meta name="application-name" content="JIRA" data-name="jira">`: the page is Jira Data Center / Server. Checked 2026-03-12. */
  dcMarker: 'meta[name="application-name"][data-name="jira"], meta[name="ajs-version-number"]',
  /** The signed-in user's username (`ajs-remote-user`). Checked 2026-03-12. */
  remoteUser: 'meta[name="ajs-remote-user"]',
  /** The signed-in user's display name (`ajs-remote-user-fullname`). Checked 2026-03-12. */
  remoteUserName: 'meta[name="ajs-remote-user-fullname"]',
  /** Header user menu: `data-username`, `data-displayname` (when the meta tags are absent). Checked 2026-03-12. */
  userMenu: '#header-details-user-fullname[data-username]',
  /** The issue key link in the breadcrumbs (`data-issue-key`). Checked 2026-03-12. */
  issueKey: '#key-val',
  /** Issue summary heading. Checked 2026-03-12. */
  summary: '#summary-val',
  /** The issue header's main block (breadcrumbs and summary): where "Log this" goes. Checked 2026-03-12. */
  issueHeader: '#stalker .aui-page-header-main',
  /** The comments tab's container; present (possibly empty) when the Comments tab is open. Checked 2026-03-12. */
  commentsList: '#issue_actions_container',
  /** One comment: `div#comment-<id>.activity-comment`. Checked 2026-03-12. */
  comment: '.activity-comment[id^="comment-"]',
  /** The expanded view of a comment (a collapsed one also carries a concise copy). Checked 2026-03-12. */
  commentVerbose: '.verbose',
  /** Author: `a.user-hover[rel=<username>]` (a deleted user: a plain `span` with the name). Checked 2026-03-12. */
  commentAuthor: '.action-details [id^="commentauthor_"]',
  /** The machine-readable creation time: `time.livestamp[datetime="2026-03-10T09:12+0800"]`. Checked 2026-03-12. */
  commentTime: '.action-details time[datetime]',
  /** The date as printed, `span.date[title]`, read only when there is no `datetime`. Checked 2026-03-12. */
  commentDate: '.action-details .date',
  /** Rendered comment text. Checked 2026-03-12. */
  commentText: '.action-body',
  /** Status lozenge. Checked 2026-03-12. */
  status: '#status-val',
  /** Due date, `time[datetime="2026-03-20"]` inside. Checked 2026-03-12. */
  dueDate: '#due-date',
  /** Resolution date, `time[datetime]` inside. Checked 2026-03-12. */
  resolvedDate: '#resolutiondate-val',
} as const satisfies Record<string, string>;
