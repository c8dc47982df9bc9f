import { capturedThreadSchema, type CapturedMessage, type CapturedThread } from '@comms-log/shared';
import { all, optionalOne, requireOne } from '../common/query';
import { SiteChangedError } from '../common/site-changed-error';
import { parseTimeText, type TimeContext } from '../common/time';
import type { ExtractOptions } from '../common/types';
import { oldestFirst } from '../common/oldest-first';
import { collapseWhitespace, snippet140, visibleText } from '../common/visible-text';
import { issueKeyFromUrl } from './detect';
import { extractProjectFields } from './project-fields';
import { commentBody, commentHeader, commentNode, selectors } from './selectors';

const site = 'jira' as const;

type Account = { name: string; handle: string };

/** Atlassian account ids: `712020:<uuid>` (and other `<n>:<uuid>` prefixes) or the older 24-hex form. */
const accountIdPattern = /^(?:\d+:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{24})$/i;

/** The account id in an avatar or profile URL (`…/712020:<uuid>/<uuid>/48`, `/jira/people/<id>`). */
export function accountIdFromUrl(href: string | null | undefined): string | null {
  if (!href) return null;
  let path: string;
  try {
    path = new URL(href, 'https://x.atlassian.net').pathname;
  } catch {
    return null;
  }
  for (const segment of path.split('/')) {
    const decoded = safeDecode(segment);
    if (accountIdPattern.test(decoded)) return decoded;
  }
  return null;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Fixture pages keep remote avatar URLs in `data-fixture-src` so nothing is fetched; real pages use `src`. */
function avatarAccountId(root: Element | null): string | null {
  if (!root) return null;
  for (const img of all(root, 'img')) {
    const id = accountIdFromUrl(img.getAttribute('src')) ?? accountIdFromUrl(img.getAttribute('data-fixture-src'));
    if (id) return id;
  }
  return null;
}

/** The issue being shown: the modal over a board when there is one, else the page. */
export function issueRoot(doc: Document): ParentNode {
  return optionalOne(doc, selectors.issueModal) ?? doc;
}

function extractAccount(doc: Document): Account {
  const button = requireOne(doc, site, 'profileButton', selectors.profileButton);
  const handle =
    avatarAccountId(button) ?? accountIdFromUrl(doc.querySelector(selectors.profileLink)?.getAttribute('href'));
  if (!handle) throw new SiteChangedError(site, 'profileButton', 'no account id');
  const name =
    collapseWhitespace(doc.querySelector(selectors.profileName)?.textContent ?? '') ||
    (button.querySelector('img[alt]')?.getAttribute('alt') ?? '').trim() ||
    handle;
  return { name, handle };
}

function extractComment(item: Element, account: Account, ctx: TimeContext): CapturedMessage {
  const id = (item.getAttribute('data-testid') ?? '').replace(/^comment-base-item-/, '');
  if (!/^\d+$/.test(id)) throw new SiteChangedError(site, 'comment', 'no comment id');
  // Replies nest inside their parent's item: read only this comment's own node.
  const node = requireOne(item, site, 'comment', commentNode(id));
  const header = requireOne(node, site, 'comment', commentHeader(id));

  const authorEl = requireOne(header, site, 'commentAuthor', selectors.commentAuthor);
  const name =
    visibleText(authorEl) ||
    (authorEl.getAttribute('aria-label') ?? '').replace(/^More information about\s*/, '').trim();
  const handle = avatarAccountId(node.querySelector(selectors.commentAvatar));

  const timeEl = requireOne(header, site, 'commentTime', selectors.commentTime);
  const sentAt = parseTimeText(timeEl.getAttribute('title') ?? '', ctx) ?? parseTimeText(timeEl.textContent ?? '', ctx);
  if (!sentAt) throw new SiteChangedError(site, 'commentTime', 'unreadable time');

  const body = requireOne(node, site, 'comment', commentBody(id));
  const textEl = optionalOne(body, selectors.commentText) ?? body;

  const isOwner = handle !== null && handle === account.handle;
  return {
    id,
    author: { name: name || (isOwner ? account.name : 'Former user'), handle },
    direction: isOwner ? 'outbound' : 'inbound',
    sentAt,
    text: snippet140(visibleText(textEl)),
  };
}

/** The open issue's comments as a thread, oldest first (Jira defaults to newest first). */
export function extract(doc: Document, opts: ExtractOptions): CapturedThread | null {
  const urlKey = issueKeyFromUrl(new URL(opts.url));
  if (!urlKey) return null;
  const ctx: TimeContext = { now: opts.now, timeZone: opts.timeZone };
  const root = issueRoot(doc);

  const key = visibleText(requireOne(root, site, 'issueKey', selectors.issueKey)) || urlKey;
  const summary = requireOne(root, site, 'summary', selectors.summary);
  const account = extractAccount(doc);
  const list = requireOne(root, site, 'commentsList', selectors.commentsList);

  const messages = oldestFirst(all(list, selectors.comment).map((item) => extractComment(item, account, ctx)));

  return capturedThreadSchema.parse({
    site,
    channel: 'project',
    url: opts.url,
    threadId: key,
    title: visibleText(summary),
    account,
    messages,
    project: extractProjectFields(root, ctx),
  });
}
