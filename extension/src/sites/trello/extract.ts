import type { CapturedMessage, CapturedThread, Person } from '@comms-log/shared';
import { NAME_MAX, TITLE_MAX } from '../common/capture-limits';
import { all, optionalOne, requireOne } from '../common/query';
import { SiteChangedError } from '../common/site-changed-error';
import { parseTimeText, type TimeContext } from '../common/time';
import type { ExtractOptions } from '../common/types';
import { oldestFirst } from '../common/oldest-first';
import { clipText, collapseWhitespace, snippet140, visibleText } from '../common/visible-text';
import { parseCardShortLink } from './detect';
import { extractProjectFields } from './project-fields';
import { selectors, type TrelloSelectorKey } from './selectors';

/**
 * Trello capture: the comments on the open card back. System actions ("moved this card…", "将此卡片…") share
 * the activity list but are not messages. The list is newest first; the output is oldest first.
 * Contract: docs/architecture.md "Capture contract".
 */
export function extract(doc: Document, opts: ExtractOptions): CapturedThread | null {
  const shortLink = parseCardShortLink(new URL(opts.url));
  if (!shortLink) return null;
  const ctx: TimeContext = { now: opts.now, timeZone: opts.timeZone };

  const account = parseMember(need(doc, 'accountButton').getAttribute('title') ?? '');
  if (!account.handle) fail('accountButton', 'no "(username)" in title');
  const panel = need(doc, 'cardBackPanel');
  const title = need<HTMLTextAreaElement>(panel, 'cardTitle');

  const messages: CapturedMessage[] = [];
  for (const action of all(panel, selectors.action)) {
    const body = optionalOne(action, selectors.commentContainer);
    if (!body) continue;
    messages.push(extractComment(action, body, account.handle, ctx));
  }

  return {
    site: 'trello',
    channel: 'project',
    url: opts.url,
    threadId: shortLink,
    title: clipText(collapseWhitespace(title.value), TITLE_MAX),
    account: { name: clipText(account.name || account.handle, NAME_MAX), handle: account.handle },
    messages: oldestFirst(messages),
    project: extractProjectFields(panel, ctx),
  };
}

function need<E extends Element = Element>(root: ParentNode, key: TrelloSelectorKey): E {
  return requireOne<E>(root, 'trello', key, selectors[key]);
}

function fail(key: TrelloSelectorKey, detail?: string): never {
  throw new SiteChangedError('trello', key, detail);
}

/** `"Name (username)"` → name and username; a title without the parenthesised username has no handle. */
export function parseMember(title: string): Person {
  const text = collapseWhitespace(title);
  const m = /^(.*?)\s*\(([^()\s]+)\)$/.exec(text);
  return m ? { name: m[1]!, handle: m[2]! } : { name: text, handle: null };
}

function extractComment(action: Element, body: Element, accountHandle: string, ctx: TimeContext): CapturedMessage {
  const permalink = need(action, 'commentPermalink');
  const id = /^#comment-([0-9a-f]{24})$/.exec(permalink.getAttribute('href') ?? '')?.[1];
  if (!id) fail('commentPermalink', 'no 24-hex action id');

  // The `title` holds the long form ("March 9, 2026 at 2:40 PM"); the text is the short one.
  const timeEl = optionalOne(permalink, selectors.commentTime);
  const timeTitle = timeEl?.getAttribute('title');
  const sentAt =
    (timeTitle ? parseTimeText(timeTitle, ctx) : null) ??
    parseTimeText(visibleText(timeEl ?? permalink), ctx) ??
    fail('commentTime', 'unreadable time');

  const avatarTitle = optionalOne(action, selectors.commentAuthorAvatar)?.getAttribute('title');
  const nameEl = optionalOne(action, selectors.commentAuthorName);
  const fromAvatar = avatarTitle ? parseMember(avatarTitle) : null;
  // Deleted members have no "(username)"; their printed name is all there is.
  const author: Person = {
    name: clipText(fromAvatar?.name || (nameEl ? visibleText(nameEl) : '') || fail('commentAuthorName'), NAME_MAX),
    handle: fromAvatar?.handle ?? null,
  };

  return {
    id,
    author,
    direction: author.handle === accountHandle ? 'outbound' : 'inbound',
    sentAt,
    text: snippet140(visibleText(need(body, 'commentBody'))),
  };
}
