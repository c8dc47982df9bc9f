import type { CapturedMessage, CapturedThread } from '@comms-log/shared';
import { NAME_MAX, TITLE_MAX } from '../common/capture-limits';
import { SiteChangedError } from '../common/site-changed-error';
import { all, requireAttr, requireOne } from '../common/query';
import { parseTimeText, type TimeContext } from '../common/time';
import { oldestFirst } from '../common/oldest-first';
import { clipText, collapseWhitespace, isRendered, snippet140, visibleText } from '../common/visible-text';
import type { ExtractOptions } from '../common/types';
import { isThreadPage } from './detect';
import { selectors } from './selectors';
import { ownerAliases } from './words';

const site = 'gmail' as const;

type Account = { name: string; handle: string };

/** Gmail keeps earlier views in the DOM, hidden: the open thread is the rendered subject heading. */
export function findOpenThreadSubject(doc: Document): Element | null {
  return all(doc, selectors.threadSubject).find(isRendered) ?? null;
}

/** "<words>: Name (email)" in any UI language: the words end at the first colon, the address is in brackets. */
const accountLabel = /^[^:：]*[:：]\s*([\s\S]*?)\s*\(([^()\s]+@[^()\s]+)\)\s*$/;
const emailInTitle = /([A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,})/;

/** The signed-in user from the Google bar's account button, else the address in the tab title. */
function extractAccount(doc: Document): Account {
  const button = doc.querySelector(selectors.accountButton);
  const match = button?.getAttribute('aria-label')?.match(accountLabel);
  if (match) {
    const handle = match[2]!.toLowerCase();
    const name = collapseWhitespace(match[1]!);
    return { name: name || handle, handle };
  }
  const fromTitle = doc.title.match(emailInTitle)?.[1]?.toLowerCase();
  if (fromTitle) return { name: fromTitle, handle: fromTitle };
  throw new SiteChangedError(site, 'accountButton');
}

/**
 * The nearest ancestor of the subject that holds message items: the open thread in every layout (full view,
 * reading pane right or below with the inbox list beside it, its own window), never a thread kept hidden elsewhere.
 */
function threadScope(subject: Element): ParentNode {
  for (let el = subject.parentElement; el; el = el.parentElement) {
    if (el.querySelector(selectors.messageItem)) return el;
  }
  return subject.ownerDocument;
}

/** Title holds the full form ("Tue, Mar 10, 2026, 9:12 AM"); the text adds "(18 minutes ago)". */
function extractTime(item: Element, ctx: TimeContext): string {
  const el = requireOne(item, site, 'messageTime', selectors.messageTime);
  const candidates = [
    el.getAttribute('title'),
    el.getAttribute('alt'),
    (el.textContent ?? '').replace(/\([^)]*\)\s*$/, ''),
  ];
  for (const text of candidates) {
    const iso = text ? parseTimeText(text, ctx) : null;
    if (iso) return iso;
  }
  throw new SiteChangedError(site, 'messageTime', 'unreadable time');
}

const ownerNames = new Set(ownerAliases);

function extractMessage(item: Element, account: Account, ctx: TimeContext): CapturedMessage | null {
  const expanded = item.querySelector(selectors.expandedMessage);
  const collapsed = !expanded && item.matches(selectors.collapsedMessage);
  // Hidden items (.kQ/.kx, behind "N more messages") show nothing to read.
  if (!expanded && !collapsed) return null;
  const scope = expanded ?? item;

  const sender = requireOne(scope, site, 'messageSender', selectors.messageSender);
  const handle = requireAttr(sender, site, 'messageSender', 'email').toLowerCase();
  const isOwner = handle === account.handle;
  const shownName = (sender.getAttribute('name') ?? visibleText(sender)).trim();
  const name =
    isOwner && (shownName === '' || ownerNames.has(shownName.toLowerCase())) ? account.name : shownName || handle;

  const textEl = expanded
    ? requireOne(scope, site, 'messageBody', selectors.messageBody)
    : requireOne(scope, site, 'collapsedSnippet', selectors.collapsedSnippet);

  return {
    id:
      expanded?.getAttribute('data-legacy-message-id') ||
      item.querySelector('[data-legacy-message-id]')?.getAttribute('data-legacy-message-id') ||
      null,
    author: { name: clipText(name, NAME_MAX), handle },
    direction: isOwner ? 'outbound' : 'inbound',
    sentAt: extractTime(scope, ctx),
    text: snippet140(visibleText(textEl)),
  };
}

/** The open Gmail thread, oldest message first; null when the URL or page shows no thread. */
export function extract(doc: Document, opts: ExtractOptions): CapturedThread | null {
  if (!isThreadPage(new URL(opts.url))) return null;
  const ctx: TimeContext = { now: opts.now, timeZone: opts.timeZone };
  const subject = findOpenThreadSubject(doc);
  if (!subject) throw new SiteChangedError(site, 'threadSubject');
  const account = extractAccount(doc);

  const items = all(threadScope(subject), selectors.messageItem);
  if (items.length === 0) throw new SiteChangedError(site, 'messageItem');
  const messages = oldestFirst(
    items.map((item) => extractMessage(item, account, ctx)).filter((m): m is CapturedMessage => m !== null),
  );
  if (messages.length === 0) throw new SiteChangedError(site, 'expandedMessage');

  return {
    site,
    channel: 'email',
    url: opts.url,
    threadId: requireAttr(subject, site, 'threadSubject', 'data-legacy-thread-id'),
    title: clipText(visibleText(subject), TITLE_MAX),
    account: { ...account, name: clipText(account.name, NAME_MAX) },
    messages,
  };
}
