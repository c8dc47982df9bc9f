import type { CapturedMessage, CapturedThread } from '@comms-log/shared';
import { NAME_MAX, TITLE_MAX } from '../common/capture-limits';
import { all, optionalOne, requireOne } from '../common/query';
import { SiteChangedError } from '../common/site-changed-error';
import { parseTimeText, type TimeContext } from '../common/time';
import type { ExtractOptions } from '../common/types';
import { oldestFirst } from '../common/oldest-first';
import { clipText, collapseWhitespace, snippet140, visibleText } from '../common/visible-text';
import { idFromUrl, isThreadPage } from './detect';
import { selectors } from './selectors';
import { accountLabelPrefixes } from './words';

const site = 'outlook' as const;

type Account = { name: string; handle: string };

const emailPattern = /^[^\s@<>()]+@[^\s@<>()]+\.[^\s@<>()]+$/;

function asEmail(s: string | null | undefined): string | null {
  const trimmed = s?.trim() ?? '';
  return emailPattern.test(trimmed) ? trimmed.toLowerCase() : null;
}

function textOf(root: ParentNode, selector: string): string {
  return collapseWhitespace(root.querySelector(selector)?.textContent ?? '');
}

/** The name in "<words> Name" or "<words>: Name"; empty when the words are none of the known prefixes. */
function nameAfterPrefix(text: string): string {
  const colon = /^[^:：]*[:：]\s*(.*)$/.exec(text);
  if (colon) return colon[1]!.trim();
  const lower = text.toLowerCase();
  const prefix = accountLabelPrefixes.find((p) => lower.startsWith(p.toLowerCase()));
  return prefix ? text.slice(prefix.length).trim() : '';
}

/**
 * The signed-in user: the Me-control panel's name and address (in the DOM even while closed), else the
 * account button's label "Account manager for Name (email)", else the folder pane root's address.
 */
function extractAccount(doc: Document): Account {
  const label = doc.querySelector(selectors.accountButton)?.getAttribute('aria-label') ?? '';
  const labelMatch = label.match(/^(.*?)\s*\(([^()\s]+@[^()\s]+)\)\s*$/);
  const labelName = labelMatch ? nameAfterPrefix(labelMatch[1]!) : '';
  const handle =
    asEmail(textOf(doc, selectors.accountEmail)) ??
    asEmail(labelMatch?.[2]) ??
    asEmail(doc.querySelector(selectors.folderRoot)?.getAttribute('title'));
  if (!handle) throw new SiteChangedError(site, 'accountButton');
  const name = textOf(doc, selectors.accountName) || labelName || handle;
  return { name, handle };
}

/** "From: Name <email>" (zh-CN "发件人: …"); people of the organisation show as "From: Name". */
function parseFromLabel(label: string): { name: string; handle: string | null } {
  const body = label.replace(/^[^:：<]*[:：]\s*/, '').trim();
  const match = body.match(/^(.*?)\s*<([^<>\s]+@[^<>\s]+)>$/);
  if (match) return { name: match[1]!.trim(), handle: asEmail(match[2]) };
  return { name: body, handle: null };
}

function extractTime(item: Element, ctx: TimeContext): string {
  const el = requireOne(item, site, 'itemTime', selectors.itemTime);
  const iso =
    parseTimeText(el.getAttribute('title') || el.textContent || '', ctx) ?? parseTimeText(el.textContent ?? '', ctx);
  if (!iso) throw new SiteChangedError(site, 'itemTime', 'unreadable time');
  return iso;
}

function extractItem(item: Element, account: Account, ctx: TimeContext): CapturedMessage | null {
  // A reply being written sits in the conversation as a [Draft] item with an editor: not a message.
  if (item.querySelector(selectors.draftEditor)) return null;

  const from = optionalOne(item, selectors.itemFrom);
  let id: string | null = null;
  let shown: { name: string; handle: string | null };
  let textEl: Element;
  let skip: Element[] = [];

  if (from) {
    id = from.id.match(/^MSG_(.+)_FROM$/)?.[1] ?? null;
    const labelled = from.matches(selectors.itemFromLabel) ? from : from.querySelector(selectors.itemFromLabel);
    const label = labelled?.getAttribute('aria-label');
    shown = label ? parseFromLabel(label) : { name: textOf(from, selectors.senderName), handle: null };
    if (!shown.name) shown.name = textOf(from, selectors.senderName);
    textEl = requireOne(item, site, 'itemBody', selectors.itemBody);
  } else {
    // Collapsed: avatar, sender, one-line snippet and time; the snippet has no stable element of its own.
    const sender = requireOne(item, site, 'senderName', selectors.senderName);
    shown = { name: visibleText(sender), handle: asEmail(sender.getAttribute('title')) };
    textEl = item;
    skip = [sender, ...all(item, selectors.avatar), ...all(item, selectors.itemTime)];
  }
  if (!shown.name && !shown.handle) throw new SiteChangedError(site, from ? 'itemFrom' : 'senderName', 'no sender');

  const isOwner = shown.handle !== null ? shown.handle === account.handle : shown.name === account.name;
  return {
    id,
    // Outlook never prints the owner's own address next to their messages: the owner takes the account's.
    author: isOwner
      ? { name: clipText(shown.name || account.name, NAME_MAX), handle: account.handle }
      : { name: clipText(shown.name || shown.handle!, NAME_MAX), handle: shown.handle },
    direction: isOwner ? 'outbound' : 'inbound',
    sentAt: extractTime(item, ctx),
    text: snippet140(visibleText(textEl, skip)),
  };
}

/**
 * The items of the conversation: only the outermost [aria-expanded] elements (menus inside an item may carry the
 * attribute too). With conversation view off the pane shows one item, not expandable: the container is the item.
 */
function conversationItems(conversation: Element): Element[] {
  const items = all(conversation, selectors.item).filter((el) => !el.parentElement?.closest(selectors.item));
  if (items.length === 0 && conversation.querySelector(selectors.itemFrom)) return [conversation];
  return items;
}

/** The conversation open in the reading pane, oldest first (Outlook may show newest on top). */
export function extract(doc: Document, opts: ExtractOptions): CapturedThread | null {
  const url = new URL(opts.url);
  if (!isThreadPage(url)) return null;
  const ctx: TimeContext = { now: opts.now, timeZone: opts.timeZone };

  const pane = requireOne(doc, site, 'readingPane', selectors.readingPane);
  const subject = requireOne(pane, site, 'subject', selectors.subject);
  const conversation = requireOne(pane, site, 'conversation', selectors.conversation);
  const account = extractAccount(doc);

  const threadId =
    conversation.getAttribute('data-convid') ||
    doc.querySelector(selectors.selectedRow)?.getAttribute('data-convid') ||
    idFromUrl(url);
  if (!threadId) throw new SiteChangedError(site, 'conversation', 'no conversation id');

  const items = conversationItems(conversation);
  if (items.length === 0) throw new SiteChangedError(site, 'item');
  const messages = oldestFirst(
    items.map((item) => extractItem(item, account, ctx)).filter((m): m is CapturedMessage => m !== null),
  );

  return {
    site,
    channel: 'email',
    url: opts.url,
    threadId,
    title: clipText((subject.getAttribute('title') || visibleText(subject)).trim(), TITLE_MAX),
    account: { name: clipText(account.name, NAME_MAX), handle: account.handle },
    messages,
  };
}
