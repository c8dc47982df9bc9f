import { all } from '../common/query';
import { monthFromName } from '../common/time-words';
import { mobileSelectors } from './mobile-selectors';

/**
 * What m.weibo.cn writes into its first HTML as script data: the signed-in uid (`var config = {… uid: '…'}`) and,
 * on a status page opened directly, the post itself (`var $render_data = [{status: …}][0] || {}`), whose times
 * carry their offset ("Tue Mar 10 08:05:00 +0800 2026"). The page is a single-page app: after navigating inside
 * it the post data may be another post's, so callers check its ids against the URL.
 */

export type RenderedStatus = {
  mid: string;
  bid: string;
  /** Epoch ms of `created_at`. */
  createdAt: number | null;
  counts: { reposts: number; comments: number; likes: number } | null;
};

function scripts(doc: ParentNode): string[] {
  return all(doc, mobileSelectors.inlineScript).map((s) => s.textContent ?? '');
}

/** The signed-in uid of `var config`, or null (signed out, or no such script). */
export function configUid(doc: ParentNode): string | null {
  for (const text of scripts(doc)) {
    const config = /\bconfig\s*=\s*\{([\s\S]*?)\};/.exec(text)?.[1];
    const uid = config ? /(?:^|[\s,{])uid\s*:\s*['"]?(\d{5,})/.exec(config)?.[1] : undefined;
    if (uid) return uid;
  }
  return null;
}

/** Weibo's `created_at`, "Tue Mar 10 08:05:00 +0800 2026": English abbreviations of a machine format, not UI text. */
function createdAtMs(text: unknown): number | null {
  const m = /^\w{3} (\w{3}) (\d{2}) (\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2})(\d{2}) (\d{4})$/.exec(String(text ?? ''));
  if (!m) return null;
  const month = monthFromName(m[1]!);
  if (month === null) return null;
  const offset = (m[6] === '-' ? -1 : 1) * (Number(m[7]) * 60 + Number(m[8]));
  const utc = Date.UTC(Number(m[9]), month - 1, Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]));
  return utc - offset * 60_000;
}

function count(v: unknown): number | null {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : null;
}

/** The post of `$render_data`, or null when there is none or it does not parse. */
export function renderedStatus(doc: ParentNode): RenderedStatus | null {
  for (const text of scripts(doc)) {
    const json = /var\s+\$render_data\s*=\s*(\[[\s\S]*\])\s*\[0\]/.exec(text)?.[1];
    if (!json) continue;
    let status: Record<string, unknown> | undefined;
    try {
      status = (JSON.parse(json) as Array<{ status?: Record<string, unknown> }>)[0]?.status;
    } catch {
      return null;
    }
    if (!status) return null;
    const reposts = count(status.reposts_count);
    const comments = count(status.comments_count);
    const likes = count(status.attitudes_count);
    return {
      mid: String(status.mid ?? status.id ?? ''),
      bid: String(status.bid ?? ''),
      createdAt: createdAtMs(status.created_at),
      counts: reposts !== null && comments !== null && likes !== null ? { reposts, comments, likes } : null,
    };
  }
  return null;
}
