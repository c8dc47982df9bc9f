/** Jira Cloud sites live on <name>.atlassian.net; issue keys are PROJECT-123. */
const issueKeyPattern = /^[A-Z][A-Z0-9_]+-\d+$/;

export function isJiraHost(url: URL): boolean {
  return url.protocol === 'https:' && url.hostname.endsWith('.atlassian.net') && url.hostname !== 'atlassian.net';
}

/**
 * The issue key a URL shows: `/browse/KEY-1`, `…/issues/KEY-1`, a queue's `…/KEY-1`, or a board/list/backlog
 * with the issue open as a modal (`?selectedIssue=KEY-1`). Null when no issue is open.
 */
export function issueKeyFromUrl(url: URL): string | null {
  if (!isJiraHost(url)) return null;
  const selected = url.searchParams.get('selectedIssue');
  if (selected && issueKeyPattern.test(selected)) return selected;
  const browse = url.pathname.match(/^\/browse\/([^/]+)\/?$/);
  if (browse && issueKeyPattern.test(browse[1]!)) return browse[1]!;
  const nested = url.pathname.match(/^\/jira\/.+\/(?:issues|queues\/[^/]+\/[^/]+)\/([^/]+)\/?$/);
  if (nested && issueKeyPattern.test(nested[1]!)) return nested[1]!;
  return null;
}

export function isThreadPage(url: URL): boolean {
  return issueKeyFromUrl(url) !== null;
}
