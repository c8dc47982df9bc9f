/**
 * Every CSS selector the Jira Cloud adapter uses, keyed by meaning. Jira's data-testids are stable across builds
 * (its own tests use them); provenance in fixtures/SOURCES.md. Checked against the fixtures on 2026-03-10.
 */
export const selectors = {
  /** Top-nav avatar button of the signed-in user; its image URL carries the Atlassian account id. Checked 2026-03-10. */
  profileButton: 'button[data-testid="atlassian-navigation--secondary-actions--profile--trigger"]',
  /** Profile menu (hidden until opened): display name. Checked 2026-03-10. */
  profileName: '[data-testid="atlassian-navigation--secondary-actions--profile--content--details--name"]',
  /** Profile menu: link to /jira/people/<account id>. Checked 2026-03-10. */
  profileLink: '[data-testid="atlassian-navigation--secondary-actions--profile--content"] a[href*="/people/"]',
  /** Issue opened as a modal over a board or list (`?selectedIssue=`). Checked 2026-03-10. */
  issueModal: '[data-testid="issue.views.issue-details.issue-modal.modal-dialog"]',
  /** Breadcrumb item with the issue key. Checked 2026-03-10. */
  issueKey: '[data-testid="issue.views.issue-base.foundation.breadcrumbs.current-issue.item"]',
  /** Breadcrumb container of the current issue: where "Log this" goes. Checked 2026-03-10. */
  issueHeader: '[data-testid="issue.views.issue-base.foundation.breadcrumbs.breadcrumb-current-issue-container"]',
  /** Issue summary heading. Checked 2026-03-10. */
  summary: 'h1[data-testid="issue.views.issue-base.foundation.summary.heading"]',
  /** Comments shown in the activity feed. Checked 2026-03-10. */
  commentsList: '[data-testid="issue.activity.comments-list"]',
  /** One comment (replies are nested inside their parent's item); the testid ends with the comment id. Checked 2026-03-10. */
  comment: '[data-testid^="comment-base-item-"]',
  /** Avatar of a comment's author; its image URL carries the account id. Checked 2026-03-10. */
  commentAvatar: '[data-testid="comment.ui.header.avatar"]',
  /**
   * Author name: the heading of the comment header (its wrapper's aria-label is in the UI's language, so it is not
   * read). "Former user" (前用户) for a deleted account is what the page says. Checked 2026-03-10.
   */
  commentAuthor: 'h3',
  /** Comment time: relative ("22 hours ago") or absolute ("March 9, 2026 at 4:05 PM"). Checked 2026-03-10. */
  commentTime: '[data-testid="issue-timestamp.relative-time"], span[role="presentation"][aria-hidden="false"]',
  /** Rendered comment text. Checked 2026-03-10. */
  commentText: '.ak-renderer-document',
  /** The issue's status button (Cloud's status lozenge); its text is the status name. Checked 2026-03-18. */
  status: 'button[data-testid="issue-field-status.ui.status-view.status-button.status-button"]',
  /** The Due date's coloured lozenge (the date text sits beside its tooltip container): "Mar 27, 2026". Checked 2026-03-18. */
  dueDate:
    '[data-testid="issue.views.field.date-inline-edit.duedate"] [data-testid="coloured-due-date.ui.colored-due-date-container"]',
  /** The Due date field's read view, which shows "None" (no lozenge) when unset. Checked 2026-03-18. */
  dueDateField:
    '[data-testid="issue.views.field.date-inline-edit.duedate"] [data-testid="issue-field-inline-edit-read-view-container.ui.container"]',
  /** The Resolved date beside Created and Updated: "Resolved <date>", the full date-time in a `title`. Checked 2026-03-18. */
  resolvedDate: '[data-testid="resolved-date.ui.read.meta-date"]',
} as const satisfies Record<string, string>;

/** The comment's own node, apart from its nested replies: `…ak-comment.<id>` with `-header` and `-body` parts. */
export function commentNode(id: string): string {
  return `[data-testid="issue-comment-base.ui.comment.ak-comment.${id}"]`;
}
export function commentHeader(id: string): string {
  return `[data-testid="issue-comment-base.ui.comment.ak-comment.${id}-header"]`;
}
export function commentBody(id: string): string {
  return `[data-testid="issue-comment-base.ui.comment.ak-comment.${id}-body"]`;
}
