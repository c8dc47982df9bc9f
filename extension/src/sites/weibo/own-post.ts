import type { OwnPostFields } from '@comms-log/shared';
import { findDisplayCount } from '../common/display-count';
import { all, optionalOne } from '../common/query';
import { visibleText } from '../common/visible-text';
import { mobileSelectors } from './mobile-selectors';
import { selectors } from './selectors';

/**
 * The counts of a post by the signed-in account, as the page shows them (docs/architecture.md "Capture
 * contract"), null where it shows none. Icons and link shapes locate each count, never the UI's words.
 */
export function extractOwnPost(doc: ParentNode, post: Element, accountUid: string): OwnPostFields {
  const bar = optionalOne(post, selectors.postActionBar);
  const fromLabel = bar ? countsFromAriaLabel(bar) : null;
  return {
    reposts: fromLabel?.[0] ?? slotCount(bar, selectors.postRepostIcon),
    comments: fromLabel?.[1] ?? slotCount(bar, selectors.postCommentIcon),
    likes: fromLabel?.[2] ?? slotCount(bar, selectors.postLikeCount),
    reads: textCount(optionalOne(post, selectors.postReads)),
    followers: textCount(fansLinkOf(doc, accountUid)),
  };
}

/** The action bar's `aria-label` lists the exact counts "reposts,comments,likes" ("18,236,95"). */
function countsFromAriaLabel(bar: Element): [number, number, number] | null {
  const m = /^(\d+),(\d+),(\d+)$/.exec((bar.getAttribute('aria-label') ?? '').trim());
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
}

/**
 * The count in the action bar slot holding `marker`. A slot that shows no number prints its label instead, which
 * Weibo does for 0; no slot at all is null.
 */
function slotCount(bar: Element | null, marker: string): number | null {
  const el = bar ? optionalOne(bar, marker) : null;
  if (!el) return null;
  const slot = el.closest(selectors.postToolbarItem) ?? el;
  return findDisplayCount(visibleText(slot)) ?? 0;
}

function textCount(el: Element | null): number | null {
  return el ? findDisplayCount(visibleText(el)) : null;
}

/** The fans link of the signed-in account (`/u/page/follow/<uid>?relate=fans`), not of anyone else on the page. */
function fansLinkOf(doc: ParentNode, uid: string): Element | null {
  const own = new RegExp(`/u/page/follow/${uid}(?:[/?#]|$)`);
  return all(doc, selectors.fansLink).find((a) => own.test(a.getAttribute('href') ?? '')) ?? null;
}

/**
 * The counts of an own post on m.weibo.cn: the exact ones of the page's script data when it is this post's, else
 * those the action bar prints (a button showing its label instead of a number is 0). The mobile page shows no read
 * count and no follower count.
 */
export function extractMobileOwnPost(
  post: Element,
  exact: { reposts: number; comments: number; likes: number } | null,
): OwnPostFields {
  const bar = optionalOne(post, mobileSelectors.postActionBar);
  const slot = (icon: string): number | null => {
    const el = bar ? optionalOne(bar, icon) : null;
    if (!el) return null;
    return findDisplayCount(visibleText(el.closest(mobileSelectors.postActionButton) ?? el)) ?? 0;
  };
  return {
    reposts: exact?.reposts ?? slot(mobileSelectors.postRepostIcon),
    comments: exact?.comments ?? slot(mobileSelectors.postCommentIcon),
    likes: exact?.likes ?? slot(mobileSelectors.postLikeIcon),
    reads: null,
    followers: null,
  };
}
