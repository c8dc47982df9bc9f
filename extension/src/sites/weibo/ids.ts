/**
 * Weibo's two spellings of one post id and the uid inside avatar URLs. A post has a numeric mid
 * ("4387933362623405") and a base62 mblogid ("HATy0b0sZ", weibo.com's URLs and threadId); m.weibo.cn links use
 * either. The mblogid is the mid cut into 7-digit groups from the right, each written in base62 (0-9a-zA-Z),
 * every group but the first padded to 4 characters.
 */
const alphabet = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

function toBase62(n: number): string {
  let out = '';
  let rest = n;
  do {
    out = alphabet[rest % 62]! + out;
    rest = Math.floor(rest / 62);
  } while (rest > 0);
  return out;
}

function fromBase62(s: string): number | null {
  let n = 0;
  for (const ch of s) {
    const digit = alphabet.indexOf(ch);
    if (digit < 0) return null;
    n = n * 62 + digit;
  }
  return n;
}

/** The mblogid of a numeric mid; null for anything that is not a mid. */
export function midToMblogid(mid: string): string | null {
  if (!/^\d{10,19}$/.test(mid)) return null;
  const groups: string[] = [];
  for (let end = mid.length; end > 0; end -= 7) groups.unshift(mid.slice(Math.max(0, end - 7), end));
  return groups.map((g, i) => (i === 0 ? toBase62(Number(g)) : toBase62(Number(g)).padStart(4, '0'))).join('');
}

/** A 9-character base62 mblogid as it stands, a numeric mid as its mblogid; null for anything else. */
export function postIdToMblogid(id: string): string | null {
  if (/^[0-9A-Za-z]{9}$/.test(id) && !/^\d+$/.test(id)) return id;
  return midToMblogid(id);
}

/**
 * The uid in a sinaimg avatar URL: the file name starts with 8 characters that are the uid in hex
 * (`621263b4ly8…` → 1645372340) or, starting "00", in base62 (`0062f5uBly8…` → 5529945701). Null for a default
 * avatar or any other URL.
 */
export function uidFromAvatarUrl(url: string | null | undefined): string | null {
  const file = /sinaimg\.cn\/(?:[^?#]*\/)?([0-9A-Za-z]{8})[0-9A-Za-z]*\.(?:jpe?g|png|gif|webp)/.exec(url ?? '')?.[1];
  if (!file) return null;
  const n = file.startsWith('00')
    ? fromBase62(file.slice(2))
    : /^[0-9a-f]{8}$/.test(file)
      ? Number.parseInt(file, 16)
      : null;
  return n && n > 0 ? String(n) : null;
}
