import type { CapturedMessage, CapturedThread, ProjectFields } from '@comms-log/shared';
import { parseDateAttr } from '../common/date-only';
import { oldestFirst } from '../common/oldest-first';
import { all, optionalOne, requireOne } from '../common/query';
import { SiteChangedError } from '../common/site-changed-error';
import { parseTimeText, type TimeContext } from '../common/time';
import type { ExtractOptions } from '../common/types';
import { clipText, collapseWhitespace, snippet140, visibleText } from '../common/visible-text';
import { dcSelectors as s } from './dc-selectors';

const site = 'jira' as const;
const NAME_MAX = 300;
const TITLE_MAX = 1000;

/** Jira Data Center and Server say who they are in the page's meta tags; Cloud's issue view has none of them. */
export function isDataCenterPage(doc: Document): boolean {
  return doc.querySelector(s.dcMarker) !== null;
}

type Account = { name: string; handle: string };

function extractAccount(doc: Document): Account {
  const menu = optionalOne(doc, s.userMenu);
  const handle =
    optionalOne(doc, s.remoteUser)?.getAttribute('content')?.trim() || menu?.getAttribute('data-username')?.trim();
  // An anonymous visitor has no username: nothing can say which comments are ours.
  if (!handle) throw new SiteChangedError(site, 'remoteUser', 'no signed-in user');
  const name =
    optionalOne(doc, s.remoteUserName)?.getAttribute('content')?.trim() ||
    menu?.getAttribute('data-displayname')?.trim() ||
    handle;
  return { name: clipText(name, NAME_MAX), handle };
}

/** A comment's time: the `datetime` attribute, else the printed date's `title` or text. */
function commentTime(view: Element, ctx: TimeContext): string {
  const fromAttr = parseDateAttr(optionalOne(view, s.commentTime)?.getAttribute('datetime'), ctx.timeZone);
  if (fromAttr) return fromAttr;
  const date = optionalOne(view, s.commentDate);
  const printed = date
    ? (parseTimeText(date.getAttribute('title') ?? '', ctx) ?? parseTimeText(commentText(date), ctx))
    : null;
  return printed ?? fail('commentTime', 'unreadable time');
}

/**
 * A collapsed comment hides its full view with CSS but keeps it in the page: its text is still the comment's, so it
 * is read whole when nothing of it is shown.
 */
function commentText(el: Element): string {
  return visibleText(el) || collapseWhitespace(el.textContent ?? '');
}

function fail(key: keyof typeof s, detail?: string): never {
  throw new SiteChangedError(site, key, detail);
}

function extractComment(item: Element, account: Account, ctx: TimeContext): CapturedMessage {
  const id = item.id.replace(/^comment-/, '');
  if (!/^\d+$/.test(id)) fail('comment', 'no comment id');
  const view = optionalOne(item, s.commentVerbose) ?? item;
  const authorEl = requireOne(view, site, 'commentAuthor', s.commentAuthor);
  // A deleted user's comment keeps the name the page prints, without a link or username.
  const name = commentText(authorEl);
  if (!name) fail('commentAuthor', 'no name');
  const handle = authorEl.getAttribute('rel')?.trim() || null;
  return {
    id,
    author: { name: clipText(name, NAME_MAX), handle },
    direction: handle !== null && handle === account.handle ? 'outbound' : 'inbound',
    sentAt: commentTime(view, ctx),
    text: snippet140(commentText(requireOne(view, site, 'commentText', s.commentText))),
  };
}

function dateField(root: ParentNode, key: 'dueDate' | 'resolvedDate', ctx: TimeContext): string | null {
  const el = optionalOne(root, s[key]);
  if (!el) return null;
  const dated = el.querySelector('[datetime]');
  if (!dated) return /\d/.test(visibleText(el)) ? fail(key, 'no datetime') : null;
  return parseDateAttr(dated.getAttribute('datetime'), ctx.timeZone) ?? fail(key, 'unreadable date');
}

function projectFields(doc: Document, ctx: TimeContext): ProjectFields {
  const statusEl = optionalOne(doc, s.status);
  return {
    status: statusEl ? visibleText(statusEl) || null : null,
    dueAt: dateField(doc, 'dueDate', ctx),
    doneAt: dateField(doc, 'resolvedDate', ctx),
  };
}

/** Data Center's issue view (`/browse/KEY-1` on the organisation's own host): comments oldest first. */
export function extractDataCenter(
  doc: Document,
  opts: ExtractOptions,
  urlKey: string,
  ctx: TimeContext,
): CapturedThread {
  const keyEl = requireOne(doc, site, 'issueKey', s.issueKey);
  const key = keyEl.getAttribute('data-issue-key')?.trim() || visibleText(keyEl) || urlKey;
  const summary = visibleText(requireOne(doc, site, 'summary', s.summary));
  const account = extractAccount(doc);
  const list = requireOne(doc, site, 'commentsList', s.commentsList);
  const messages = oldestFirst(all(list, s.comment).map((item) => extractComment(item, account, ctx)));
  return {
    site,
    channel: 'project',
    url: opts.url,
    threadId: key,
    title: clipText(summary, TITLE_MAX),
    account,
    messages,
    project: projectFields(doc, ctx),
  };
}
