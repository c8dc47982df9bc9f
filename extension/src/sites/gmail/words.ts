/**
 * The only UI words the Gmail adapter reads, per UI language (docs/adding-a-site.md "UI languages"). Everything
 * else it reads is attributes (`email`, `data-legacy-*`, `title` times) and structure.
 */

/** What Gmail prints instead of the signed-in user's own name on their messages ("me", zh "我", ja "自分"). */
export const ownerAliases = ['me', '我', '自分'];
