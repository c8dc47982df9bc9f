import type { CapturedMessage, CapturedThread } from '@comms-log/shared';
import { oldestFirst } from '../common/oldest-first';
import { all, optionalOne, requireOne } from '../common/query';
import { SiteChangedError } from '../common/site-changed-error';
import { parseTimeText, type TimeContext } from '../common/time';
import type { ExtractOptions } from '../common/types';
import { clipText, collapseWhitespace, snippet140, visibleText } from '../common/visible-text';
import { accountIdFromUrl, avatarAccountId } from './account-id';
import { extractDataCenter, isDataCenterPage } from './dc-extract';
import { issueKeyFromUrl } from './detect';
import { extractProjectFields } from './project-fields';
import { commentBody, commentHeader, commentNode, selectors } from './selectors';

export { accountIdFromUrl } from './account-id';

const site = 'jira' as const;
/** The capture contract's limits on names and titles (docs/architecture.md "Capture contract"). */
const NAME_MAX = 300;
const TITLE_MAX = 1000;

type Account = { name: string; handle: string };

/** The issue being shown: the modal over a board when there is one, else the page (full page, side panel). */
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
  return { name: clipText(name, NAME_MAX), handle };
}

function extractComment(item: Element, account: Account, ctx: TimeContext): CapturedMessage {
  const id = (item.getAttribute('data-testid') ?? '').replace(/^comment-base-item-/, '');
  if (!/^\d+$/.test(id)) throw new SiteChangedError(site, 'comment', 'no comment id');
  // Replies nest inside their parent's item: read only this comment's own node.
  const node = requireOne(item, site, 'comment', commentNode(id));
  const header = requireOne(node, site, 'comment', commentHeader(id));

  // The name as the page prints it ("Former user" for a deleted account); no name at all is a changed page.
  const name = visibleText(requireOne(header, site, 'commentAuthor', selectors.commentAuthor));
  if (!name) throw new SiteChangedError(site, 'commentAuthor', 'no name');
  const handle = avatarAccountId(node.querySelector(selectors.commentAvatar));

  const timeEl = requireOne(header, site, 'commentTime', selectors.commentTime);
  const sentAt = parseTimeText(timeEl.getAttribute('title') ?? '', ctx) ?? parseTimeText(timeEl.textContent ?? '', ctx);
  if (!sentAt) throw new SiteChangedError(site, 'commentTime', 'unreadable time');

  const body = requireOne(node, site, 'comment', commentBody(id));
  const textEl = optionalOne(body, selectors.commentText) ?? body;

  return {
    id,
    author: { name: clipText(name, NAME_MAX), handle },
    direction: handle !== null && handle === account.handle ? 'outbound' : 'inbound',
    sentAt,
    text: snippet140(visibleText(textEl)),
  };
}

function extractCloud(doc: Document, opts: ExtractOptions, urlKey: string, ctx: TimeContext): CapturedThread {
  const root = issueRoot(doc);
  const key = visibleText(requireOne(root, site, 'issueKey', selectors.issueKey)) || urlKey;
  const summary = requireOne(root, site, 'summary', selectors.summary);
  const account = extractAccount(doc);
  const list = requireOne(root, site, 'commentsList', selectors.commentsList);
  // Whichever order the page sorts comments in (newest or oldest first), the capture is oldest first.
  const messages = oldestFirst(all(list, selectors.comment).map((item) => extractComment(item, account, ctx)));
  return {
    site,
    channel: 'project',
    url: opts.url,
    threadId: key,
    title: clipText(visibleText(summary), TITLE_MAX),
    account,
    messages,
    project: extractProjectFields(root, ctx),
  };
}

/** The open issue's comments as a thread, oldest first: Jira Cloud's issue view or Data Center's. */
export function extract(doc: Document, opts: ExtractOptions): CapturedThread | null {
  const urlKey = issueKeyFromUrl(new URL(opts.url));
  if (!urlKey) return null;
  const ctx: TimeContext = { now: opts.now, timeZone: opts.timeZone };
  if (isDataCenterPage(doc)) return extractDataCenter(doc, opts, urlKey, ctx);
  return extractCloud(doc, opts, urlKey, ctx);
}
