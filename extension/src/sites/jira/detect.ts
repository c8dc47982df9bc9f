/**
 * Jira Cloud sites live on <name>.atlassian.net; Jira Data Center on the organisation's own host, added in Options
 * (the content script runs there only once it is). Issue keys are PROJECT-123.
 */
const issueKeyPattern = /^[A-Z][A-Z0-9_]+-\d+$/;

function isJiraHost(url: URL): boolean {
  return url.protocol === 'https:' && url.hostname.endsWith('.atlassian.net') && url.hostname !== 'atlassian.net';
}

function keyOrNull(candidate: string | null | undefined): string | null {
  return candidate && issueKeyPattern.test(candidate) ? candidate : null;
}

/**
 * Cloud: `/browse/KEY-1`, `…/issues/KEY-1`, a queue's `…/KEY-1`, or a board/list/backlog with the issue open as a
 * modal or side panel (`?selectedIssue=KEY-1`).
 */
function cloudIssueKey(url: URL): string | null {
  const selected = keyOrNull(url.searchParams.get('selectedIssue'));
  if (selected) return selected;
  const browse = keyOrNull(url.pathname.match(/^\/browse\/([^/]+)\/?$/)?.[1]);
  if (browse) return browse;
  return keyOrNull(url.pathname.match(/^\/jira\/.+\/(?:issues|queues\/[^/]+\/[^/]+)\/([^/]+)\/?$/)?.[1]);
}

/** Data Center: the issue view `/browse/KEY-1`, also under a context path (`/jira/browse/KEY-1`). */
function dataCenterIssueKey(url: URL): string | null {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.hostname.endsWith('atlassian.net')) return null;
  return keyOrNull(url.pathname.match(/^(?:\/[\w.-]+)*\/browse\/([^/]+)\/?$/)?.[1]);
}

/** The issue key a URL shows, Cloud or Data Center; null when no issue is open. */
export function issueKeyFromUrl(url: URL): string | null {
  return isJiraHost(url) ? cloudIssueKey(url) : dataCenterIssueKey(url);
}

/** On the Cloud hosts the manifest matches: an issue is open. */
export function isThreadPage(url: URL): boolean {
  return isJiraHost(url) && cloudIssueKey(url) !== null;
}

/**
 * On a host the organisation added in Options (the content script is registered there and nowhere else): Data
 * Center's issue view. Never in the registry: any host may serve `/browse/KEY-1`.
 */
export function isOwnHostThreadPage(url: URL): boolean {
  return !isJiraHost(url) && dataCenterIssueKey(url) !== null;
}
