import type { CapturedMessage, CapturedThread, Person } from '@comms-log/shared';
import { oldestFirst } from '../common/oldest-first';
import { all, optionalOne, requireOne } from '../common/query';
import { SiteChangedError } from '../common/site-changed-error';
import { isoInZone, parseTimeText, type TimeContext } from '../common/time';
import { clipText, snippet140, visibleText } from '../common/visible-text';
import { uidFromAvatarUrl } from './ids';
import { type MobileSelectorKey, mobileSelectors as s } from './mobile-selectors';
import { extractMobileOwnPost } from './own-post';
import { configUid, renderedStatus } from './page-data';

const NAME_MAX = 300;

function need(root: ParentNode, key: MobileSelectorKey): Element {
  return requireOne(root, 'weibo', key, s[key]);
}

function fail(key: string, detail?: string): never {
  throw new SiteChangedError('weibo', key, detail);
}

/** The signed-in uid: m.weibo.cn prints no own name or link on a status page, only its config script has it. */
export function mobileAccountUid(doc: Document): string {
  return configUid(doc) ?? fail('inlineScript', 'no signed-in uid');
}

function uidFromProfileHref(href: string | null): string | null {
  return /\/(?:profile|u)\/(\d+)(?:[/?#]|$)/.exec(href ?? '')?.[1] ?? null;
}

/** Fixture pages keep remote avatar URLs in `data-fixture-src` so nothing is fetched; real pages use `src`. */
function avatarUid(img: Element | null): string | null {
  if (!img) return null;
  return uidFromAvatarUrl(img.getAttribute('src')) ?? uidFromAvatarUrl(img.getAttribute('data-fixture-src'));
}

/**
 * A printed time with a clock ("今天 08:41", "3-9 10:32", "5分钟前"). A date alone ("03-09") names no instant:
 * the comment is refused rather than given a guessed time.
 */
function printedTime(el: Element, key: MobileSelectorKey, ctx: TimeContext): string {
  return parseTimeText(visibleText(el), ctx) ?? fail(key, 'unreadable time');
}

function extractComment(card: Element, accountUid: string, ctx: TimeContext): CapturedMessage {
  // Without a uid the message cannot be told apart from another person's of the same name: refuse.
  const handle = avatarUid(optionalOne(card, s.commentAvatar)) ?? fail('commentAvatar', 'no uid in the avatar URL');
  const name = visibleText(need(card, 'commentAuthor')) || fail('commentAuthor', 'no name');
  const author: Person = { name: clipText(name, NAME_MAX), handle };
  return {
    id: null,
    author,
    direction: handle === accountUid ? 'outbound' : 'inbound',
    sentAt: printedTime(need(card, 'commentTime'), 'commentTime', ctx),
    // Folded replies ("共N条回复") sit outside the text; only their count is on the page, so none are captured.
    text: snippet140(visibleText(need(card, 'commentText'))),
  };
}

/**
 * An m.weibo.cn status page: the post and the comments shown under it, with the same thread id (the mblogid) and
 * message shapes as weibo.com, so the same post logged from both sites is one thread.
 */
export function extractMobilePost(doc: Document, pageUrl: string, mblogid: string, ctx: TimeContext): CapturedThread {
  const accountUid = mobileAccountUid(doc);
  const post = need(doc, 'post');
  const authorLink = need(post, 'postAuthor');
  const authorUid = uidFromProfileHref(authorLink.getAttribute('href')) ?? fail('postAuthor', 'no /profile/<uid> link');
  const authorName = visibleText(authorLink) || fail('postAuthor', 'no name');
  const author: Person = { name: clipText(authorName, NAME_MAX), handle: authorUid };

  // The script data is the first-loaded post's: used only when it is this one.
  const rendered = renderedStatus(doc);
  const same = rendered !== null && rendered.bid === mblogid;
  const sentAt =
    same && rendered.createdAt !== null
      ? isoInZone(rendered.createdAt, ctx.timeZone)
      : printedTime(need(post, 'postTime'), 'postTime', ctx);
  const text = snippet140(visibleText(need(post, 'postText')));

  const messages: CapturedMessage[] = [
    { id: mblogid, author, direction: authorUid === accountUid ? 'outbound' : 'inbound', sentAt, text },
    ...all(doc, s.comment).map((card) => extractComment(card, accountUid, ctx)),
  ];
  const isOwn = authorUid === accountUid;
  // The page prints the account's name only where it wrote: the post or a comment of its own.
  const accountName = messages.find((m) => m.author.handle === accountUid)?.author.name ?? accountUid;
  return {
    site: 'weibo',
    channel: 'social',
    url: pageUrl,
    threadId: mblogid,
    title: text,
    account: { name: accountName, handle: accountUid },
    messages: oldestFirst(messages),
    ownPost: isOwn ? extractMobileOwnPost(post, same ? rendered.counts : null) : null,
  };
}
