import type { OwnPostFields } from '../../schemas/own-post';
import { inPeriod, type Period } from './period';

/** What the interaction rate reads of a post on one of our official accounts. */
export type OwnPostCounts = OwnPostFields & { postedAtMs: number };

/** The interaction rate with what it was computed from. */
export type InteractionRate = {
  value: number | null;
  /** Σ (reposts + comments + likes) over the posts counted. */
  engagements: number;
  /** What the engagements were divided by. */
  base: 'reads' | 'followers';
  /** Σ of the base over the posts counted. */
  denominator: number;
  /** Posts counted: those of the period with a value for the base. */
  posts: number;
  /** Posts of the period left out because the site showed no value for the base. */
  skipped: number;
};

/**
 * Interaction rate = Σ (reposts + comments + likes) ÷ Σ reads over the period's posts. It is ÷ Σ followers
 * instead when `base: 'followers'` is asked for, or when any post of the period lacks its reads (mixing the two
 * bases would mean nothing); `base` says which was used. With followers, posts without a follower count are
 * skipped. A missing repost, comment or like count adds nothing. Null when the base sums to 0.
 */
export function interactionRate(
  posts: readonly OwnPostCounts[],
  period: Period,
  options: { base?: 'reads' | 'followers' } = {},
): InteractionRate {
  const ofPeriod = posts.filter((p) => inPeriod(p.postedAtMs, period));
  const base = options.base === 'followers' || ofPeriod.some((p) => p.reads === null) ? 'followers' : 'reads';
  let engagements = 0;
  let denominator = 0;
  let counted = 0;
  for (const p of ofPeriod) {
    const baseValue = p[base];
    if (baseValue === null) continue;
    counted++;
    denominator += baseValue;
    engagements += (p.reposts ?? 0) + (p.comments ?? 0) + (p.likes ?? 0);
  }
  return {
    value: denominator > 0 ? engagements / denominator : null,
    engagements,
    base,
    denominator,
    posts: counted,
    skipped: ofPeriod.length - counted,
  };
}
